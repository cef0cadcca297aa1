/** Keyboard shortcuts, listed once: the help dialog shows this table. */
export interface Shortcut {
  keys: string;
  what: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: '?', what: 'Show this list' },
  { keys: 'Ctrl/⌘ + Z', what: 'Undo the last canvas edit' },
  { keys: 'Ctrl/⌘ + Shift + Z, Ctrl + Y', what: 'Redo' },
  { keys: 'Delete, Backspace', what: 'Delete the selected nodes or connections' },
  { keys: 'Ctrl/⌘ + C, Ctrl/⌘ + V', what: 'Copy the selected rules and blocks (with what is inside), paste into the selected block' },
  { keys: 'Enter on a palette item', what: 'Add it to the selected block (or after the selected rule)' },
  { keys: 'Shift + L', what: 'Auto-layout the canvas' },
  { keys: 'Shift + F', what: 'Show the whole tree (zooms out as far as it takes)' },
  { keys: 'Shift + D', what: 'Switch light / dark theme' },
  { keys: 'Space / Enter, arrows, Escape', what: 'Evaluation order: pick up, move, drop, cancel' },
];

/** Whether a key event is typed into a field (shortcuts then stay out of the way). */
export function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.getAttribute('role') === 'combobox';
}

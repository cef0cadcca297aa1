/**
 * Undo/redo of graph edits. A snapshot is the graph and the editable metadata; status and
 * activation time come from the service and are never undone, and selection is view state
 * (`editor-view.ts`), never a step (an undo or redo leaves nothing selected). Typing into one
 * field coalesces into one step.
 */
import type { StateCreator } from 'zustand';
import type { EditorNode, EditorEdge, TriggerMeta } from './graph-types';
import type { EditorState } from './editor-store';
import { selectOnly } from './editor-view';

export interface Snapshot {
  nodes: EditorNode[];
  edges: EditorEdge[];
  name: string;
}

export interface HistorySlice {
  past: Snapshot[];
  future: Snapshot[];
  /** Key and time of the last step, to coalesce typing into one step. */
  lastStep: { key: string; at: number } | null;
  /** Records the current state as an undo step (call before changing it). */
  checkpoint: (key?: string) => void;
  undo: () => void;
  redo: () => void;
  clearHistory: () => void;
}

const LIMIT = 200;
const COALESCE_MS = 1000;

export function snapshotOf(s: { nodes: EditorNode[]; edges: EditorEdge[]; meta: TriggerMeta }): Snapshot {
  return { nodes: s.nodes, edges: s.edges, name: s.meta.name };
}

export const createHistorySlice: StateCreator<EditorState, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  lastStep: null,
  checkpoint: (key) => {
    const s = get();
    const now = Date.now();
    if (key && s.lastStep?.key === key && now - s.lastStep.at < COALESCE_MS) {
      set({ lastStep: { key, at: now } });
      return;
    }
    set({ past: [...s.past.slice(-LIMIT + 1), snapshotOf(s)], future: [], lastStep: key ? { key, at: now } : null });
  },
  undo: () => {
    const s = get();
    const prev = s.past[s.past.length - 1];
    if (!prev) return;
    set({
      past: s.past.slice(0, -1),
      future: [snapshotOf(s), ...s.future],
      nodes: prev.nodes,
      edges: prev.edges,
      meta: { ...s.meta, name: prev.name },
      lastStep: null,
    });
    selectOnly(s.view, []);
  },
  redo: () => {
    const s = get();
    const next = s.future[0];
    if (!next) return;
    set({
      past: [...s.past, snapshotOf(s)],
      future: s.future.slice(1),
      nodes: next.nodes,
      edges: next.edges,
      meta: { ...s.meta, name: next.name },
      lastStep: null,
    });
    selectOnly(s.view, []);
  },
  clearHistory: () => set({ past: [], future: [], lastStep: null }),
});

import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from './menu-template';

function fileMenu(t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const file = t.find((m) => m.label === '&File');
  return (file?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('menu template', () => {
  const actions = { newProgram: vi.fn(), openProgramFile: vi.fn(), importEvents: vi.fn(), exportProgram: vi.fn(), openRecent: vi.fn(), openInBrowser: vi.fn() };

  it('has File › New / Open / Import / Export / Recent wired to the actions', () => {
    const items = fileMenu(menuTemplate(actions, [{ id: 'p1', name: 'R&D program' }], 'linux'));
    const labels = items.map((i) => i.label ?? i.role ?? i.type);
    expect(labels).toEqual(['&New Program', '&Open Program File…', '&Import Event Set…', '&Export Program…', 'separator', 'Open &Recent', 'separator', 'Open in &Browser', 'separator', 'quit']);
    items[7]?.click?.({} as never, undefined, {});
    expect(actions.openInBrowser).toHaveBeenCalled();
    items[0]?.click?.({} as never, undefined, {});
    expect(actions.newProgram).toHaveBeenCalled();
    const recent = items[5]?.submenu as MenuItemConstructorOptions[];
    expect(recent[0]?.label).toBe('R&&D program');
    recent[0]?.click?.({} as never, undefined, {});
    expect(actions.openRecent).toHaveBeenCalledWith('p1');
  });

  it('shows a disabled entry when there is nothing recent, and the app menu on macOS', () => {
    const items = fileMenu(menuTemplate(actions, [], 'darwin'));
    expect((items[5]?.submenu as MenuItemConstructorOptions[])[0]).toMatchObject({ enabled: false });
    expect(menuTemplate(actions, [], 'darwin')[0]).toEqual({ role: 'appMenu' });
  });

  it('offers Toggle DevTools only in development', () => {
    const view = (devTools: boolean): unknown[] => ((menuTemplate(actions, [], 'linux', devTools).find((m) => m.label === '&View')?.submenu ?? []) as MenuItemConstructorOptions[]).map((i) => i.role);
    expect(view(false)).not.toContain('toggleDevTools');
    expect(view(true)).toContain('toggleDevTools');
    expect(view(false)).toContain('reload');
  });
});

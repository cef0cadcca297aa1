/**
 * The native menu as data (Electron's template), built from the recent programs and the
 * actions main wires in. File › New / Open / Import / Export / Recent / Open in Browser, plus the usual Edit,
 * View and Window menus by role.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newProgram(): void;
  openProgramFile(): void;
  importEvents(): void;
  exportProgram(): void;
  openRecent(programId: string): void;
  /** Serves this app to the person's browser (one URL across launches) and opens it there. */
  openInBrowser(): void;
}

export interface RecentProgram {
  id: string;
  name: string;
}

/** How many recent programs File › Recent lists. */
export const RECENT_LIMIT = 8;

/** The menu; View › Toggle DevTools only when `devTools` (development, never the packaged app). */
export function menuTemplate(actions: MenuActions, recent: readonly RecentProgram[], platform: NodeJS.Platform = process.platform, devTools = false): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.slice(0, RECENT_LIMIT).map((p) => ({ label: p.name.replace(/&/g, '&&'), click: () => actions.openRecent(p.id) }))
    : [{ label: 'No recent programs', enabled: false }];
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: '&New Program', accelerator: 'CmdOrCtrl+N', click: () => actions.newProgram() },
      { label: '&Open Program File…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProgramFile() },
      { label: '&Import Event Set…', accelerator: 'CmdOrCtrl+I', click: () => actions.importEvents() },
      { label: '&Export Program…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportProgram() },
      { type: 'separator' },
      { label: 'Open &Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Open in &Browser', click: () => actions.openInBrowser() },
      { type: 'separator' },
      platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    file,
    { role: 'editMenu' },
    { label: '&View', submenu: [{ role: 'reload' }, ...(devTools ? [{ role: 'toggleDevTools' } as const] : []), { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ];
  return platform === 'darwin' ? [{ role: 'appMenu' }, ...template] : template;
}

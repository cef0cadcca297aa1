/** Creates the one app window with the hardened preferences and remembers its size and place. */
import type { BrowserWindow as BrowserWindowType, Screen } from 'electron';
import { secureWebPreferences } from './security';
import { fitToDisplays, loadWindowState, saveWindowState, type WindowState } from './window-state';

export interface WindowDeps {
  BrowserWindow: typeof BrowserWindowType;
  screen: Pick<Screen, 'getAllDisplays'>;
  stateDir: string;
  preload: string;
  pageUrl: string;
  /** DevTools are for development only. */
  devTools: boolean;
  /** Called once the page has painted and the window is shown. */
  onShown?: () => void;
  /** Called when the page itself fails to load (the window would stay hidden). */
  onLoadFailed?: (error: Error) => void;
}

function currentState(win: BrowserWindowType): WindowState {
  const b = win.getNormalBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
}

export function createAppWindow(deps: WindowDeps): BrowserWindowType {
  const saved = fitToDisplays(loadWindowState(deps.stateDir), deps.screen.getAllDisplays().map((d) => d.workArea));
  const win = new deps.BrowserWindow({
    ...saved,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Offerflow',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(deps.preload, deps.devTools),
  });
  if (saved.maximized) win.maximize();
  let timer: NodeJS.Timeout | undefined;
  const persist = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => !win.isDestroyed() && saveWindowState(deps.stateDir, currentState(win)), 500);
  };
  win.on('resize', persist);
  win.on('move', persist);
  win.on('close', () => {
    clearTimeout(timer);
    saveWindowState(deps.stateDir, currentState(win));
  });
  win.once('ready-to-show', () => {
    win.show();
    deps.onShown?.();
  });
  win.webContents.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
    if (isMainFrame) deps.onLoadFailed?.(new Error(`the page ${url} did not load: ${description} (${code})`));
  });
  win.loadURL(deps.pageUrl).catch((e: unknown) => deps.onLoadFailed?.(e instanceof Error ? e : new Error(String(e))));
  return win;
}

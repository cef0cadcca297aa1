/**
 * Hardening of the one window: isolated, sandboxed, no Node in the page; navigation of any
 * frame, new windows and permission requests refused; IPC only from our page's main frame. The
 * CSP comes with every answer of the app:// handler (app-protocol.ts).
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** The web preferences of the app window. */
export function secureWebPreferences(preload: string, devTools: boolean): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
  };
}

/** Refuses every permission request (camera, notifications, geolocation…): the app needs none. */
export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Whether `url` is the app page (same file, whatever the hash or query). */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(appUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/**
 * The page may not navigate away, open windows or attach webviews. `will-frame-navigate` covers
 * every frame (the app has no frames of its own, so a subframe may go nowhere); `will-navigate`
 * stays for the main frame's renderer-initiated navigations on older paths.
 */
export function lockNavigation(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, appUrl: string): void {
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** What isTrustedSender looks at in an IPC event (a subset of IpcMainInvokeEvent). */
export interface SenderInfo {
  sender: { id: number } | null | undefined;
  senderFrame: { url: string; parent: unknown } | null | undefined;
}

/**
 * An IPC sender is trusted when it is our window's main frame (no parent: an iframe, even one
 * showing our page, is refused) and that frame shows the app page.
 */
export function isTrustedSender(event: SenderInfo, appContentsId: number | null, appUrl: string): boolean {
  const { sender, senderFrame: frame } = event;
  return !!sender && appContentsId !== null && sender.id === appContentsId && !!frame && frame.parent === null && isAppUrl(frame.url, appUrl);
}

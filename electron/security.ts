/**
 * Hardening of the one window: isolated, sandboxed, no Node in the page; a strict CSP on every
 * response; navigation, new windows and permission requests refused; IPC only from our page.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { APP_CSP } from '../service/host/csp';

/** The web preferences of the app window. */
export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
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

/** Adds the CSP to every response the session loads (file:// pages included). */
export function installCsp(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [APP_CSP] } });
  });
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

/** The page may not navigate away, open windows or attach webviews. */
export function lockNavigation(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** An IPC sender is trusted when it is our window's main frame showing the app page. */
export function isTrustedSender(sender: { id: number } | null | undefined, frameUrl: string | undefined, appContentsId: number | null, appUrl: string): boolean {
  return !!sender && appContentsId !== null && sender.id === appContentsId && frameUrl !== undefined && isAppUrl(frameUrl, appUrl);
}

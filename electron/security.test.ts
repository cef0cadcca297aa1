import { describe, expect, it, vi } from 'vitest';
import { APP_PAGE_URL as APP } from './app-protocol';
import { denyPermissions, isAppUrl, isTrustedSender, lockNavigation, secureWebPreferences } from './security';

describe('window security', () => {
  it('isolates and sandboxes the page with no Node', () => {
    expect(secureWebPreferences('/p.cjs', false)).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: '/p.cjs', devTools: false });
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(true);
  });

  it('denies every permission request', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyPermissions({ setPermissionRequestHandler: (h: typeof request) => (request = h), setPermissionCheckHandler: (h: typeof check) => (check = h) } as never);
    const cb = vi.fn();
    request?.({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(check?.()).toBe(false);
  });

  it('refuses navigation away from the app page and every new window', () => {
    const handlers = new Map<string, (e: { preventDefault: () => void }, url?: string) => void>();
    let open: (() => { action: string }) | undefined;
    lockNavigation({ on: (name: string, h: never) => handlers.set(name, h), setWindowOpenHandler: (h: typeof open) => (open = h) } as never, APP);
    const nav = (url: string): boolean => {
      const e = { preventDefault: vi.fn() };
      handlers.get('will-navigate')?.(e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(nav('https://evil.example/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav('app://other/index.html')).toBe(true);
    expect(nav(`${APP}#/ledger`)).toBe(false);
    expect(open?.()).toEqual({ action: 'deny' });
  });

  it('refuses frame navigations away from the app page, and every subframe navigation', () => {
    const handlers = new Map<string, (e: unknown) => void>();
    lockNavigation({ on: (name: string, h: never) => handlers.set(name, h), setWindowOpenHandler: () => undefined } as never, APP);
    const frameNav = (url: string, isMainFrame: boolean): boolean => {
      const e = { url, isMainFrame, preventDefault: vi.fn() };
      handlers.get('will-frame-navigate')?.(e);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(frameNav('https://evil.example/', true)).toBe(true);
    expect(frameNav('https://evil.example/', false)).toBe(true);
    expect(frameNav(APP, false)).toBe(true);
    expect(frameNav(`${APP}#/runs`, true)).toBe(false);
  });

  it('trusts IPC only from our window showing the app page', () => {
    const main = { url: APP, parent: null };
    expect(isTrustedSender({ sender: { id: 3 }, senderFrame: main }, 3, APP)).toBe(true);
    expect(isTrustedSender({ sender: { id: 4 }, senderFrame: main }, 3, APP)).toBe(false);
    expect(isTrustedSender({ sender: { id: 3 }, senderFrame: { url: 'https://evil.example/', parent: null } }, 3, APP)).toBe(false);
    expect(isTrustedSender({ sender: { id: 3 }, senderFrame: null }, 3, APP)).toBe(false);
    expect(isTrustedSender({ sender: { id: 3 }, senderFrame: main }, null, APP)).toBe(false);
    // An iframe showing our page is still not the main frame.
    expect(isTrustedSender({ sender: { id: 3 }, senderFrame: { url: APP, parent: main } }, 3, APP)).toBe(false);
    expect(isAppUrl('not a url', APP)).toBe(false);
  });
});

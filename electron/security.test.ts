import { describe, expect, it, vi } from 'vitest';
import { denyPermissions, installCsp, isAppUrl, isTrustedSender, lockNavigation, secureWebPreferences } from './security';

const APP = 'file:///opt/offerflow/resources/app.asar/dist/renderer/index.html';

describe('window security', () => {
  it('isolates and sandboxes the page with no Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: '/p.cjs' });
  });

  it('adds the CSP to every response', () => {
    let handler: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    installCsp({ webRequest: { onHeadersReceived: (h: typeof handler) => (handler = h) } } as never);
    const cb = vi.fn();
    handler?.({ responseHeaders: { 'X-A': ['1'] } }, cb);
    const headers = cb.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(headers['X-A']).toEqual(['1']);
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/script-src 'self'/);
    expect(headers['Content-Security-Policy']?.[0]).not.toMatch(/unsafe-eval/);
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
    expect(nav(`${APP}#/ledger`)).toBe(false);
    expect(open?.()).toEqual({ action: 'deny' });
  });

  it('trusts IPC only from our window showing the app page', () => {
    expect(isTrustedSender({ id: 3 }, APP, 3, APP)).toBe(true);
    expect(isTrustedSender({ id: 4 }, APP, 3, APP)).toBe(false);
    expect(isTrustedSender({ id: 3 }, 'https://evil.example/', 3, APP)).toBe(false);
    expect(isTrustedSender({ id: 3 }, undefined, 3, APP)).toBe(false);
    expect(isTrustedSender({ id: 3 }, APP, null, APP)).toBe(false);
    expect(isAppUrl('not a url', APP)).toBe(false);
  });
});

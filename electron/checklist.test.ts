/**
 * Electron's security checklist, item by item, for what the unit tests of security.ts and the
 * packaged-layout test (packaged.test.ts: scheme, window preferences, IPC sender, navigation,
 * permissions, fuses, all as the packaged main.cjs really does them) do not already cover: the
 * CSP's sources and the built preload, run with a stand-in `electron` as the sandbox runs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../service/bridge';
import { APP_CSP } from '../service/host/csp';
import { APP_PAGE_URL as APP } from './app-protocol';
import { lockNavigation, secureWebPreferences } from './security';

const root = path.resolve(__dirname, '..');
const preloadFile = path.join(root, 'dist/electron/preload.cjs');

describe('Electron security checklist', () => {
  it('web preferences: no Node, isolation, sandbox, web security, no experimental or insecure switches', () => {
    const prefs = secureWebPreferences('/p.cjs', false) as Record<string, unknown>;
    expect(prefs).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, contextIsolation: true, sandbox: true, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, devTools: false });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.webviewTag).not.toBe(true);
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true);
  });

  it('CSP: only the app itself, no eval, no remote source of any kind', () => {
    expect(APP_CSP).toMatch(/default-src 'self'/);
    expect(APP_CSP).toMatch(/script-src 'self'(;|$)/);
    expect(APP_CSP).toMatch(/object-src 'none'/);
    expect(APP_CSP).not.toMatch(/unsafe-eval|https?:|\*|ws:|wss:/);
  });

  it('webviews and redirects away from the app page are refused', () => {
    const handlers = new Map<string, (e: { preventDefault: () => void }, url?: string) => void>();
    lockNavigation({ on: (name: string, h: never) => handlers.set(name, h), setWindowOpenHandler: () => undefined } as never, APP);
    const fired = (name: string, url?: string): boolean => {
      const e = { preventDefault: vi.fn() };
      handlers.get(name)?.(e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(fired('will-attach-webview')).toBe(true);
    expect(fired('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fired('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(fired('will-navigate', 'app://offerflow/other.html')).toBe(true);
  });

  describe('the built preload, run as the sandbox runs it', () => {
    it('exposes exactly the bridge on window.offerflow, never ipcRenderer, and requires only electron', async () => {
      if (!fs.existsSync(preloadFile)) throw new Error('dist/electron/preload.cjs is missing: run `npm run build` first (npm test does)');
      const exposed = new Map<string, unknown>();
      const invoke = vi.fn(() => Promise.resolve({ ok: true, value: [] }));
      const ipcRenderer = { invoke, on: vi.fn(), removeListener: vi.fn() };
      const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) }, ipcRenderer };
      const requested: string[] = [];
      // A sandboxed preload gets a limited require; anything but `electron` would fail there.
      const sandboxRequire = (name: string): unknown => {
        requested.push(name);
        if (name === 'electron') return electron;
        throw new Error(`a sandboxed preload cannot require ${name}`);
      };
      const module = { exports: {} };
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the test runs the built preload file as Electron's sandbox does: as a function of require/module/exports.
      const preload = new Function('require', 'module', 'exports', fs.readFileSync(preloadFile, 'utf8')) as (req: typeof sandboxRequire, m: typeof module, e: object) => void;
      preload(sandboxRequire, module, module.exports);
      expect([...new Set(requested)]).toEqual(['electron']);
      expect([...exposed.keys()]).toEqual(['offerflow']);
      const bridge = exposed.get('offerflow') as Record<string, (...a: unknown[]) => unknown>;
      expect(Object.keys(bridge).sort()).toEqual(['exportFile', 'importFile', 'onMenu', 'send']);
      for (const v of Object.values(bridge)) {
        expect(v).not.toBe(ipcRenderer);
        expect(Object.values(ipcRenderer)).not.toContain(v);
      }
      // Unknown channels are refused before IPC; known ones go to the one call channel.
      expect(await bridge.send!('not.a.channel', {})).toMatchObject({ ok: false });
      expect(invoke).not.toHaveBeenCalled();
      await bridge.send!('programs.list', {});
      expect(invoke).toHaveBeenCalledWith(IPC.call, 'programs.list', {});
    });
  });
});

/**
 * Electron's security checklist, item by item, for what the unit tests of security.ts do not
 * already cover (issue 6): the wiring in main.ts (which needs Electron to run, so it is checked
 * in the source), the preload surface, the CSP's sources and the packaging fuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../service/host/csp';
import { lockNavigation, secureWebPreferences } from './security';

const root = path.resolve(__dirname, '..');
const read = (f: string): string => fs.readFileSync(path.join(root, f), 'utf8');
const APP = 'file:///opt/offerflow/resources/app.asar/dist/renderer/index.html';

describe('Electron security checklist', () => {
  it('web preferences: no Node, isolation, sandbox, web security, no experimental or insecure switches', () => {
    const prefs = secureWebPreferences('/p.cjs') as Record<string, unknown>;
    expect(prefs).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, contextIsolation: true, sandbox: true, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false });
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
    expect(fired('will-navigate', 'file:///opt/offerflow/resources/app.asar/dist/renderer/other.html')).toBe(true);
  });

  it('main.ts wires every lock: single instance, navigation on every web contents, CSP, permissions, sender check', () => {
    const main = read('electron/main.ts');
    expect(main).toMatch(/app\.requestSingleInstanceLock\(\)\) app\.quit\(\)/);
    expect(main).toMatch(/app\.on\('web-contents-created', \(_e, contents\) => lockNavigation\(contents, pageUrl\)\)/);
    expect(main).toMatch(/installCsp\(session\.defaultSession\)/);
    expect(main).toMatch(/denyPermissions\(session\.defaultSession\)/);
    expect(main).toMatch(/trusted: \(e\) => isTrustedSender\(/);
    // The page is the packaged file, never a remote URL; nothing opens links in the OS browser.
    expect(main).toMatch(/const pageUrl = pathToFileURL\(/);
    expect(main).not.toMatch(/loadURL\(['"`]https?:/);
    for (const f of fs.readdirSync(path.join(root, 'electron')).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      expect(read(`electron/${f}`), f).not.toMatch(/openExternal|webviewTag: true|nodeIntegration: true|contextIsolation: false|sandbox: false/);
    }
  });

  it('the preload exposes only the bridge, never ipcRenderer itself', () => {
    // Comments stripped: they may name ipcRenderer; only the code counts.
    const preload = read('electron/preload.ts').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('offerflow', bridge\)/);
    // ipcRenderer is only ever called, never handed out.
    for (const use of preload.match(/ipcRenderer\b.?/g) ?? []) expect(use).toMatch(/^ipcRenderer[. ]$/);
    expect(preload).toMatch(/import \{ contextBridge, ipcRenderer \} from 'electron'/);
  });

  it('packaging flips the Electron fuses that turn the binary into a Node runtime or loosen loading', () => {
    const yml = read('electron-builder.yml');
    const block = yml.slice(yml.indexOf('electronFuses:'));
    const fuse = (name: string): string | undefined => block.match(new RegExp(`\\n\\s+${name}: (\\w+)`))?.[1];
    expect(fuse('runAsNode')).toBe('false');
    expect(fuse('enableNodeOptionsEnvironmentVariable')).toBe('false');
    expect(fuse('enableNodeCliInspectArguments')).toBe('false');
    expect(fuse('enableEmbeddedAsarIntegrityValidation')).toBe('true');
    expect(fuse('onlyLoadAppFromAsar')).toBe('true');
    expect(fuse('enableCookieEncryption')).toBe('true');
    expect(fuse('grantFileProtocolExtraPrivileges')).toBe('false');
  });
});

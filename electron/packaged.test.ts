/**
 * The app in the layout users install: `electron-builder --dir` with electron-builder.yml around
 * a stand-in Electron binary (electron/test-support/pack.ts), app.asar unpacked with
 * @electron/asar, and the packaged main.cjs run under Node with a stand-in `electron` module
 * (electron/test-support/electron-stub.cjs) that records what it does. Electron's own binary
 * cannot be downloaded here; e2e/electron.spec.ts launches the real one where it exists.
 *
 * Needs `npm run build` first (npm test and .ci/run do it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC } from '../service/bridge';
import { APP_CSP } from '../service/host/csp';
import { folderBytes, packWithStandIn, ROOT, type PackedApp } from './test-support/pack';
import { startPackaged, type StubApp, type StubState } from './test-support/stub-process';

const PAGE = 'app://offerflow/index.html';
let work: string;
let packed: PackedApp;
let app: StubApp;
// Set once the app started: if beforeAll failed earlier, afterAll has nothing to stop.
let stopApp: (() => Promise<unknown>) | undefined;
let userData: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-packaged-'));
  packed = await packWithStandIn(path.join(work, 'pack'));
  userData = fs.mkdtempSync(path.join(work, 'user-'));
  app = startPackaged(packed.resources, userData, packed.binary);
  stopApp = () => app.stop();
  const started = await app.started;
  if (!('shown' in started)) throw new Error(`the packaged app did not show its window: exit ${started.exit}, ${JSON.stringify(started.state.errorBoxes)}`);
}, 240_000);

afterAll(async () => {
  await stopApp?.();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** What the MIME type of each kind of asset must be. */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};
const ASSET_EXT = 'js|mjs|css|woff2?|ttf|png|svg|ico|jpe?g|gif|webp|wasm';

/** Every URL a document, stylesheet or script refers to (resolved against `base`). */
function references(base: string, type: string, text: string): string[] {
  const found: string[] = [];
  if (type.startsWith('text/html')) for (const m of text.matchAll(/\s(?:src|href)=["']([^"']+)["']/g)) found.push(m[1] ?? '');
  if (type.startsWith('text/css')) for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) found.push(m[1] ?? '');
  if (type.startsWith('text/javascript')) {
    // Vite's chunk imports and preload lists name hashed files (name-HASH.ext) in string literals.
    for (const m of text.matchAll(new RegExp(`["'\`]((?:\\.{1,2}/|/)?(?:assets/)?[\\w.-]+-[\\w-]{8}\\.(?:${ASSET_EXT}))["'\`]`, 'g'))) found.push(m[1] ?? '');
  }
  return found
    .filter((u) => !u.startsWith('data:') && !u.startsWith('#'))
    .map((u) => (/^assets\//.test(u) ? new URL(u, PAGE).href : new URL(u, base).href));
}

describe('the packaged app (electron-builder --dir, stand-in Electron)', () => {
  it('registers app:// as privileged before ready and shows the window from it, never file://', async () => {
    const s = await app.state();
    expect(s.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(s.handled).toEqual(['app']);
    expect(s.windows).toHaveLength(1);
    const win = s.windows[0]!;
    expect(win.loads.map((l) => l.url)).toEqual([PAGE]);
    expect(win.loads[0]).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8', csp: APP_CSP, error: null });
    expect(win.shown).toBe(true);
    expect(s.errorBoxes).toEqual([]);
    expect(s.lockHeld).toBe(true);
  });

  it('serves the page and every script, style, font and image it and its chunks reference: 200, right MIME type, CSP', async () => {
    const seen = new Map<string, { status: number; type: string | undefined; csp: string | undefined }>();
    const queue = [PAGE];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      // Only the app's own origin may be referenced: anything else the CSP would block.
      expect(url, 'a reference outside app://offerflow').toMatch(/^app:\/\/offerflow\//);
      const r = await app.fetch(url);
      const type = r.headers['content-type'];
      seen.set(url, { status: r.status, type, csp: r.headers['content-security-policy'] });
      if (r.status === 200 && type) queue.push(...references(url, type, r.body.toString('utf8')));
    }
    const kinds = new Set([...seen.keys()].map((u) => path.extname(new URL(u).pathname)));
    // The crawl found the page, its module script and its stylesheet at least.
    expect(kinds.has('.js') && kinds.has('.css') && kinds.has('.html')).toBe(true);
    for (const [url, got] of seen) {
      expect(got.status, url).toBe(200);
      expect(got.type, url).toBe(MIME[path.extname(new URL(url).pathname)]);
      expect(got.csp, url).toBe(APP_CSP);
    }
    console.info(`served ${seen.size} files through app://: ${[...seen.keys()].map((u) => new URL(u).pathname).join(', ')}`);
  });

  it('refuses traversal out of the renderer folder, plain and encoded', async () => {
    const pkg = fs.readFileSync(path.join(packed.archive.replace(/\.archive$/, ''), 'package.json'), 'utf8');
    for (const url of [
      'app://offerflow/../../package.json',
      'app://offerflow/..%2f..%2fpackage.json',
      'app://offerflow/%2e%2e/%2e%2e/package.json',
      'app://offerflow/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://offerflow/..%5c..%5cpackage.json',
      'app://offerflow/assets/..\\..\\package.json',
      'app://offerflow/%252e%252e/%252e%252e/package.json',
      'app://offerflow/..%2f..%2fdist%2felectron%2fmain.cjs',
      'app://offerflow/..%2f..%2f..%2fapp.asar.unpacked%2fnative%2felectron%2fbetter_sqlite3.node',
    ]) {
      const r = await app.fetch(url);
      expect(r.status, url).not.toBe(200);
      expect(r.body.toString('utf8'), url).not.toBe(pkg);
      expect(r.headers['content-security-policy'], url).toBe(APP_CSP);
    }
  });

  it('runs the worker and loads the native binary from app.asar.unpacked', async () => {
    const unpacked = path.join(packed.resources, 'app.asar.unpacked');
    expect(fs.existsSync(path.join(unpacked, 'dist/electron/replay-worker.cjs'))).toBe(true);
    expect(fs.existsSync(path.join(unpacked, 'native/electron/better_sqlite3.node'))).toBe(true);
    // Not inside the archive (see pack.ts): the app reached them only through the unpacked folder.
    expect(fs.existsSync(path.join(packed.resources, 'app.asar/native/electron/better_sqlite3.node'))).toBe(false);
    expect(fs.existsSync(path.join(packed.resources, 'app.asar/dist/electron/replay-worker.cjs'))).toBe(false);
    const list = await app.call<{ value: { ok: boolean; value: { id: string }[] } }>({ op: 'ipc', channel: IPC.call, from: 'main', args: ['programs.list', {}] });
    expect(list.value.ok).toBe(true);
    const program = list.value.value[0]!;
    const sets = await app.call<{ value: { ok: boolean; value: { id: string }[] } }>({ op: 'ipc', channel: IPC.call, from: 'main', args: ['eventSets.list', { programId: program.id }] });
    expect(sets.value.ok).toBe(true);
    const started = await app.call<{ value: { ok: boolean; value: { runId: string } } }>({ op: 'ipc', channel: IPC.call, from: 'main', args: ['replay.start', { programId: program.id, eventSetId: sets.value.value[0]!.id }] });
    expect(started.value).toMatchObject({ ok: true });
    // The run ends in the worker thread started from the unpacked script.
    for (;;) {
      const run = await app.call<{ value: { ok: boolean; value: { status: string; error?: unknown } } }>({ op: 'ipc', channel: IPC.call, from: 'main', args: ['replay.progress', { runId: started.value.value.runId }] });
      expect(run.value.ok).toBe(true);
      if (run.value.value.status === 'running' || run.value.value.status === 'queued') {
        await new Promise((r) => setImmediate(r));
        continue;
      }
      expect(run.value.value).toMatchObject({ status: 'done' });
      break;
    }
  });

  it('keeps the hardening: web preferences, IPC from our main frame only, navigation, windows, permissions', async () => {
    const s = await app.state();
    const prefs = s.windows[0]!.options.webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, devTools: false });
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true);
    expect(prefs.webviewTag).not.toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toBe(path.join(packed.resources, 'app.asar/dist/electron/preload.cjs'));
    expect(fs.existsSync(prefs.preload as string)).toBe(true);
    expect(s.windows[0]!.options.show).toBe(false);

    expect(s.ipcChannels.sort()).toEqual([IPC.call, IPC.exportFile, IPC.importFile].sort());
    const ask = (from: string) => app.call<{ value: { ok: boolean } }>({ op: 'ipc', channel: IPC.call, from, args: ['programs.list', {}] });
    expect((await ask('main')).value.ok).toBe(true);
    expect((await ask('iframe')).value).toMatchObject({ ok: false, error: { message: expect.stringMatching(/refused/) as string } });
    expect((await ask('other')).value).toMatchObject({ ok: false });

    const nav = (event: string, url: string, isMainFrame = true) => app.call<{ prevented: boolean }>({ op: 'navigate', event, url, isMainFrame });
    expect((await nav('will-frame-navigate', 'https://evil.example/')).prevented).toBe(true);
    expect((await nav('will-frame-navigate', `${PAGE}#/runs`, false)).prevented).toBe(true);
    expect((await nav('will-frame-navigate', 'file:///etc/passwd')).prevented).toBe(true);
    expect((await nav('will-frame-navigate', `${PAGE}#/runs`)).prevented).toBe(false);
    expect((await nav('will-navigate', 'https://evil.example/')).prevented).toBe(true);
    expect((await nav('will-redirect', 'https://evil.example/')).prevented).toBe(true);
    expect((await nav('will-attach-webview', PAGE)).prevented).toBe(true);
    expect(await app.call({ op: 'window-open', url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(await app.call({ op: 'permission', permission: 'media' })).toEqual({ granted: false, check: false });
  });

  it('file commands run in main and answer Results: an import through the open dialog, a refused file', async () => {
    const good = path.join(ROOT, 'resources/samples/demo.program.json');
    await app.call({ op: 'dialog-answers', answers: { open: [good] } });
    const r = await app.call<{ value: { ok: boolean; value: { kind: string; fileName: string } } }>({ op: 'ipc', channel: IPC.importFile, from: 'main', args: [{ kind: 'program' }] });
    expect(r.value).toMatchObject({ ok: true, value: { kind: 'program', fileName: 'demo.program.json' } });
    const bad = path.join(work, 'latin1.program.json');
    fs.writeFileSync(bad, Buffer.from([0x7b, 0xe9, 0x7d]));
    await app.call({ op: 'dialog-answers', answers: { open: [bad] } });
    const refused = await app.call<{ value: { ok: boolean; error: { message: string } } }>({ op: 'ipc', channel: IPC.importFile, from: 'main', args: [{ kind: 'program' }] });
    expect(refused.value).toMatchObject({ ok: false, error: { message: 'latin1.program.json is not UTF-8 text: save it as UTF-8 and open it again' } });
    await app.call({ op: 'dialog-answers', answers: { open: null } });
  });

  it('ships no DevTools: the menu has no Toggle DevTools', async () => {
    const s = await app.state();
    const roles = JSON.stringify(s.menus.at(-1));
    expect(roles).toMatch(/"role":"reload"/);
    expect(roles).not.toMatch(/toggleDevTools/i);
  });

  it('flips the fuses on the packaged binary: no Node mode, no file:// privileges, asar only', async () => {
    const wire = await getCurrentFuseWire(packed.binary);
    const on = (f: FuseV1Options): boolean => {
      const state = wire[f];
      // Each fuse is one ASCII byte, '1' when enabled (@electron/fuses does not export its FuseState enum).
      return state !== undefined && String.fromCharCode(state) === '1';
    };
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(false);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
  });

  it('packs only what the main process and the worker load, named Offerflow', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(packed.resources, 'app.asar/package.json'), 'utf8')) as { productName?: string };
    expect(pkg.productName).toBe('Offerflow');
    const modules = new Set(packed.entries.map((e) => e.match(/^[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/)?.[1]).filter((m): m is string => !!m));
    expect([...modules].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
    expect(packed.entries.filter((e) => e.endsWith('.map'))).toEqual([]);
    expect(packed.entries.filter((e) => /better-sqlite3[\\/](deps|src|build)[\\/]/.test(e))).toEqual([]);
    const asarBytes = fs.statSync(packed.archive).size;
    const unpackedBytes = folderBytes(path.join(packed.resources, 'app.asar.unpacked'));
    console.info(`app.asar: ${packed.entries.length} entries, ${(asarBytes / 1e6).toFixed(1)} MB; app.asar.unpacked: ${(unpackedBytes / 1e6).toFixed(1)} MB; electron-builder --dir took ${(packed.ms / 1000).toFixed(1)} s`);
  });

  it('keeps electron-builder\'s default .deb dependencies (adds, does not replace)', () => {
    const req = createRequire(require.resolve('app-builder-lib'));
    const FpmTarget = (req('./targets/FpmTarget') as { default: { prototype: { getDefaultDepends(t: string): string[] } } }).default;
    const defaults = FpmTarget.prototype.getDefaultDepends.call(null, 'deb');
    expect(defaults.length).toBeGreaterThan(0);
    const yml = (createRequire(__filename)('js-yaml') as { load(s: string): { deb: { depends: string[] } } }).load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
    expect(yml.deb.depends).toEqual(expect.arrayContaining(defaults));
  });

  describe('startup failures', () => {
    const native = (): string => path.join(packed.resources, 'app.asar.unpacked/native/electron/better_sqlite3.node');
    let good: Buffer;
    beforeAll(async () => {
      await app.stop();
      good = fs.readFileSync(native());
    });
    afterAll(() => fs.writeFileSync(native(), good));

    async function launchExpectingFailure(): Promise<StubState> {
      const dir = fs.mkdtempSync(path.join(work, 'fail-'));
      const failing = startPackaged(packed.resources, dir, packed.binary);
      const started = await failing.started;
      expect(started, 'the window must not show').not.toHaveProperty('shown');
      const { code, state } = await failing.exited;
      expect(code).toBe(1);
      return state;
    }

    it('a broken native binary: error box with what failed and what to do, log path, exit 1, lock released', async () => {
      fs.writeFileSync(native(), 'not a shared object');
      const s = await launchExpectingFailure();
      expect(s.errorBoxes).toHaveLength(1);
      const box = s.errorBoxes[0]!;
      expect(box.title).toBe('Offerflow could not start');
      expect(box.content).toMatch(/database module \(better-sqlite3\) could not be loaded/);
      expect(box.content).toMatch(/reinstall Offerflow/);
      const logFile = box.content.match(/The log is at (.+)$/)?.[1];
      expect(logFile).toBeDefined();
      expect(fs.readFileSync(logFile!, 'utf8')).toMatch(/startup failed while opening the data folder/);
      expect(s.lockReleased).toBe(true);
      expect(s.lockHeld).toBe(false);
      expect(s.windows).toEqual([]);
    });

    it('a missing native binary: an error, never the Node build in node_modules', async () => {
      fs.rmSync(native());
      const s = await launchExpectingFailure();
      expect(s.errorBoxes[0]?.content).toMatch(/Electron build of the database module \(better-sqlite3\) is missing: looked for .*app\.asar\.unpacked/);
      expect(s.lockReleased).toBe(true);
    });
  });
});

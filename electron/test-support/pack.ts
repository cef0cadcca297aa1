/**
 * Packs the app as users get it (`electron-builder --dir` with electron-builder.yml) around a
 * stand-in Electron binary, then lays app.asar out as a folder so plain Node can run the packaged
 * main.cjs (electron-stub.cjs). Used by electron/packaged.test.ts and `npm run pack:measure`.
 *
 * The stand-in is a tiny shell script carrying Electron's fuse wire (sentinel + the defaults of
 * Electron 45), so electron-builder flips the real fuses on it and the test reads them back.
 * The native binary packed is the Node build of better-sqlite3 (the stand-in runtime is Node);
 * `npm run dist` packs the Electron build made by scripts/rebuild-electron.mjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractAll, listPackage, statFile } from '@electron/asar';
import yaml from 'js-yaml';

export const ROOT = path.resolve(__dirname, '../..');
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's fuse defaults, in wire order: runAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser V8 snapshot off, file:// extra privileges on. */
const DEFAULT_WIRE = '10110001';

export interface PackedApp {
  /** linux-unpacked */
  appOutDir: string;
  resources: string;
  /** The packaged (stand-in) executable, fuses flipped. */
  binary: string;
  /** The archive itself, moved aside once laid out as a folder at resources/app.asar. */
  archive: string;
  entries: string[];
  unpacked: string[];
  ms: number;
}

/** A stand-in Electron distribution: `electron` prints one line and carries the fuse wire. */
export function standInElectron(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const bin = path.join(dir, 'electron');
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE)]);
  fs.writeFileSync(bin, Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron binary: no Chromium here"\nexit 0\n'), wire, Buffer.from('\n')]));
  fs.chmodSync(bin, 0o755);
  fs.writeFileSync(path.join(dir, 'version'), (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version);
  return dir;
}

/** electron-builder.yml as an object, with what the stand-in build changes. */
export function builderConfig(opts: { electronDist: string; output: string; nativeDir: string }): Record<string, unknown> {
  const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
  const files = (config.files as unknown[]).filter((f) => f !== 'native/electron/better_sqlite3.node');
  if (files.length === (config.files as unknown[]).length) throw new Error('electron-builder.yml no longer packs native/electron/better_sqlite3.node');
  return {
    ...config,
    files: [...files, { from: opts.nativeDir, to: 'native/electron', filter: ['better_sqlite3.node'] }],
    electronDist: opts.electronDist,
    directories: { ...(config.directories as object), output: opts.output },
  };
}

/** Runs electron-builder --dir into `work` and lays the result out for Node. */
export async function packWithStandIn(work: string): Promise<PackedApp> {
  for (const f of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/replay-worker.cjs', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  fs.rmSync(work, { recursive: true, force: true });
  const electronDist = standInElectron(path.join(work, 'electron-dist'));
  const nativeDir = path.join(work, 'native');
  fs.mkdirSync(nativeDir, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), path.join(nativeDir, 'better_sqlite3.node'));
  const { build, Platform } = await import('electron-builder');
  const started = Date.now();
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    config: builderConfig({ electronDist, output: path.join(work, 'out'), nativeDir }),
    publish: 'never',
  });
  const ms = Date.now() - started;
  const appOutDir = path.join(work, 'out', 'linux-unpacked');
  const resources = path.join(appOutDir, 'resources');
  const archive = path.join(resources, 'app.asar');
  const entries = listPackage(archive, { isPack: false });
  const isUnpacked = (e: string): boolean => (statFile(archive, e.replace(/^[\\/]/, ''), false) as { unpacked?: boolean; files?: unknown }).unpacked === true;
  const unpacked = entries.filter(isUnpacked);
  const folder = path.join(work, 'extracted');
  extractAll(archive, folder);
  // Unpacked files are not in the archive. Electron's fs redirects plain reads and requires of
  // them, but dlopen and a worker thread's script need the real file in app.asar.unpacked: leave
  // those out of the folder, so a path that wrongly points inside app.asar fails here as in the app.
  for (const e of unpacked) if (/\.node$|replay-worker\.cjs$/.test(e)) fs.rmSync(path.join(folder, e), { force: true });
  const aside = `${archive}.archive`;
  fs.renameSync(archive, aside);
  fs.renameSync(folder, archive);
  const binary = path.join(appOutDir, 'offerflow');
  return { appOutDir, resources, binary, archive: aside, entries, unpacked, ms };
}

/** Total bytes of the files under `dir`. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size;
  return total;
}

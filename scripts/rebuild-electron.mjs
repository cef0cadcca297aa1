#!/usr/bin/env node
/**
 * Builds better-sqlite3 against Electron's headers into native/electron/better_sqlite3.node,
 * leaving node_modules' Node build alone (tests and the host keep using it). The sources are
 * copied to .tmp/ first because node-gyp builds in place. Skips the work when the stamp shows
 * the same Electron and better-sqlite3 versions. Exit 1 with one line when it cannot be done
 * (e.g. no network for Electron's headers).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = (pkg) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const electron = version('electron');
const sqlite = version('better-sqlite3');
const outDir = path.join(root, 'native/electron');
const out = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');
const stamp = JSON.stringify({ electron, sqlite, platform: process.platform, arch: process.arch });

if (fs.existsSync(out) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
  console.error(`better-sqlite3 ${sqlite} for Electron ${electron} is up to date`);
  process.exit(0);
}

const work = path.join(root, '.tmp/better-sqlite3-electron');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const src = path.join(root, 'node_modules/better-sqlite3');
for (const entry of ['binding.gyp', 'src', 'deps', 'package.json']) fs.cpSync(path.join(src, entry), path.join(work, entry), { recursive: true });

const gyp = path.join(root, 'node_modules/node-gyp/bin/node-gyp.js');
const args = [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electron}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`];
console.error(`building better-sqlite3 ${sqlite} for Electron ${electron}…`);
const r = spawnSync(process.execPath, args, { cwd: work, stdio: ['ignore', 'inherit', 'inherit'], timeout: 15 * 60_000 });
const built = path.join(work, 'build/Release/better_sqlite3.node');
if (r.status !== 0 || !fs.existsSync(built)) {
  console.error(`could not build better-sqlite3 for Electron ${electron} (node-gyp exit ${r.status ?? r.signal}; Electron's headers need https://electronjs.org/headers)`);
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(built, out);
fs.writeFileSync(stampFile, stamp);
console.error(`wrote ${path.relative(root, out)}`);

#!/usr/bin/env node
/**
 * Puts better-sqlite3 for Electron's ABI at native/electron/better_sqlite3.node, leaving
 * node_modules' Node build alone (tests, the CLI and the host keep using it):
 *   1. better-sqlite3's published prebuild for this Electron version, platform and arch
 *      (prebuild-install --runtime electron; needs github.com), else
 *   2. a compile against Electron's headers (node-gyp; needs electronjs.org/headers and a C++
 *      toolchain).
 * The work happens in a copy under .tmp/ (both tools write into the package folder). Skips when
 * the stamp shows the same Electron and better-sqlite3 versions. Exit 1 with what failed and
 * what to do when neither way works.
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

if (fs.existsSync(out) && fs.existsSync(stampFile)) {
  const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  if (stamp.electron === electron && stamp.sqlite === sqlite && stamp.platform === process.platform && stamp.arch === process.arch) {
    console.error(`better-sqlite3 ${sqlite} for Electron ${electron} is up to date (${stamp.how})`);
    process.exit(0);
  }
}

const work = path.join(root, '.tmp/better-sqlite3-electron');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const src = path.join(root, 'node_modules/better-sqlite3');
for (const entry of ['binding.gyp', 'src', 'deps', 'package.json']) fs.cpSync(path.join(src, entry), path.join(work, entry), { recursive: true });
const built = path.join(work, 'build/Release/better_sqlite3.node');
const run = (args, timeout) => spawnSync(process.execPath, args, { cwd: work, stdio: ['ignore', 'inherit', 'inherit'], timeout });

function done(how) {
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(built, out);
  fs.writeFileSync(stampFile, JSON.stringify({ electron, sqlite, platform: process.platform, arch: process.arch, how }));
  console.error(`wrote ${path.relative(root, out)} (better-sqlite3 ${sqlite} for Electron ${electron}, ${how})`);
  process.exit(0);
}

console.error(`better-sqlite3 ${sqlite} for Electron ${electron}: trying its published prebuild…`);
const prebuild = path.join(root, 'node_modules/prebuild-install/bin.js');
const pre = run([prebuild, '--runtime', 'electron', '--target', electron, '--arch', process.arch, '--platform', process.platform, '--verbose'], 5 * 60_000);
if (pre.status === 0 && fs.existsSync(built)) done('prebuild');

console.error('no prebuild could be had; compiling against Electron\'s headers…');
const gyp = path.join(root, 'node_modules/node-gyp/bin/node-gyp.js');
const r = run([gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electron}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`], 15 * 60_000);
if (r.status === 0 && fs.existsSync(built)) done('compiled');

console.error(
  [
    `Could not get better-sqlite3 ${sqlite} for Electron ${electron}.`,
    `  - prebuild: prebuild-install exit ${pre.status ?? pre.signal} (downloads from github.com/WiseLibs/better-sqlite3/releases)`,
    `  - compile: node-gyp exit ${r.status ?? r.signal} (needs https://electronjs.org/headers, Python 3 and a C++ compiler)`,
    'Fix the network or the toolchain and run `npm run rebuild:electron` again.',
  ].join('\n'),
);
process.exit(1);

#!/usr/bin/env node
/**
 * `npm start`: build, make sure Electron's binary and the Electron build of better-sqlite3 are
 * there, and launch the desktop app. Where Electron cannot be had (no network to download it),
 * say so in one line and serve the same app to the browser instead (`npm run serve`); options
 * such as `--port` and `--data-dir` are passed on to the host.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const passOn = process.argv.slice(2);

function run(args, quiet = false) {
  return spawnSync(node, args, { cwd: root, stdio: quiet ? 'ignore' : ['ignore', 'inherit', 'inherit'], timeout: 10 * 60_000 }).status === 0;
}

/** The Electron binary path once installed (node_modules/electron/path.txt + dist/). */
function electronBinary() {
  const dir = path.join(root, 'node_modules/electron');
  const txt = path.join(dir, 'path.txt');
  if (!fs.existsSync(txt)) return null;
  const bin = path.join(dir, 'dist', fs.readFileSync(txt, 'utf8').trim());
  return fs.existsSync(bin) ? bin : null;
}

function serveInstead(why) {
  console.error(`Electron cannot start here (${why}); serving the same app to your browser instead.`);
  const child = spawn(node, ['--import', 'tsx', path.join(root, 'service/host/main.ts'), '--no-build', ...passOn], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (!run([path.join(root, 'scripts/build.mjs')])) process.exit(1);
let bin = electronBinary();
if (!bin) {
  run([path.join(root, 'node_modules/electron/install.js')], true);
  bin = electronBinary();
}
if (!bin) serveInstead("its binary is not installed and could not be downloaded");
else if (!run([path.join(root, 'scripts/rebuild-electron.mjs')])) serveInstead('better-sqlite3 could not be built for Electron');
else {
  const child = spawn(bin, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

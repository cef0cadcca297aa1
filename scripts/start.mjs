#!/usr/bin/env node
/**
 * `npm start`: build, make sure Electron's binary and the Electron build of better-sqlite3 are
 * there, and launch the desktop app. Where Electron's binary cannot be had (no network to
 * download it), say so plainly and serve the same app to the browser instead (`npm run serve`;
 * options such as `--port` and `--data-dir` are passed on to the host). Where Electron is there
 * but better-sqlite3 cannot be built for it, stop with what failed and what to do: quietly
 * serving the browser version then would hide a broken desktop setup.
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
  console.error(['', `*** The desktop app cannot start here: ${why}.`, '*** Serving the same app to your browser instead (npm run serve). Open the URL below.', ''].join('\n'));
  const child = spawn(node, [path.join(root, 'dist/node/host.mjs'), '--no-build', ...passOn], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (!run([path.join(root, 'scripts/build.mjs')])) process.exit(1);
let bin = electronBinary();
if (!bin) {
  run([path.join(root, 'node_modules/electron/install.js')], true);
  bin = electronBinary();
}
if (!bin) serveInstead("Electron's binary is not installed and could not be downloaded (node_modules/electron/install.js needs network access)");
else if (!run([path.join(root, 'scripts/rebuild-electron.mjs')])) {
  console.error('npm start: the desktop app needs better-sqlite3 built for Electron (see above); not starting it. `npm run serve` runs the browser version meanwhile.');
  process.exit(1);
} else {
  const child = spawn(bin, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

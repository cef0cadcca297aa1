/** Builds the renderer with Vite when `dist/renderer` is missing or older than its sources. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules') max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

/**
 * What the page's bundle is built from: the renderer, the engine, and the part of service/ it
 * imports (the contract with its areas and limits, the bridge types). A change to a contract
 * area must rebuild the page, or the e2e tests run yesterday's client.
 */
const RENDERER_SOURCES = ['renderer', 'engine', 'service/contract.ts', 'service/contract', 'service/contract-imports.ts', 'service/limits.ts', 'service/bridge.ts', 'vite.config.ts'];

/** True when the built page is missing or any renderer, engine or contract source is newer. */
export function rendererIsStale(root: string): boolean {
  const built = path.join(root, 'dist/renderer/index.html');
  if (!fs.existsSync(built)) return true;
  const sources = RENDERER_SOURCES.map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > fs.statSync(built).mtimeMs;
}

/** Runs `scripts/build.mjs renderer`, its output on stderr so stdout stays the one URL line. */
export function buildRenderer(root: string): void {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'renderer'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (r.status !== 0) throw new Error(`the renderer build failed (exit ${r.status ?? r.signal})`);
}

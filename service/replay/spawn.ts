/**
 * How a replay worker is started. The Electron build and the bundled host pass the built
 * `replay-worker.cjs`; under Node (tests, `npm run serve` from source) the TypeScript entry is
 * loaded through tsx's loader, registered inside the worker before importing the entry
 * (Node 20 ignores `--import` in a worker's execArgv).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerInput } from './protocol';

export type SpawnWorker = (input: WorkerInput) => Worker;

/** Spawns the built worker bundle at `file`. */
export function bundledSpawner(file: string): SpawnWorker {
  return (input) => new Worker(file, { workerData: input });
}

function tsxApiUrl(): string {
  const req = createRequire(import.meta.url);
  const pkgFile = req.resolve('tsx/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const rel = pkg.exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(path.join(path.dirname(pkgFile), rel)).href;
}

/** Spawns `worker.ts` from source through tsx. */
export function sourceSpawner(entry: string = new URL('./worker.ts', import.meta.url).href): SpawnWorker {
  const api = tsxApiUrl();
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return (input) => new Worker(code, { eval: true, workerData: input });
}

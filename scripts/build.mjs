#!/usr/bin/env node
/**
 * Builds with Vite: `node scripts/build.mjs [renderer] [electron] [node]` (all when none is named).
 * - renderer: `vite.config.ts` → dist/renderer
 * - electron: main, preload and the replay worker as CommonJS bundles in dist/electron
 *   (`main.cjs`, `preload.cjs`, `replay-worker.cjs`). Everything is bundled except `electron`
 *   and the native `better-sqlite3`; the sandboxed preload may require only `electron`.
 * - node: the CLI (`bin/offerflow.mjs` loads dist/node/cli.mjs) and the browser host
 *   (dist/node/host.mjs) as ES modules, so nothing runs TypeScript through a loader at run time.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Node-side entries, each one CommonJS file. */
export const electronEntries = [
  { entry: 'electron/main.ts', out: 'main.cjs' },
  { entry: 'electron/preload.ts', out: 'preload.cjs' },
  { entry: 'service/replay/worker.ts', out: 'replay-worker.cjs' },
];

/** The Node programs, each one ES module in dist/node. */
export const nodeEntries = [
  { entry: 'cli/main.ts', out: 'cli.mjs' },
  { entry: 'service/host/main.ts', out: 'host.mjs' },
];

async function buildRenderer() {
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

async function buildNode({ entry, out }, { outDir = 'dist/electron', format = 'cjs' } = {}) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    ssr: { noExternal: true, target: 'node' },
    // `@engine/*`, `@service/*`: tsconfig.json's `paths`, as in vite.config.ts.
    resolve: { tsconfigPaths: true },
    build: {
      ssr: path.join(root, entry),
      outDir: path.join(root, outDir),
      emptyOutDir: false,
      sourcemap: true,
      target: 'node22',
      rollupOptions: {
        external: ['electron', 'better-sqlite3', /^node:/],
        output: { format, entryFileNames: out, codeSplitting: false },
      },
    },
  });
}

const wanted = process.argv.slice(2);
const targets = wanted.length ? wanted : ['renderer', 'electron', 'node'];
for (const t of targets) {
  if (t === 'renderer') await buildRenderer();
  else if (t === 'electron') for (const e of electronEntries) await buildNode(e);
  else if (t === 'node') for (const e of nodeEntries) await buildNode(e, { outDir: 'dist/node', format: 'es' });
  else {
    console.error(`unknown build target "${t}" (renderer, electron, node)`);
    process.exit(2);
  }
  console.error(`built ${t}`);
}

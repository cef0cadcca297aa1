/**
 * `npm run serve -- --port <n> --data-dir <dir>`: the same app and contract as the desktop shell,
 * for a browser on this machine. Prints exactly one line on stdout: the URL to open, token
 * included. Everything else goes to stderr. With `--demo` the token is kept in the data folder
 * and reused, so the URL stays the same across restarts and an open tab reconnects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, legacyDataDir } from '../data-dir';
import { writeStderr } from '../log';
import { bundledSpawner } from '../replay/spawn';
import { seedIfEmpty } from '../seed';
import { createService } from '../service';
import { DataFileError, startFresh } from '../store/safe-open';
import { demoToken, newToken } from './demo-token';
import { buildRenderer, rendererIsStale } from './renderer-build';
import { startHost } from './server';

export interface HostArgs {
  port: number;
  dataDir: string;
  build: boolean;
  /** Move a damaged or foreign data file aside and start with an empty one. */
  startFresh: boolean;
  /** Keep the token in `<dataDir>/demo-token` (0600) and reuse it: one URL across restarts. */
  demo: boolean;
}

/** Parses `--port`, `--data-dir`, `--no-build`, `--start-fresh` and `--demo`; throws a message naming the bad option. */
export function parseHostArgs(argv: readonly string[]): HostArgs {
  const out: HostArgs = { port: 5178, dataDir: defaultDataDir(), build: true, startFresh: false, demo: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--port') {
      out.port = Number(value());
      if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) throw new Error('--port must be a port number (0 picks a free one)');
    } else if (a === '--data-dir') out.dataDir = path.resolve(value());
    else if (a === '--no-build') out.build = false;
    else if (a === '--start-fresh') out.startFresh = true;
    else if (a === '--demo') out.demo = true;
    else throw new Error(`unknown option ${a} (use --port <n>, --data-dir <dir>, --no-build, --start-fresh, --demo)`);
  }
  return out;
}

/**
 * Opens the data folder. A damaged or foreign data file is never overwritten: the host stops
 * and names the way out; with `--start-fresh` that file (and only a refused one) is moved
 * aside and an empty one created. A newer app's file is refused either way.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Built (dist/node/host.mjs, same depth as service/host/main.ts): the replay worker is the
// bundled one; from source (tests through tsx) the service's default source spawner.
const bundled = /[\\/]dist[\\/]node[\\/]host\.mjs$/.test(fileURLToPath(import.meta.url));
const spawn = bundled ? bundledSpawner(path.join(root, 'dist/electron/replay-worker.cjs')) : undefined;

function openServiceOrExplain(args: HostArgs): ReturnType<typeof createService> {
  try {
    return createService({ dataDir: args.dataDir, spawn });
  } catch (e) {
    if (!(e instanceof DataFileError) || !e.canStartFresh) throw e;
    if (!args.startFresh) throw new Error(`${e.message}\nTo do that, run again with --start-fresh.`, { cause: e });
    writeStderr(`${e.message}\nMoved it aside to ${startFresh(e.file)}; starting with an empty data file.\n`);
    return createService({ dataDir: args.dataDir, spawn });
  }
}

function keptToken(dataDir: string): string {
  const kept = demoToken(dataDir);
  for (const w of kept.warnings) process.stderr.write(`${w}\n`);
  process.stderr.write(`${kept.created ? 'Made' : 'Reusing'} the demo token in ${kept.file}\n`);
  return kept.token;
}

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const legacy = path.join(legacyDataDir(), 'offerflow.sqlite');
  if (args.dataDir === defaultDataDir() && !fs.existsSync(path.join(args.dataDir, 'offerflow.sqlite')) && fs.existsSync(legacy)) {
    writeStderr(`Note: data from an earlier version is in ${legacyDataDir()}; the default is now the desktop app's folder ${args.dataDir}. Run with --data-dir ${legacyDataDir()} to use the old one.\n`);
  }
  if (args.build && rendererIsStale(root)) {
    writeStderr('Building the renderer…\n');
    buildRenderer(root);
  }
  const service = openServiceOrExplain(args);
  await seedIfEmpty(service, root);
  const token = args.demo ? keptToken(args.dataDir) : newToken();
  const host = await startHost({ dispatch: service.dispatch, token, staticDir: path.join(root, 'dist/renderer'), port: args.port });
  process.stdout.write(`Offerflow is running at ${host.url}\n`);
  const stop = (): void => {
    void host.close().then(() => service.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  writeStderr(`offerflow serve: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

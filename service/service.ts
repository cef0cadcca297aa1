/**
 * Builds the service for one data folder: opens the store, marks runs a previous launch left
 * half-done, wires the replay worker and returns the handlers and the dispatcher that both
 * transports (Electron IPC, HTTP host) use.
 */
import type { Handlers } from './contract';
import { makeDispatch, type Dispatch } from './dispatch';
import { makeHandlers, type ServiceContext } from './handlers';
import { totalsCache } from './handlers/totals-cache';
import { createRunManager } from './replay/manager';
import { sourceSpawner, type SpawnWorker } from './replay/spawn';
import { dbFile, markInterruptedRuns, nowIso, type Db } from './store';
import { claimInstance } from './store/instances';
import { openDataFile } from './store/safe-open';

export interface ServiceOptions {
  dataDir: string;
  /** better-sqlite3 binary for the Electron runtime (`native/electron/better_sqlite3.node`). */
  nativeBinding?: string | undefined;
  /** How replay workers start; defaults to the TypeScript source through tsx. */
  spawn?: SpawnWorker;
  now?: () => string;
}

export interface Service {
  db: Db;
  dbFile: string;
  handlers: Handlers;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export function createService(opts: ServiceOptions): Service {
  const file = dbFile(opts.dataDir);
  // Refuses (DataFileError) a corrupt, foreign or newer file untouched; backs up before migrating.
  const db = openDataFile(file, { nativeBinding: opts.nativeBinding });
  // A run left "running" is interrupted only if no other live process (app, host) may own it.
  const instance = claimInstance(opts.dataDir);
  if (instance.others === 0) markInterruptedRuns(db, nowIso());
  const runs = createRunManager({ db, dbFile: file, nativeBinding: opts.nativeBinding, spawn: opts.spawn ?? sourceSpawner() });
  const ctx: ServiceContext = { db, runs, now: opts.now ?? nowIso, totals: totalsCache(db) };
  const handlers = makeHandlers(ctx);
  return {
    db,
    dbFile: file,
    handlers,
    dispatch: makeDispatch(handlers),
    close: async () => {
      await runs.close();
      db.close();
      instance.release();
    },
  };
}

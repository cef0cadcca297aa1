/**
 * Builds the service for one data folder: opens the store, marks runs a previous launch left
 * half-done, wires the replay worker and returns the handlers and the dispatcher that both
 * transports (Electron IPC, HTTP host) use.
 */
import type { Handlers } from './contract';
import { makeDispatch, type Dispatch } from './dispatch';
import { safeLog } from './log';
import { makeHandlers, type ServiceContext } from './handlers';
import { totalsCache } from './handlers/totals-cache';
import { randomUUID } from 'node:crypto';
import { createRunManager } from './replay/manager';
import { sourceSpawner, type SpawnWorker } from './replay/spawn';
import { dbFile, markInterruptedRuns, newRunOwner, nowIso, storeErrorSentence, type Db } from './store';
import { openDataFile } from './store/safe-open';

export interface ServiceOptions {
  dataDir: string;
  /** better-sqlite3 binary for the Electron runtime (`native/electron/better_sqlite3.node`). */
  nativeBinding?: string | undefined;
  /** How replay workers start; defaults to the TypeScript source through tsx. */
  spawn?: SpawnWorker;
  now?: () => string;
  /** Replays at once (default cores − 1, at least 1); more wait queued. */
  replayWorkers?: number;
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
  // Runs whose owner is gone become failed; those another live process (app, host) replays are left to it.
  const owner = newRunOwner(randomUUID());
  markInterruptedRuns(db, owner, nowIso());
  const runs = createRunManager({ db, dbFile: file, nativeBinding: opts.nativeBinding, spawn: opts.spawn ?? sourceSpawner(), owner, poolSize: opts.replayWorkers });
  const ctx: ServiceContext = { db, runs, now: opts.now ?? nowIso, totals: totalsCache(db) };
  const handlers = makeHandlers(ctx);
  return {
    db,
    dbFile: file,
    handlers,
    dispatch: makeDispatch(handlers, safeLog, (e) => storeErrorSentence(e, file)),
    close: async () => {
      await runs.close();
      db.close();
    },
  };
}

/**
 * Opens the one SQLite file: WAL (readers never block the writer, and the replay worker can
 * write through its own connection), foreign keys on, and migrations to the latest version.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/**
 * Offerflow's SQLite `application_id` ("OfFl"), set in every data file from schema 7 on, so a
 * file is known to be ours (or another application's) from its header alone.
 */
export const APPLICATION_ID = 0x4f66466c;

/** How long a connection waits for another's write lock before SQLite answers busy. */
export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another runtime (Electron); Node's is used otherwise. */
  nativeBinding?: string | undefined;
  /** Skip migrations (a worker connection opened after the main one migrated). */
  migrate?: boolean;
}

/** The database file inside a data folder. */
export function dbFile(dataDir: string): string {
  return path.join(dataDir, 'offerflow.sqlite');
}

/** Opens (creating when missing) and migrates the database at `file` (`:memory:` for tests). */
export function openDb(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  // First of all: the worker and the main connection (and other processes) may write at once;
  // every later step, the journal-mode switch of a new file included, waits instead of failing.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  if (options.migrate !== false) {
    migrate(db);
    if (Number(db.pragma('application_id', { simple: true })) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
  }
  return db;
}

/** Runs every migration step past the file's `user_version`, each in its own transaction. */
export function migrate(db: Db, steps: readonly string[] = MIGRATIONS): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > steps.length) {
    throw new Error(`the data file is from a newer Offerflow (schema ${current}, this build knows ${steps.length})`);
  }
  for (let v = current; v < steps.length; v++) {
    const sql = steps[v] ?? '';
    // IMMEDIATE and re-checked inside: another process opening the same file may have run it meanwhile.
    db.transaction(() => {
      if (Number(db.pragma('user_version', { simple: true })) > v) return;
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return steps.length;
}

/**
 * Opens the one SQLite file: WAL (readers never block the writer, and the replay worker can
 * write through its own connection), foreign keys on, and migrations to the latest version.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

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
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // The worker and the main connection may write at once; wait instead of failing with SQLITE_BUSY.
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -65536');
  if (options.migrate !== false) migrate(db);
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

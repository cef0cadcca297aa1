/**
 * Opening the data file safely (issue 6). Before the read-write open that migrates, the file is
 * inspected through a read-only connection, so a file we refuse is never written to:
 * - not SQLite, or SQLite that is not ours → refused as foreign;
 * - unreadable pages or header → refused as corrupt;
 * - written by a newer Offerflow (user_version past our migrations) → refused, never downgraded.
 * A refusal is a `DataFileError` whose message says what to do. For corrupt and foreign files the
 * way out is `startFresh`: the file is renamed aside (`<name>.corrupt-<timestamp>`) and a fresh
 * one is created on the next open. Before migrations run on an existing file, a consistent copy
 * is kept as `<name>.bak-<old version>` (the newest few are kept).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDb, type Db, type OpenOptions } from './db';
import { MIGRATIONS } from './migrations';

export type DataFileProblem = 'corrupt' | 'foreign' | 'newer';

export class DataFileError extends Error {
  constructor(
    message: string,
    readonly problem: DataFileProblem,
    readonly file: string,
  ) {
    super(message);
    this.name = 'DataFileError';
  }

  /** Whether "start fresh, keep the old file aside" is the way out (not for a newer app's file). */
  get canStartFresh(): boolean {
    return this.problem !== 'newer';
  }
}

/** Backups kept per data file; older `.bak-*` copies are removed after a new one is made. */
export const KEEP_BACKUPS = 3;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** A table every Offerflow schema has had since the first migration. */
const OUR_TABLE = 'programs';

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_HEADER.length);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

const corrupt = (file: string, detail: string): DataFileError =>
  new DataFileError(`The data file ${file} is damaged and cannot be opened (${detail}). Start fresh to move it aside and begin with an empty data file; the damaged file is kept.`, 'corrupt', file);

/**
 * The schema version of an existing, non-empty data file, after checking it is a readable
 * Offerflow file; null when there is nothing to inspect yet. Never writes to the file.
 */
export function inspectDataFile(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): number | null {
  if (file === ':memory:' || !fs.existsSync(file) || fs.statSync(file).size === 0) return null;
  if (!readHeader(file).equals(SQLITE_HEADER)) {
    throw new DataFileError(`${file} is not an Offerflow data file (it is not an SQLite database). Start fresh to move it aside and begin with an empty data file; the file is kept.`, 'foreign', file);
  }
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    const version = Number(db.pragma('user_version', { simple: true }));
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as unknown as string[]);
    if (version > MIGRATIONS.length) {
      throw new DataFileError(`The data file ${file} was written by a newer Offerflow (schema ${version}; this version knows ${MIGRATIONS.length}). Update Offerflow to open it; it was left untouched.`, 'newer', file);
    }
    if (tables.size > 0 && (version === 0 || !tables.has(OUR_TABLE))) {
      throw new DataFileError(`${file} is an SQLite database but not an Offerflow data file. Start fresh to move it aside and begin with an empty data file; the file is kept.`, 'foreign', file);
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corrupt(file, String(check));
    return version;
  } catch (e) {
    if (e instanceof DataFileError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw corrupt(file, code);
    throw e;
  } finally {
    db?.close();
  }
}

/** Removes all but the newest `keep` backups of `file`. */
function pruneBackups(file: string, keep: number): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.bak-`;
  const backups = fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(prefix))
    .map((n) => ({ n, t: fs.statSync(path.join(dir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const b of backups.slice(keep)) fs.rmSync(path.join(dir, b.n), { force: true });
}

/**
 * Writes a consistent copy of `file` (WAL included) as `<file>.bak-<version>` through a
 * read-only connection (`VACUUM INTO` reads a snapshot, so a concurrent writer is harmless).
 */
export function backupDataFile(file: string, version: number, options: Pick<OpenOptions, 'nativeBinding'> = {}): string {
  let target = `${file}.bak-${version}`;
  if (fs.existsSync(target)) target = `${target}-${Date.now()}`;
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  pruneBackups(file, KEEP_BACKUPS);
  return target;
}

/**
 * Opens the data file for the app: inspects it (refusing what it must not touch), backs it up
 * when migrations are about to change it, then opens and migrates it.
 */
export function openDataFile(file: string, options: OpenOptions = {}): Db {
  const version = inspectDataFile(file, options);
  // Version 0 is a file just created (maybe by another process starting now): nothing to keep.
  if (version !== null && version > 0 && version < MIGRATIONS.length && options.migrate !== false) backupDataFile(file, version, options);
  try {
    return openDb(file, options);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw corrupt(file, code);
    throw e;
  }
}

/** A timestamp safe in file names on every platform (`2026-03-01T10-20-30-123Z`). */
function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/**
 * "Start fresh, keep the old file aside": renames the data file and its WAL/SHM sidecars to
 * `<name>.corrupt-<timestamp>[-wal|-shm]` (never over an existing file), so the next open
 * creates an empty data file. Returns where the old file now is.
 */
export function startFresh(file: string, now: Date = new Date()): string {
  let aside = `${file}.corrupt-${stamp(now)}`;
  for (let n = 2; fs.existsSync(aside); n++) aside = `${file}.corrupt-${stamp(now)}-${n}`;
  if (fs.existsSync(file)) fs.renameSync(file, aside);
  // The sidecars belong to the old file: next to a fresh file a stale WAL must not linger.
  for (const side of ['-wal', '-shm']) if (fs.existsSync(file + side)) fs.renameSync(file + side, aside + side);
  return aside;
}

/**
 * Opening the data file safely (issues 6 and 12). Before the read-write open that migrates, the
 * path and the file are checked, and a file we refuse is never written to: no journal-mode
 * switch, no backup, no migration, no `-wal`/`-shm` beside it.
 * - a folder, device or FIFO in its place, a read-only file or folder → refused as unusable;
 * - zero bytes, not SQLite, another application_id, or SQLite whose tables are not exactly ours
 *   for its version → refused as foreign;
 * - unreadable pages or header → refused as corrupt; ours with tables missing or changed → the
 *   same, naming them;
 * - written by a newer Offerflow (user_version past our migrations) → refused, never downgraded.
 * A refusal is a `DataFileError` whose message names the file and says what to do. For corrupt
 * and foreign files the way out is `startFresh`: the file is renamed aside
 * (`<name>.corrupt-<timestamp>`) and a fresh one is created on the next open. Before migrations
 * run on an existing file, a consistent copy is kept as `<name>.bak-<old version>` (the newest
 * few are kept).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, openDb, type Db, type OpenOptions } from './db';
import { storeErrorSentence } from './errors';
import { MIGRATIONS } from './migrations';

export type DataFileProblem = 'corrupt' | 'foreign' | 'newer' | 'unusable';

export class DataFileError extends Error {
  constructor(
    message: string,
    readonly problem: DataFileProblem,
    readonly file: string,
  ) {
    super(message);
    this.name = 'DataFileError';
  }

  /**
   * Whether "start fresh, keep the old file aside" is the way out: not for a newer app's file,
   * nor for a path that cannot be used at all (a read-only folder, a folder or device in the
   * data file's place), where a fresh file would fail the same way.
   */
  get canStartFresh(): boolean {
    return this.problem === 'corrupt' || this.problem === 'foreign';
  }
}

/** Backups kept per data file; older `.bak-*` copies are removed after a new one is made. */
export const KEEP_BACKUPS = 3;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Bytes of the SQLite header read before any connection is opened. */
const HEADER_BYTES = 100;

const foreign = (file: string, why: string): DataFileError =>
  new DataFileError(`${file} is not an Offerflow data file (${why}). Start fresh to move it aside and begin with an empty data file; the file is kept untouched.`, 'foreign', file);

const corrupt = (file: string, detail: string): DataFileError =>
  new DataFileError(`The data file ${file} is damaged and cannot be opened (${detail}). Start fresh to move it aside and begin with an empty data file; the damaged file is kept.`, 'corrupt', file);

const unusable = (file: string, sentence: string): DataFileError => new DataFileError(`${sentence}. Nothing was changed.`, 'unusable', file);

/** The header fields that tell whose file this is, read as bytes (no SQLite connection). */
interface Header {
  size: number;
  sqlite: boolean;
  userVersion: number;
  applicationId: number;
}

function readHeader(file: string): Header {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const sqlite = n >= SQLITE_HEADER.length && buf.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER);
    return { size: fs.fstatSync(fd).size, sqlite, userVersion: n >= 64 ? buf.readUInt32BE(60) : 0, applicationId: n >= 72 ? buf.readUInt32BE(68) : 0 };
  } finally {
    fs.closeSync(fd);
  }
}

/** Tables (name → column names) of a schema, leaving out SQLite's own and the per-run ledger tables. */
function schemaOf(db: Db): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()) {
    if (name.startsWith('sqlite_') || RUN_LEDGER_TABLE.test(name)) continue;
    const cols = db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(name);
    out.set(name, cols.join(','));
  }
  return out;
}

/** A run's own ledger table (schema 6 on): `ledger_<run id>`; the shared `ledger` table is not one. */
const RUN_LEDGER_TABLE = /^ledger_.+/;

const expectedSchemas = new Map<number, Map<string, string>>();
/** The tables and columns our migrations give a file at `version`. */
function expectedSchema(version: number, options: Pick<OpenOptions, 'nativeBinding'>): Map<string, string> {
  let schema = expectedSchemas.get(version);
  if (!schema) {
    const db = new Database(':memory:', options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    try {
      for (const sql of MIGRATIONS.slice(0, version)) db.exec(sql);
      schema = schemaOf(db);
    } finally {
      db.close();
    }
    expectedSchemas.set(version, schema);
  }
  return schema;
}

/** What the schema of `db` lacks or has beyond ours at `version`, or null when it matches. */
function schemaDifference(db: Db, version: number, options: Pick<OpenOptions, 'nativeBinding'>): { missing: string[]; extra: string[]; changed: string[] } | null {
  const want = expectedSchema(version, options);
  const have = schemaOf(db);
  const missing = [...want.keys()].filter((t) => !have.has(t));
  const extra = [...have.keys()].filter((t) => !want.has(t));
  const changed = [...want.keys()].filter((t) => have.has(t) && have.get(t) !== want.get(t));
  return missing.length + extra.length + changed.length === 0 ? null : { missing, extra, changed };
}

function readOnly(file: string, options: Pick<OpenOptions, 'nativeBinding'>): Db {
  return new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
}

/**
 * Opens a read-only connection on a private copy of `file` (and of its `-wal`), so that a file
 * not known to be ours is never opened by SQLite in place: a read-only connection on a WAL file
 * would still create `-wal`/`-shm` beside it. The copy is a reflink where the file system can.
 */
function withPrivateCopy<T>(file: string, options: Pick<OpenOptions, 'nativeBinding'>, fn: (db: Db) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-inspect-'));
  try {
    const copy = path.join(dir, 'inspect.sqlite');
    fs.copyFileSync(file, copy, fs.constants.COPYFILE_FICLONE);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`, fs.constants.COPYFILE_FICLONE);
    const db = readOnly(copy, options);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Why `file` cannot be a data file at all (a folder, a device, a FIFO…; a read-only file or
 * folder), as a DataFileError, or null. Checked before anything opens it.
 */
function checkPath(file: string): void {
  const dir = path.dirname(file);
  let st: fs.Stats | null;
  try {
    st = fs.statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') st = null;
    else throw unusable(file, storeErrorSentence(e, file) ?? `${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (st?.isDirectory()) throw unusable(file, storeErrorSentence(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), file) ?? file);
  if (st && !st.isFile()) throw unusable(file, `${file} is not a regular file (a device, pipe or socket is in its place): move it away, or choose another data folder`);
  try {
    // WAL needs to create -wal and -shm beside the file, so the folder must be writable too.
    fs.accessSync(dir, fs.constants.W_OK);
    if (st) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (e) {
    throw unusable(st ? file : dir, storeErrorSentence(e, st ? file : dir) ?? `${file} cannot be used (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/**
 * The schema version of an existing data file, after checking it is a readable Offerflow file
 * with the tables its version must have; null when there is no file yet. Never writes to the
 * file, and never opens a file not marked as ours in place.
 *
 * Whose file is it? Since schema 7 every data file carries Offerflow's `application_id`. A file
 * without one (application_id 0) is one of ours from before that only if its tables and columns
 * are exactly those our migrations give its `user_version` (per-run ledger tables aside);
 * anything else, another application_id, or an empty (zero-byte) file is refused as foreign.
 */
export function inspectDataFile(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): number | null {
  if (file === ':memory:' || !fs.existsSync(file)) return null;
  const h = readHeader(file);
  if (h.size === 0) throw foreign(file, 'it is an empty, zero-byte file');
  if (!h.sqlite) throw foreign(file, 'it is not an SQLite database');
  if (h.applicationId !== 0 && h.applicationId !== APPLICATION_ID) throw foreign(file, `it is another application's SQLite database, application_id ${h.applicationId}`);
  const ours = h.applicationId === APPLICATION_ID;
  if (h.userVersion > MIGRATIONS.length) {
    if (!ours) throw foreign(file, `an SQLite database with user_version ${h.userVersion} and no Offerflow application_id`);
    throw new DataFileError(`The data file ${file} was written by a newer Offerflow (schema ${h.userVersion}; this version knows ${MIGRATIONS.length}). Update Offerflow to open it; it was left untouched.`, 'newer', file);
  }
  const inspect = (db: Db): number => {
    const version = Number(db.pragma('user_version', { simple: true }));
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'").pluck().all();
    // An SQLite file with nothing in it yet (version 0, no tables) has nothing to lose.
    if (version === 0 && tables.length === 0) return 0;
    if (version === 0) throw foreign(file, 'an SQLite database with tables but no Offerflow schema version');
    const diff = schemaDifference(db, version, options);
    if (diff && !ours) throw foreign(file, `an SQLite database whose tables are not Offerflow's (schema ${version})`);
    if (diff) {
      const parts = [diff.missing.length ? `missing ${diff.missing.join(', ')}` : '', diff.changed.length ? `changed ${diff.changed.join(', ')}` : '', diff.extra.length ? `unknown ${diff.extra.join(', ')}` : ''].filter(Boolean);
      throw new DataFileError(
        `The data file ${file} does not have the tables Offerflow schema ${version} has (${parts.join('; ')}); it was changed outside Offerflow. Restore a backup (${path.basename(file)}.bak-*), or start fresh to move it aside and begin with an empty data file; the file is kept.`,
        'corrupt',
        file,
      );
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corrupt(file, String(check));
    return version;
  };
  try {
    return ours ? (() => {
      const db = readOnly(file, options);
      try {
        return inspect(db);
      } finally {
        db.close();
      }
    })() : withPrivateCopy(file, options, inspect);
  } catch (e) {
    if (e instanceof DataFileError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw corrupt(file, code);
    throw e;
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
 * Creates a new data file whole: built under a temporary name in the same folder (schema,
 * application_id, WAL mode) and then hard-linked into place, which fails when the name exists.
 * So no process ever sees a half-made (zero-byte) data file of ours, and when two processes
 * create it at the same moment one wins and the other opens the winner's file.
 */
function createDataFile(file: string, options: OpenOptions): void {
  const tmp = `${file}.creating-${randomBytes(6).toString('hex')}`;
  try {
    openDb(tmp, options).close();
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return;
      // A file system without hard links: an exclusive copy still never replaces a file.
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
        try {
          fs.copyFileSync(tmp, file, fs.constants.COPYFILE_EXCL);
        } catch (c) {
          if ((c as NodeJS.ErrnoException).code !== 'EEXIST') throw c;
        }
        return;
      }
      throw e;
    }
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  }
}

/**
 * Opens the data file for the app: checks the path is usable, inspects the file (refusing what
 * it must not touch: nothing is written, no journal mode switched, no backup made), backs it up
 * when migrations are about to change it, then opens and migrates it. A missing file is created
 * whole (see createDataFile).
 */
export function openDataFile(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (e) {
      throw unusable(file, storeErrorSentence(e, path.dirname(file)) ?? `the data folder ${path.dirname(file)} cannot be created (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    checkPath(file);
    if (!fs.existsSync(file)) {
      try {
        createDataFile(file, options);
      } catch (e) {
        const sentence = storeErrorSentence(e, path.dirname(file));
        if (sentence !== null) throw unusable(file, sentence);
        throw e;
      }
    }
  }
  const version = inspectDataFile(file, options);
  if (version !== null && version > 0 && version < MIGRATIONS.length && options.migrate !== false) backupDataFile(file, version, options);
  try {
    return openDb(file, options);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw corrupt(file, code);
    const sentence = storeErrorSentence(e, file);
    if (sentence !== null) throw unusable(file, sentence);
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

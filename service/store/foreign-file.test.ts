/**
 * Foreign SQLite files (issue 12, finding 2). A file that is not ours is refused untouched — not
 * a byte changed, no journal-mode switch, no backup, no migration, no `-wal`/`-shm` created
 * beside it — with a message naming the file and the way out (start fresh keeps it aside). Ours
 * are known by Offerflow's application_id, or, for files from before it, by having exactly the
 * tables our migrations give their version. A path that cannot hold a data file (a folder, a
 * FIFO) gets a sentence, not a raw EISDIR or a hang.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { hash, refusal, tempDataFolder } from './data-file-test-support';
import { createService } from '../service';
import { APPLICATION_ID, migrate, openDb } from './db';
import { MIGRATIONS } from './migrations';
import { DataFileError, openDataFile, startFresh } from './safe-open';

const folder = tempDataFolder('offerflow-foreign-');
let dir = '';
let file = '';
beforeEach(() => ({ dir, file } = folder()));

/** Another application's SQLite file, written the way sqlite3 would (WAL left checkpointed). */
function otherApp(setup: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  setup(db);
  db.close();
}

/** Refused as foreign, byte for byte untouched, nothing created beside it. */
function expectRefusedUntouched(): DataFileError {
  const before = hash(file);
  const listing = fs.readdirSync(dir).sort();
  const e = refusal(() => openDataFile(file));
  expect(e.problem).toBe('foreign');
  expect(e.canStartFresh).toBe(true);
  expect(e.message).toContain(file);
  expect(e.message).toMatch(/not an Offerflow data file.*Start fresh/);
  expect(hash(file)).toBe(before);
  expect(fs.readdirSync(dir).sort()).toEqual(listing);
  // The service refuses it the same way and leaves it the same.
  expect(() => createService({ dataDir: dir })).toThrow(DataFileError);
  expect(hash(file)).toBe(before);
  expect(fs.readdirSync(dir).sort()).toEqual(listing);
  return e;
}

describe('foreign SQLite files', () => {
  for (let version = 1; version <= 6; version++) {
    it(`refuses another app's file with a programs table and user_version ${version}`, () => {
      otherApp((db) => {
        db.exec('CREATE TABLE programs (id INTEGER PRIMARY KEY, title TEXT, channel TEXT)');
        db.exec("INSERT INTO programs (title, channel) VALUES ('News', 'BBC')");
        db.pragma(`user_version = ${version}`);
      });
      expectRefusedUntouched();
      expect(fs.readdirSync(dir).some((n) => n.includes('.bak-'))).toBe(false);
    });
  }

  it("refuses another app's file even when it copies our version-6 tables, when its application_id is not ours", () => {
    otherApp((db) => {
      migrate(db, MIGRATIONS.slice(0, 6));
      db.pragma('application_id = 1234');
    });
    expect(expectRefusedUntouched().message).toMatch(/application_id 1234/);
  });

  it("refuses an empty database with another app's application_id", () => {
    otherApp((db) => db.pragma('application_id = 0x12345678'));
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    expectRefusedUntouched();
  });

  it('refuses a zero-byte file, and start fresh moves it aside', () => {
    fs.writeFileSync(file, '');
    expect(expectRefusedUntouched().message).toMatch(/zero-byte/);
    const aside = startFresh(file);
    expect(fs.statSync(aside).size).toBe(0);
    const db = openDataFile(file);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('refuses a foreign WAL-mode file without creating -wal or -shm beside it', () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE programs (id TEXT)');
    db.pragma('user_version = 3');
    db.close();
    expect(fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`)).toBe(false);
    expectRefusedUntouched();
    expect(fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`)).toBe(false);
  });
});

describe('our own files', () => {
  it('marks a new data file with the application_id', () => {
    openDataFile(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('recognises a file of ours from before the application_id by its exact schema, backs it up and migrates it', () => {
    const old = openDb(file, { migrate: false });
    migrate(old, MIGRATIONS.slice(0, 6));
    old.prepare("INSERT INTO programs (id, name, created_at, updated_at) VALUES ('p1', 'Kept', 'x', 'x')").run();
    old.exec('CREATE TABLE "ledger_run_abc" (seq INTEGER PRIMARY KEY)');
    old.close();
    const db = openDataFile(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.prepare('SELECT name FROM programs').pluck().all()).toEqual(['Kept']);
    db.close();
    expect(fs.existsSync(`${file}.bak-6`)).toBe(true);
  });

  it('refuses our file with a dropped table, naming the table and the way out, untouched', () => {
    openDataFile(file).close();
    const db = openDb(file, { migrate: false });
    db.exec('DROP TABLE reviews');
    db.close();
    const before = hash(file);
    const e = refusal(() => openDataFile(file));
    expect(e.problem).toBe('corrupt');
    expect(e.message).toMatch(/does not have the tables Offerflow schema \d+ has \(missing reviews\).*Restore a backup \(offerflow\.sqlite\.bak-\*\), or start fresh/);
    expect(hash(file)).toBe(before);
  });
});

describe('a path that cannot hold a data file', () => {
  it('a folder in the data file\'s place gets a sentence naming it, not EISDIR', () => {
    fs.mkdirSync(file);
    const e = refusal(() => createService({ dataDir: dir }));
    expect(e.problem).toBe('unusable');
    expect(e.canStartFresh).toBe(false);
    expect(e.message).toBe(`${file} is a folder, not a data file: move that folder away, or choose another data folder. Nothing was changed.`);
    expect(fs.readdirSync(file)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('a FIFO in its place is refused at once (no hang waiting for a writer)', () => {
    execFileSync('mkfifo', [file]);
    const e = refusal(() => openDataFile(file));
    expect(e.problem).toBe('unusable');
    expect(e.message).toMatch(/is not a regular file/);
  });
});

describe('hostile data files (property)', () => {
  // Another application's SQLite file: any application_id but ours, any user_version, a few tables
  // whose names may be ours; or bytes that are not SQLite at all; or zero bytes.
  const table = fc.constantFrom('programs', 'runs', 'ledger', 'songs', 'event_sets', 'notes');
  const sqliteFile = fc.record({
    appId: fc.integer({ min: 0, max: 0x7fffffff }).filter((n) => n !== APPLICATION_ID),
    version: fc.integer({ min: 0, max: 40 }),
    tables: fc.uniqueArray(table, { maxLength: 4 }),
    wal: fc.boolean(),
  });
  const rawBytes = fc.uint8Array({ maxLength: 4096 });
  it('refuses every one untouched, with the file named, and creates nothing beside it', () => {
    fc.assert(
      fc.property(fc.oneof(sqliteFile, rawBytes), (spec) => {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir);
        if (spec instanceof Uint8Array) fs.writeFileSync(file, spec);
        else {
          const db = new Database(file);
          db.pragma(`journal_mode = ${spec.wal ? 'WAL' : 'DELETE'}`);
          for (const t of spec.tables) db.exec(`CREATE TABLE ${t} (id TEXT, other TEXT)`);
          db.pragma(`user_version = ${spec.version}`);
          db.pragma(`application_id = ${spec.appId}`);
          db.close();
        }
        // An empty SQLite database without any application_id has nothing in it to lose: it is taken as new.
        if (!(spec instanceof Uint8Array) && spec.appId === 0 && spec.tables.length === 0 && spec.version === 0) return;
        const before = hash(file);
        const listing = fs.readdirSync(dir).sort();
        const e = refusal(() => openDataFile(file));
        expect(['foreign', 'corrupt']).toContain(e.problem);
        expect(e.message).toContain(file);
        expect(hash(file)).toBe(before);
        expect(fs.readdirSync(dir).sort()).toEqual(listing);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});

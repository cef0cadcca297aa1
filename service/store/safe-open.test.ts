import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { hash, refusal, tempDataFolder } from './data-file-test-support';
import { createService } from '../service';
import { migrate, openDb } from './db';
import { MIGRATIONS } from './migrations';
import { backupDataFile, DataFileError, KEEP_BACKUPS, openDataFile, startFresh } from './safe-open';

const folder = tempDataFolder('offerflow-open-');
let dir = '';
let file = '';
beforeEach(() => ({ dir, file } = folder()));

/** A real data file with one program, checkpointed (no WAL left). */
function realFile(): void {
  const db = openDb(file);
  const now = '2026-01-01T00:00:00Z';
  const insert = db.prepare('INSERT INTO programs (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
  for (let i = 0; i < 400; i++) insert.run(`p${i}`, `Program ${i} ${'x'.repeat(200)}`, now, now);
  db.close();
}

describe('opening a bad data file', () => {
  it('refuses a file that is not SQLite, leaves it untouched, and starts fresh beside it', () => {
    fs.writeFileSync(file, 'these are my tax notes, not a database\n'.repeat(100));
    const before = hash(file);
    const e = refusal(() => openDataFile(file));
    expect(e.problem).toBe('foreign');
    expect(e.canStartFresh).toBe(true);
    expect(e.message).toMatch(/not an Offerflow data file.*Start fresh/);
    expect(hash(file)).toBe(before);

    const aside = startFresh(file, new Date('2026-03-01T10:20:30.123Z'));
    expect(path.basename(aside)).toBe('offerflow.sqlite.corrupt-2026-03-01T10-20-30-123Z');
    expect(hash(aside)).toBe(before);
    const db = openDataFile(file);
    expect(db.prepare('SELECT COUNT(*) FROM programs').pluck().get()).toBe(0);
    db.close();
    // A second fresh start the same millisecond never overwrites the first file set aside.
    fs.writeFileSync(file, 'junk again');
    expect(startFresh(file, new Date('2026-03-01T10:20:30.123Z'))).not.toBe(aside);
    expect(hash(aside)).toBe(before);
  });

  it('refuses an SQLite database that is not ours', () => {
    const other = openDb(file, { migrate: false });
    other.exec('CREATE TABLE songs (title TEXT)');
    other.close();
    const before = hash(file);
    expect(refusal(() => openDataFile(file)).problem).toBe('foreign');
    expect(hash(file)).toBe(before);
  });

  it('refuses a damaged file and never writes to it', () => {
    realFile();
    const bytes = fs.readFileSync(file);
    // Scribble over the b-tree pages after the first (the header and schema stay readable).
    for (let i = 4096; i < bytes.length; i += 97) bytes[i] = 0xa5;
    fs.writeFileSync(file, bytes);
    const before = hash(file);
    const e = refusal(() => openDataFile(file));
    expect(e.problem).toBe('corrupt');
    expect(e.message).toMatch(/damaged.*Start fresh/);
    expect(hash(file)).toBe(before);
    expect(fs.existsSync(`${file}.bak-${MIGRATIONS.length}`)).toBe(false);
  });

  it('refuses a truncated file', () => {
    realFile();
    fs.truncateSync(file, 6000);
    expect(refusal(() => openDataFile(file)).problem).toBe('corrupt');
  });

  it('refuses a file from a newer Offerflow and does not downgrade or offer to start fresh', () => {
    realFile();
    const db = openDb(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const before = hash(file);
    const e = refusal(() => openDataFile(file));
    expect(e.problem).toBe('newer');
    expect(e.canStartFresh).toBe(false);
    expect(e.message).toMatch(/newer Offerflow.*Update Offerflow/);
    expect(hash(file)).toBe(before);
    expect(() => createService({ dataDir: dir })).toThrow(DataFileError);
    expect(hash(file)).toBe(before);
  });

  it('the service refuses a bad file with the same clear error', () => {
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    expect(() => createService({ dataDir: dir })).toThrow(/not an Offerflow data file/);
  });
});

describe('backups before migrations', () => {
  it('keeps a copy of the old version, data included, before migrating', () => {
    const old = openDb(file, { migrate: false });
    migrate(old, MIGRATIONS.slice(0, 2));
    old.prepare("INSERT INTO programs (id, name, created_at, updated_at) VALUES ('p1', 'Before', 'x', 'x')").run();
    old.close();
    const db = openDataFile(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    const backup = openDb(`${file}.bak-2`, { migrate: false });
    expect(backup.pragma('user_version', { simple: true })).toBe(2);
    expect(backup.prepare('SELECT name FROM programs').pluck().all()).toEqual(['Before']);
    backup.close();
  });

  it('makes no backup when nothing migrates, and keeps only the newest few', () => {
    realFile();
    openDataFile(file).close();
    expect(fs.readdirSync(dir).filter((n) => n.includes('.bak-'))).toEqual([]);
    for (let v = 1; v <= KEEP_BACKUPS + 2; v++) backupDataFile(file, v);
    expect(fs.readdirSync(dir).filter((n) => n.includes('.bak-')).length).toBe(KEEP_BACKUPS);
  });
});

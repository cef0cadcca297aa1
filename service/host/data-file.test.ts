/**
 * The host's start-up with a bad data file (issue 6): it stops with a clear message naming the
 * way out and leaves the file untouched; `--start-fresh` moves it aside and serves an empty
 * (seeded) data file; a newer app's file is refused even with `--start-fresh`. A read-only data
 * folder or data file (issue 12, weak list) is a sentence naming it and the way out, not EACCES.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbFile, openDb } from '../store';
import { MIGRATIONS } from '../store/migrations';
import { hostOnce, hostOnceAs } from './host-once.test-support';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-hostfile-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const hash = (f: string): string => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

const host = (...extra: string[]) => hostOnce(dir, ...extra);

describe('host start-up with a bad data file', () => {
  it('stops with the way out, keeps the file, and starts fresh only when asked', async () => {
    const file = dbFile(dir);
    fs.writeFileSync(file, 'not a database at all\n'.repeat(50));
    const before = hash(file);
    const refused = await host();
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/not an Offerflow data file[\s\S]*--start-fresh/);
    expect(hash(file)).toBe(before);

    const fresh = await host('--start-fresh');
    expect(fresh.stdout).toMatch(/^Offerflow is running at http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(fresh.stderr).toMatch(/Moved it aside to .*offerflow\.sqlite\.corrupt-/);
    const aside = fs.readdirSync(dir).filter((n) => n.startsWith('offerflow.sqlite.corrupt-') && !/-(wal|shm)$/.test(n));
    expect(aside).toHaveLength(1);
    expect(hash(path.join(dir, aside[0] as string))).toBe(before);
    const db = openDb(file, { migrate: false });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);

  it('refuses a newer version even with --start-fresh', async () => {
    const file = dbFile(dir);
    const db = openDb(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    const before = hash(file);
    const r = await host('--start-fresh');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/newer Offerflow/);
    expect(hash(file)).toBe(before);
  }, 60_000);

  // The tests run as root in CI, and root writes anywhere: the host then runs as "nobody".
  const asUser = process.getuid?.() === 0 ? 65534 : undefined;
  const unwritable = /cannot be written \(a read-only file or folder, or no permission\): make it writable, or choose another data folder\. Nothing was changed\./;

  it.skipIf(process.platform === 'win32')('a read-only data folder is named with the way out, and nothing is created in it', async () => {
    fs.chmodSync(dir, 0o555);
    const r = await hostOnceAs(asUser, dir);
    fs.chmodSync(dir, 0o755);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(dir);
    expect(r.stderr).toMatch(unwritable);
    expect(r.stderr).not.toMatch(/EACCES|SQLITE_|internal error/i);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 60_000);

  it.skipIf(process.platform === 'win32')('a read-only data file (in a read-only folder) is refused untouched, with no -wal or -shm beside it', async () => {
    const file = dbFile(dir);
    openDb(file).close();
    const before = hash(file);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o555);
    const r = await hostOnceAs(asUser, dir);
    fs.chmodSync(dir, 0o755);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(unwritable);
    expect(r.stderr).not.toMatch(/EACCES|SQLITE_|internal error/i);
    expect(hash(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['offerflow.sqlite']);
  }, 60_000);
});

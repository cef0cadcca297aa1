import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createService } from '../service/service';
import { dbFile, openDb } from '../service/store';
import { MIGRATIONS } from '../service/store/migrations';
import { DataFileError, startFresh } from '../service/store/safe-open';
import { openWithRecovery } from './data-file-recovery';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function badDir(content: string | null): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-recover-'));
  dirs.push(dir);
  if (content !== null) fs.writeFileSync(dbFile(dir), content);
  return dir;
}

describe('desktop recovery from a bad data file', () => {
  it('quits without touching the file when the person says so', () => {
    const dir = badDir('garbage'.repeat(500));
    const ask = vi.fn((_e: DataFileError) => 'quit' as const);
    expect(openWithRecovery({ open: () => createService({ dataDir: dir }), ask, startFresh, tell: () => undefined })).toBeNull();
    expect(ask.mock.calls[0]?.[0]).toBeInstanceOf(DataFileError);
    expect(fs.readFileSync(dbFile(dir), 'utf8')).toBe('garbage'.repeat(500));
  });

  it('starts fresh and keeps the old file aside when asked', async () => {
    const dir = badDir('garbage'.repeat(500));
    const tell = vi.fn();
    const s = openWithRecovery({ open: () => createService({ dataDir: dir }), ask: () => 'start-fresh', startFresh, tell });
    expect(s).not.toBeNull();
    await s?.close();
    expect(tell.mock.calls[0]?.[0]).toMatch(/kept as .*corrupt-/);
    const aside = fs.readdirSync(dir).find((n) => n.includes('.corrupt-'));
    expect(fs.readFileSync(path.join(dir, aside as string), 'utf8')).toBe('garbage'.repeat(500));
  });

  it('never offers to start fresh over a newer version', () => {
    const dir = badDir(null);
    const db = openDb(dbFile(dir));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const ask = vi.fn(() => 'start-fresh' as const);
    expect(() => openWithRecovery({ open: () => createService({ dataDir: dir }), ask, startFresh, tell: () => undefined })).toThrow(/newer Offerflow/);
    expect(ask).not.toHaveBeenCalled();
  });
});

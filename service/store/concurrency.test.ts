/**
 * Concurrency (issue 6): two processes with a full service each on one data folder (the desktop
 * app and the local host, or two hosts) write at the same time. WAL and the busy timeout make a
 * writer wait for the other instead of failing; nothing is lost or torn, and the file passes
 * `PRAGMA integrity_check`. When the other writer holds the file longer than the wait, the call
 * is refused with a clear "busy" message, not an internal error.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createService } from '../service';
import { example, testService } from '../test-helpers';
import { dbFile, insertRun, loadProgram } from '.';
import { MIGRATIONS } from './migrations';

const COUNT = 25;
const child = path.join(__dirname, 'concurrent-child.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-concurrent-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writer(name: string, programId: string, folder = dir): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, folder, name, String(COUNT), programId], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    p.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    p.on('error', reject);
    p.on('exit', (code) => resolve({ code, lines: out.split('\n').filter(Boolean), stderr }));
  });
}

describe('two processes on one data folder', () => {
  it('both write at once; every change lands and the file stays intact', async () => {
    const setup = createService({ dataDir: dir });
    const doc = await setup.dispatch('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
    await setup.close();
    if (!doc.ok) throw new Error(doc.error.message);
    const programId = (doc.value as { id: string }).id;

    const [a, b] = await Promise.all([writer('alpha', programId), writer('beta', programId)]);
    for (const w of [a, b]) {
      expect(w.code, w.stderr).toBe(0);
      expect(w.lines.filter((l) => l.startsWith('error')), 'refused calls').toEqual([]);
      expect(w.lines).toHaveLength(COUNT * 3);
    }
    const db = new Database(dbFile(dir), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const programs = db.prepare('SELECT id FROM programs').pluck().all() as string[];
      for (const line of [...a.lines, ...b.lines].filter((l) => l.startsWith('program '))) expect(programs).toContain(line.slice(8));
      expect(programs).toHaveLength(1 + 2 * COUNT);
      const program = loadProgram(db, programId)?.program;
      expect(program?.partners.map((p) => p.key).filter((k) => /^(alpha|beta)-/.test(k))).toHaveLength(2 * COUNT);
      // Every trigger save got its own version number: none overwrote another.
      const versions = [...a.lines, ...b.lines].filter((l) => l.startsWith('version ')).map((l) => Number(l.slice(8)));
      expect(new Set(versions).size).toBe(2 * COUNT);
      expect(db.prepare("SELECT COUNT(*) FROM trigger_versions WHERE program_id = ? AND trigger_id = 'bronze-offer'").pluck().get(programId)).toBe(1 + 2 * COUNT);
    } finally {
      db.close();
    }
    console.log(`concurrency: 2 processes × ${COUNT * 3} writes on one data folder, none refused or lost, integrity_check ok`);
  }, 120_000);

  it('two processes creating a fresh data file at the same moment both migrate it once', async () => {
    for (let round = 0; round < 3; round++) {
      const fresh = path.join(dir, `fresh-${round}`);
      const [a, b] = await Promise.all([writer('alpha', '-', fresh), writer('beta', '-', fresh)]);
      for (const w of [a, b]) expect(w.code, w.stderr).toBe(0);
      const db = new Database(dbFile(fresh), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT COUNT(*) FROM programs').pluck().get()).toBe(2 * COUNT);
      db.close();
    }
  }, 120_000);

  it("a start-up leaves another live process's running replay alone, and fails the run of a dead one with a sentence", async () => {
    const folder = path.join(dir, 'instances');
    const first = createService({ dataDir: folder });
    const doc = await first.dispatch('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
    if (!doc.ok) throw new Error(doc.error.message);
    const program = loadProgram(first.db, (doc.value as { id: string }).id)?.program;
    if (!program) throw new Error('no program');
    const set = await first.dispatch('eventSets.import', { programId: (doc.value as { id: string }).id, fileName: 'e.json', text: example('seed-order-recommended.events.json') });
    if (!set.ok) throw new Error(set.error.message);
    // Another process (alive) owns the run, as a second host replaying it would.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const owner = { id: 'other-service', pid: other.pid ?? -1, host: os.hostname() };
    insertRun(first.db, { id: 'run-live', programId: (doc.value as { id: string }).id, eventSetId: (set.value as { id: string }).id, eventSetName: 'x', program, total: 1, asOf: null, now: '2026-01-01T00:00:00Z', owner });
    await first.close();
    const row = (): { status: string; error: string | null } => {
      const db = new Database(dbFile(folder), { readonly: true });
      try {
        return db.prepare("SELECT status, error FROM runs WHERE id = 'run-live'").get() as { status: string; error: string | null };
      } finally {
        db.close();
      }
    };
    await createService({ dataDir: folder }).close();
    expect(row().status).toBe('running');
    // Once it is gone, the next start-up marks the run failed and says why.
    other.kill('SIGKILL');
    await new Promise((r) => other.once('exit', r));
    await createService({ dataDir: folder }).close();
    expect(row()).toEqual({ status: 'failed', error: `interrupted: the Offerflow process running this replay (pid ${owner.pid}) ended before it finished; run it again` });
  });

  it('a writer kept waiting past the busy timeout gets a clear "busy" refusal, and nothing half-written', async () => {
    const s = testService();
    try {
      s.db.pragma('busy_timeout = 200');
      const other = new Database(s.dbFile);
      other.exec('BEGIN IMMEDIATE');
      const r = await s.dispatch('programs.create', { name: 'Blocked' });
      other.exec('ROLLBACK');
      other.close();
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/^the data file is busy: another Offerflow window or host is writing to it; try again/);
      expect(await s.call('programs.list', {})).toEqual([]);
      expect((await s.dispatch('programs.create', { name: 'After' })).ok).toBe(true);
    } finally {
      await s.dispose();
    }
  });
});

/**
 * Crash safety (issue 6): a child process (crash-child.ts) saves programs, trigger versions and
 * replay ledgers in a loop on one database; we SIGKILL it at random moments, many times, and
 * after every kill reopen the file and check that
 * - `PRAGMA integrity_check` is ok and no foreign key dangles;
 * - every change the child reported (it prints after each commit) is there;
 * - nothing is half-written: every program loads, every trigger's current version row exists
 *   and belongs to it, every event set has all its events, every run marked done has its whole
 *   ledger, and after the service's startup no run is left "running".
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createService } from '../service';
import { ledgerTotals, loadEventSet, loadProgram, openDb, type Db } from '.';

const KILLS = Number(process.env.CRASH_KILLS ?? 32);
/** Independent data folders killed in parallel: the child's start-up (tsx) dominates the time. */
const LANES = 4;
const child = path.join(__dirname, 'crash-child.ts');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-crash-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

interface Reported {
  programs: Set<string>;
  versions: { programId: string; triggerId: string; version: number }[];
  runs: Map<string, number>;
}

/** Starts the child, kills it `delayMs` after it is ready, and returns the lines it printed. */
function runAndKill(dir: string, seed: number, delayMs: number): Promise<{ lines: string[]; killedBySignal: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    p.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (timer === undefined && out.includes('ready\n')) timer = setTimeout(() => p.kill('SIGKILL'), delayMs);
    });
    p.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    p.on('error', reject);
    p.on('exit', (_code, signal) => {
      clearTimeout(timer);
      // Only complete lines count: a line cut by the kill was not fully reported.
      const lines = out.split('\n').slice(0, -1);
      resolve({ lines, killedBySignal: signal === 'SIGKILL', stderr });
    });
  });
}

function record(lines: string[], into: Reported): void {
  for (const line of lines) {
    const [kind, a, b, c] = line.split(' ');
    if (kind === 'program' && a) into.programs.add(a);
    if (kind === 'version' && a && b && c) into.versions.push({ programId: a, triggerId: b, version: Number(c) });
    if (kind === 'run' && a && b) into.runs.set(a, Number(b));
  }
}

function checkDb(db: Db, seen: Reported): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  const has = (sql: string, ...args: unknown[]): boolean => db.prepare(sql).get(...args) !== undefined;
  for (const id of seen.programs) expect(has('SELECT 1 FROM programs WHERE id = ?', id), `program ${id}`).toBe(true);
  for (const v of seen.versions) {
    expect(has('SELECT 1 FROM trigger_versions WHERE program_id = ? AND trigger_id = ? AND version = ?', v.programId, v.triggerId, v.version), `version ${JSON.stringify(v)}`).toBe(true);
  }
  for (const [runId, n] of seen.runs) {
    expect(db.prepare<[string], { status: string; reward_count: number }>('SELECT status, reward_count FROM runs WHERE id = ?').get(runId)).toEqual({ status: 'done', reward_count: n });
  }
  // Nothing half-written, whatever the child managed to report.
  for (const { id } of db.prepare<[], { id: string }>('SELECT id FROM programs').all()) expect(() => loadProgram(db, id)).not.toThrow();
  const orphans = db.prepare(
    `SELECT t.program_id, t.id FROM triggers t LEFT JOIN trigger_versions v
     ON v.program_id = t.program_id AND v.trigger_id = t.id AND v.version = t.version WHERE v.version IS NULL`,
  ).all();
  expect(orphans).toEqual([]);
  for (const r of db.prepare<[], { trigger_id: string; data: string }>('SELECT trigger_id, data FROM trigger_versions').all()) {
    expect((JSON.parse(r.data) as { id: string }).id).toBe(r.trigger_id);
  }
  for (const s of db.prepare<[], { id: string; event_count: number }>('SELECT id, event_count FROM event_sets').all()) {
    expect(loadEventSet(db, s.id)?.events.length).toBe(s.event_count);
  }
  // A done run has its whole ledger (in its own table since schema 6); no other run has rows.
  const runs = db.prepare<[], { id: string; status: string; reward_count: number; ledger_table: string | null }>('SELECT id, status, reward_count, ledger_table FROM runs').all();
  const torn = runs.filter((r) => r.status === 'done' && ledgerTotals(db, { runId: r.id }).total !== r.reward_count);
  expect(torn).toEqual([]);
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ledger!_%' ESCAPE '!'").all().map((t) => t.name);
  expect(tables.filter((t) => !runs.some((r) => r.ledger_table === t)), 'ledger tables of no run').toEqual([]);
}

interface LaneResult {
  seen: Reported;
  kills: number;
  midRun: number;
}

/** Kills a child `n` times on one data folder, checking the file after each kill. */
async function lane(index: number, n: number): Promise<LaneResult> {
  const dir = path.join(root, `lane-${index}`);
  const seen: Reported = { programs: new Set(), versions: [], runs: new Map() };
  let kills = 0;
  let midRun = 0;
  for (let i = 0; i < n; i++) {
    // Spread the kills: some during start-up and migrations, most inside the save loop.
    const delay = ((i * LANES + index) * 7919) % 700;
    const r = await runAndKill(dir, i * LANES + index + 1, delay);
    expect(r.killedBySignal, `the child ended on its own: ${r.stderr}`).toBe(true);
    kills++;
    record(r.lines, seen);
    if (!fs.existsSync(path.join(dir, 'offerflow.sqlite'))) continue;
    const db = openDb(path.join(dir, 'offerflow.sqlite'), { migrate: false });
    try {
      midRun += db.prepare("SELECT COUNT(*) AS n FROM runs WHERE status = 'running'").pluck().get() as number;
      checkDb(db, seen);
    } finally {
      db.close();
    }
  }
  // The next launch marks runs cut short as failed, so none claims to be running or done.
  const service = createService({ dataDir: dir });
  try {
    expect(service.db.prepare("SELECT COUNT(*) FROM runs WHERE status = 'running'").pluck().get()).toBe(0);
    // ...and keeps no half-written ledger of them.
    expect(service.db.prepare("SELECT COUNT(*) FROM runs WHERE status <> 'done' AND ledger_table IS NOT NULL").pluck().get()).toBe(0);
    checkDb(service.db, seen);
  } finally {
    await service.close();
  }
  return { seen, kills, midRun };
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs while saving programs and persisting ledgers`, async () => {
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i, Math.ceil(KILLS / LANES))));
    const sum = (f: (l: LaneResult) => number): number => lanes.reduce((a, l) => a + f(l), 0);
    const kills = sum((l) => l.kills);
    const programs = sum((l) => l.seen.programs.size);
    const versions = sum((l) => l.seen.versions.length);
    const runs = sum((l) => l.seen.runs.size);
    const committed = programs + versions + runs;
    console.log(`crash safety: ${kills} SIGKILLs on ${LANES} data folders, ${committed} reported commits all present (${programs} programs, ${versions} trigger versions, ${runs} done runs), ${sum((l) => l.midRun)} kills caught a replay mid-run, integrity_check ok after every kill`);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(committed).toBeGreaterThan(KILLS);
  }, 180_000);
});

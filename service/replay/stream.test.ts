/**
 * The streamed replay job: the ledger goes from the engine's `onRewards` batches straight into
 * the run's own table. It must equal the ledger the engine retains, row for row, over many
 * batches; a cancel or a failure mid-stream leaves no table and no rows; a damaged stored event
 * set is refused with an error naming the chunk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { replay } from '../../engine';
import { benchEvents } from '../../bench/events';
import { benchProgram } from '../../bench/program';
import { programFileText } from '../handlers/programs';
import { getRun, insertRun, ledgerTotals, loadEventSet, loadProgram, newId, readLedger, toRewardRow, usdMinor, type Db } from '../store';
import { disposeIfCreated, testService, type TestService } from '../test-helpers';
import { importEventSetJob, runReplayJob, type JobIo } from './jobs';
import type { WorkerMessage } from './protocol';

let s: TestService;
afterEach(async () => disposeIfCreated(s));

/** 12,000 bench events (≈ 60 progress points of 500, so ≈ 60 ledger batches). */
const EVENTS = 12_000;

async function stored(events = EVENTS) {
  s = testService();
  const doc = await s.call('programs.import', { text: programFileText(benchProgram(50)), fileName: 'bench.program.json' });
  const set = benchEvents(events, 50);
  const answer = importEventSetJob(s.db, { eventSetId: newId('es'), programId: doc.id, fileName: 'bench.events.json', text: JSON.stringify(set), now: '2026-01-01T00:00:00Z' });
  if (answer.type !== 'imported') throw new Error(`import: ${answer.type}`);
  const program = loadProgram(s.db, doc.id)?.program;
  if (!program) throw new Error('no program');
  const runId = newId('run');
  insertRun(s.db, { id: runId, programId: doc.id, eventSetId: answer.summary.id, eventSetName: 'bench', program, total: events, asOf: null, now: '2026-01-01T00:00:00Z' });
  return { runId, eventSetId: answer.summary.id, program, set };
}

function io(cancelAfterProgress = Infinity, failAfterProgress = Infinity): JobIo & { messages: WorkerMessage[] } {
  const messages: WorkerMessage[] = [];
  let progress = 0;
  return {
    messages,
    post: (m) => {
      messages.push(m);
      if (m.type === 'progress' && ++progress >= failAfterProgress) throw new Error('the main side went away');
    },
    cancelled: () => progress >= cancelAfterProgress,
  };
}

const ledgerTables = (db: Db): string[] => db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ledger!_%' ESCAPE '!'").all().map((r) => r.name);

describe('streamed replay job', () => {
  it('persists the same ledger, row for row, as the engine retains, over many batches', async () => {
    const { runId, program, set } = await stored();
    const job = io();
    runReplayJob(s.db, runId, job);
    const expected = replay(program, set);
    expect(expected.rewards.length).toBeGreaterThan(5_000);
    const run = getRun(s.db, runId);
    expect(run).toMatchObject({ status: 'done', error: null, rewardCount: expected.rewards.length, processed: EVENTS });
    const rows = readLedger(s.db, runId).map(toRewardRow);
    expect(rows.length).toBe(expected.rewards.length);
    for (let i = 0; i < rows.length; i++) if (JSON.stringify(rows[i]) !== JSON.stringify(expected.rewards[i])) expect(rows[i]).toEqual(expected.rewards[i]);
    const cents = expected.rewards.reduce((a, r) => a + usdMinor(r.amountUsd), 0);
    expect(ledgerTotals(s.db, { runId })).toEqual({ total: expected.rewards.length, totalUsd: run?.rewardsUsd });
    expect(run?.rewardsUsd).toBe(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
    // Progress reached the main side all along (the UI's live progress), then the save and done.
    const progress = job.messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(20);
    expect(job.messages.at(-1)).toEqual({ type: 'done' });
    expect(ledgerTables(s.db)).toEqual([`ledger_${runId}`]);
  }, 60_000);

  it('leaves no ledger when cancelled mid-stream', async () => {
    const { runId } = await stored();
    const job = io(10);
    runReplayJob(s.db, runId, job);
    expect(getRun(s.db, runId)).toMatchObject({ status: 'cancelled', rewardCount: 0 });
    expect(job.messages.at(-1)).toEqual({ type: 'cancelled' });
    expect(ledgerTables(s.db)).toEqual([]);
    expect(ledgerTotals(s.db, { runId }).total).toBe(0);
    expect(s.db.prepare('SELECT ledger_table FROM runs WHERE id = ?').pluck().get(runId)).toBeNull();
  }, 60_000);

  it('leaves no half-written ledger when it fails mid-stream', async () => {
    const { runId } = await stored();
    runReplayJob(s.db, runId, io(Infinity, 10));
    expect(getRun(s.db, runId)).toMatchObject({ status: 'failed', error: 'the main side went away' });
    expect(ledgerTables(s.db)).toEqual([]);
    expect(ledgerTotals(s.db, { runId }).total).toBe(0);
  }, 60_000);

  it('refuses a damaged stored event set, naming the chunk, and fails the run without rows', async () => {
    const { runId, eventSetId } = await stored(25_000);
    expect(loadEventSet(s.db, eventSetId)?.events.length).toBe(25_000);
    // One character changed in the second chunk: still valid JSON, but not what was imported.
    s.db.prepare("UPDATE event_set_chunks SET events_json = replace(events_json, '\"e10001\"', '\"e10009\"') WHERE event_set_id = ? AND idx = 1").run(eventSetId);
    expect(() => loadEventSet(s.db, eventSetId)).toThrow(`stored event set ${eventSetId} is damaged in chunk 1 (events 10000…19999): its checksum does not match its content`);
    runReplayJob(s.db, runId, io());
    expect(getRun(s.db, runId)).toMatchObject({ status: 'failed', error: expect.stringContaining('damaged in chunk 1') });
    expect(ledgerTables(s.db)).toEqual([]);
  }, 60_000);

  it('refuses a stored event set with a chunk missing or a wrong count', async () => {
    const { eventSetId } = await stored(25_000);
    s.db.prepare('DELETE FROM event_set_chunks WHERE event_set_id = ? AND idx = 1').run(eventSetId);
    expect(() => loadEventSet(s.db, eventSetId)).toThrow(/damaged in chunk 1 .*the chunk is missing/);
    s.db.prepare('DELETE FROM event_set_chunks WHERE event_set_id = ? AND idx = 2').run(eventSetId);
    expect(() => loadEventSet(s.db, eventSetId)).toThrow(/it holds 10000 events, not 25000/);
  }, 60_000);

  it('reads the engine\'s USD amounts to cents exactly, and refuses anything malformed loudly', () => {
    const samples = ['0.00', '0.01', '-0.01', '12.34', '-12.34', '1000000.00', '9999999999999.99', '-9999999999999.99', '5.00'];
    for (let i = 0; i < 2000; i++) samples.push(`${i % 3 === 0 ? '-' : ''}${Math.floor(Math.random() * 10 ** (i % 14))}.${String(i % 100).padStart(2, '0')}`);
    for (const t of samples) expect(usdMinor(t), t).toBe(Number(t.replace('.', '')));
    for (const odd of ['a.bc', '1.2x', '', '1.-5', '--1.00', '1.234']) expect(() => usdMinor(odd), odd).toThrow(/bad USD amount/);
  });
});

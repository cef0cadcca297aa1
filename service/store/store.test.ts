import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEventSetText, parseProgramText } from '../../engine/formats/read';
import type { RewardRow } from '../../engine/formats/report';
import type { Trigger } from '../../engine/formats/program-schema';
import { MIGRATIONS } from './migrations';
import {
  deleteProgram, deleteTrigger, getRun, getRunResult, getTrigger, insertEventSet, insertProgram, insertRun, listEventSets, listPrograms,
  listVersions, loadEventSet, loadProgram, markInterruptedRuns, migrate, newRunOwner, openDb, queryLedger, readLedger, reviewRewards, saveTriggerVersion,
  finishRun, writeLedger, dueMonthOf, deleteRun, endRun, openLedgerWriter, type Db,
} from './index';

const EXAMPLES = path.resolve(import.meta.dirname, '../../resources/samples/spec-examples');
const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function sampleProgram() {
  return parseProgramText(fs.readFileSync(path.join(EXAMPLES, 'seed-order-recommended.program.json'), 'utf8'));
}

const tinySet = { format: 'offerflow.events/1' as const, name: 'x', events: [] };

function reward(i: number): RewardRow {
  return {
    id: `r${i}`, kind: 'reward', partnerKey: i % 2 ? 'ana' : 'bo', triggerId: 'bronze-offer', triggerVersion: 1, eventId: `e${i}`,
    description: '$5 for every sale', amount: '5.00', currency: 'USD', amountUsd: '5.00', fxRate: '1', earnedAt: '2026-02-04T08:00:00Z',
    dueAt: '2026-02-04T08:00:00Z', occurrence: 1, occurrences: 1, status: 'pending', invoiceDate: '2026-03-01', chargeDate: '2026-03-08', payoutDate: '2026-03-13',
  };
}

describe('migrations', () => {
  it('creates every table from an empty file with WAL and foreign keys on', () => {
    const db = openDb(path.join(tempDir(), 'offerflow.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
    expect(tables).toEqual(['evaluation_orders', 'event_index', 'event_index_state', 'event_set_chunks', 'event_sets', 'ledger', 'partners', 'programs', 'reviews', 'run_checkpoints', 'runs', 'trigger_versions', 'triggers']);
    db.close();
  });

  it('runs only the missing steps when reopened, and refuses a newer file', () => {
    const file = path.join(tempDir(), 'x.sqlite');
    openDb(file).close();
    const db = openDb(file);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer Offerflow/);
    db.close();
  });

  it('leaves user_version unchanged when a step fails', () => {
    const db = openDb(':memory:', { migrate: false });
    expect(() => migrate(db, ['CREATE TABLE a (x INTEGER);', 'CREATE TABLE broken ('])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('upgrades a file written by the first ledger schema and keeps its rows', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const old = openDb(file, { migrate: false });
    migrate(old, MIGRATIONS.slice(0, 3));
    insertProgram(old, 'p1', sampleProgram(), '2026-01-01T00:00:00Z');
    // What the schema-3 code wrote: chunks without count or checksum, ledger rows in the shared table.
    const events = [{ id: 'c1', type: 'customer.created', at: '2026-02-01T10:00:00Z', customer: { key: 'k1', partnerKey: 'ana' } }];
    old.prepare("INSERT INTO event_sets (id, program_id, name, source, event_count, created_at) VALUES ('es1', 'p1', 'x', 'json', 1, '2026-01-01T00:00:00Z')").run();
    old.prepare("INSERT INTO event_set_chunks (event_set_id, idx, events_json) VALUES ('es1', 0, ?)").run(JSON.stringify(events));
    old
      .prepare("INSERT INTO runs (id, program_id, event_set_id, event_set_name, program_json, status, total, started_at) VALUES ('run1', 'p1', 'es1', 'x', ?, 'running', 1, '2026-01-01T00:00:00Z')")
      .run(JSON.stringify(sampleProgram()));
    const put = old.prepare(`INSERT INTO ledger (run_id, seq, id, kind, partner_key, trigger_id, trigger_version, event_id, description, amount, currency, amount_usd_minor,
      fx_rate, earned_at, due_at, due_month, occurrence, occurrences, status, invoice_date, charge_date, payout_date) VALUES ('run1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    [reward(1), reward(2)].forEach((r, i) => {
      put.run(i, r.id, r.kind, r.partnerKey, r.triggerId, r.triggerVersion, r.eventId, r.description, r.amount, r.currency, 500 * (i + 1), r.fxRate, r.earnedAt, r.dueAt, dueMonthOf(r.invoiceDate), r.occurrence, r.occurrences, r.status, r.invoiceDate, r.chargeDate, r.payoutDate);
    });
    old.close();
    const db = openDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(queryLedger(db, { runId: 'run1', offset: 0, limit: 10, month: '2026-02', sort: 'amountUsd', desc: true }).rows.map((r) => r.id)).toEqual(['r2', 'r1']);
    const indexes = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ledger' AND name LIKE 'ledger_%'").all().map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['ledger_amount', 'ledger_due', 'ledger_month']));
    expect(loadEventSet(db, 'es1')?.events).toEqual(events);
    expect(reviewRewards(db, 'run1', ['r2'], 'approved', null, '2026-01-02T00:00:00Z')).toEqual({ updated: 1, missing: [] });
    expect(readLedger(db, 'run1').map((r) => r.status)).toEqual(['pending', 'approved']);
    // An old chunk is still checked with the schema, and its error names the chunk.
    db.prepare("UPDATE event_set_chunks SET events_json = replace(events_json, 'ana', '') WHERE event_set_id = 'es1'").run();
    expect(() => loadEventSet(db, 'es1')).toThrow(/event set es1 is damaged in chunk 0 .*customer\.partnerKey/);
    deleteRun(db, 'run1');
    expect(db.prepare('SELECT COUNT(*) AS n FROM ledger').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('round trips', () => {
  let db: Db;
  const open = (): Db => (db = openDb(':memory:'));

  it('stores a program file and reads back the same program', () => {
    open();
    const program = sampleProgram();
    insertProgram(db, 'p1', program, '2026-01-01T00:00:00Z');
    const back = loadProgram(db, 'p1');
    expect(back?.program).toEqual({ ...program, triggers: program.triggers.map((t) => ({ ...t, version: 1 })) });
    expect(listPrograms(db)).toEqual([{ id: 'p1', name: program.name, updatedAt: '2026-01-01T00:00:00Z', triggerCount: 3, partnerCount: 1 }]);
  });

  it('keeps every saved trigger version and deletes a trigger with its history', () => {
    open();
    insertProgram(db, 'p1', sampleProgram(), '2026-01-01T00:00:00Z');
    const t = getTrigger(db, 'p1', 'bronze-offer') as Trigger;
    saveTriggerVersion(db, 'p1', { ...t, name: 'Renamed' }, '2026-01-02T00:00:00Z');
    expect(getTrigger(db, 'p1', 'bronze-offer')).toMatchObject({ name: 'Renamed', version: 2 });
    expect(listVersions(db, 'p1', 'bronze-offer').map((v) => [v.version, v.trigger.name])).toEqual([[2, 'Renamed'], [1, t.name]]);
    expect(deleteTrigger(db, 'p1', 'bronze-offer')).toBe(true);
    expect(listVersions(db, 'p1', 'bronze-offer')).toEqual([]);
    expect(loadProgram(db, 'p1')?.program.evaluationOrder['transaction.created']).toEqual(['silver-offer', 'move-to-silver']);
  });

  it('stores an event set in chunks and reads it back identically', () => {
    open();
    insertProgram(db, 'p1', sampleProgram(), '2026-01-01T00:00:00Z');
    const set = parseEventSetText(fs.readFileSync(path.join(EXAMPLES, 'seed-order-recommended.events.json'), 'utf8'), 'x.json');
    const big = { ...set, events: Array.from({ length: 25_000 }, (_, i) => ({ ...set.events[i % set.events.length]!, id: `e${i}` })) };
    const s = insertEventSet(db, 'es1', 'p1', big, 'json', '2026-01-01T00:00:00Z');
    expect(s).toMatchObject({ eventCount: 25_000, hasExpectations: set.expect !== undefined, source: 'json' });
    expect(loadEventSet(db, 'es1')).toEqual(big);
    expect(listEventSets(db, 'p1')).toHaveLength(1);
  });

  it('stores runs, their ledger and review decisions; deleting the program removes them', () => {
    open();
    const program = sampleProgram();
    insertProgram(db, 'p1', program, '2026-01-01T00:00:00Z');
    insertEventSet(db, 'es1', 'p1', tinySet, 'json', '2026-01-01T00:00:00Z');
    insertRun(db, { id: 'run1', programId: 'p1', eventSetId: 'es1', eventSetName: 'x', program, total: 3, asOf: null, now: '2026-01-01T00:00:00Z' });
    const rewards = Array.from({ length: 25 }, (_, i) => reward(i + 1));
    const cents = writeLedger(db, 'run1', rewards, 10);
    expect(cents).toBe(12_500);
    finishRun(db, 'run1', { format: 'offerflow.report/1', rewards, groupChanges: [], tagsApplied: [], partners: [{ key: 'ana', group: 'silver', tier: null, tags: [] }], rejected: [], expectations: { passed: true, failures: [] } }, { count: rewards.length, cents }, '2026-01-01T00:00:01Z');
    expect(getRun(db, 'run1')).toMatchObject({ status: 'done', rewardCount: 25, rewardsUsd: '125.00', expectationsPassed: true });
    expect(getRunResult(db, 'run1')?.partners).toEqual([{ key: 'ana', group: 'silver', tier: null, tags: [] }]);
    expect(readLedger(db, 'run1').map(({ reviewReason: _reviewReason, ...r }) => r)).toEqual(rewards);
    expect(reviewRewards(db, 'run1', ['r1', 'r2', 'nope'], 'declined', 'duplicate', '2026-01-02T00:00:00Z')).toEqual({ updated: 2, missing: ['nope'] });
    const page = queryLedger(db, { runId: 'run1', offset: 0, limit: 5, status: 'declined', sort: 'id', desc: false });
    expect(page).toMatchObject({ total: 2, totalUsd: '10.00' });
    expect(page.rows[0]).toMatchObject({ id: 'r1', status: 'declined', reviewReason: 'duplicate' });
    expect(queryLedger(db, { runId: 'run1', offset: 0, limit: 3, month: '2026-02', partnerKey: 'ana', sort: 'amountUsd', desc: true }).total).toBe(13);
    expect(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ledger_%'").all()).toEqual([{ name: 'ledger_run1' }]);
    deleteProgram(db, 'p1');
    expect(db.prepare('SELECT COUNT(*) AS n FROM ledger').get()).toEqual({ n: 0 });
    // The run's own ledger table goes with it (the foreign keys only reach the run row).
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'ledger_run1%'").all()).toEqual([]);
  });

  it('marks runs left running by a crash as failed', () => {
    open();
    insertProgram(db, 'p1', sampleProgram(), '2026-01-01T00:00:00Z');
    insertEventSet(db, 'es1', 'p1', tinySet, 'json', '2026-01-01T00:00:00Z');
    insertRun(db, { id: 'run1', programId: 'p1', eventSetId: 'es1', eventSetName: 'x', program: sampleProgram(), total: 3, asOf: null, now: '2026-01-01T00:00:00Z' });
    expect(markInterruptedRuns(db, newRunOwner('sweeper'), '2026-01-01T00:00:05Z')).toBe(1);
    expect(getRun(db, 'run1')?.status).toBe('failed');
  });

  it('drops the partial ledgers of unfinished runs and orphaned ledger tables at start-up, and keeps finished ones', () => {
    open();
    const program = sampleProgram();
    insertProgram(db, 'p1', program, '2026-01-01T00:00:00Z');
    insertEventSet(db, 'es1', 'p1', tinySet, 'json', '2026-01-01T00:00:00Z');
    const run = (id: string): void => insertRun(db, { id, programId: 'p1', eventSetId: 'es1', eventSetName: 'x', program, total: 3, asOf: null, now: '2026-01-01T00:00:00Z' });
    const rewards = Array.from({ length: 5 }, (_, i) => reward(i + 1));
    for (const id of ['cut', 'stopped', 'done']) {
      run(id);
      openLedgerWriter(db, id).write(rewards, 0);
    }
    // 'stopped': a cancel that had to terminate its worker; 'done' finished; 'gone' deleted by an older build.
    endRun(db, 'stopped', 'cancelled', null, '2026-01-01T00:00:01Z');
    finishRun(db, 'done', { format: 'offerflow.report/1', rewards: [], groupChanges: [], tagsApplied: [], partners: [], rejected: [], expectations: { passed: true, failures: [] } }, { count: 5, cents: 2500 }, '2026-01-01T00:00:01Z');
    db.exec('CREATE TABLE "ledger_run_gone" (seq INTEGER PRIMARY KEY)');
    expect(markInterruptedRuns(db, newRunOwner('sweeper'), '2026-01-01T00:00:05Z')).toBe(1);
    expect(getRun(db, 'cut')).toMatchObject({ status: 'failed', error: expect.stringMatching(/interrupted/) });
    expect(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ledger!_%' ESCAPE '!'").all()).toEqual([{ name: 'ledger_done' }]);
    expect(readLedger(db, 'done')).toHaveLength(5);
    expect(readLedger(db, 'cut')).toEqual([]);
  });

  it('derives the due month from the invoice date', () => {
    expect(dueMonthOf('2026-03-01')).toBe('2026-02');
    expect(dueMonthOf('2027-01-01')).toBe('2026-12');
  });
});

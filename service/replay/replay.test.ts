import { afterEach, describe, expect, it } from 'vitest';
import { parseEventSetText, parseProgramText } from '../../engine/formats/read';
import { replay } from '../../engine';
import { disposeIfCreated, example, testService, waitForRun, type TestService } from '../test-helpers';
import { insertRun, loadProgram, readLedger, toRewardRow } from '../store';
import { runReplayJob } from './jobs';
import type { WorkerMessage } from './protocol';

let s: TestService;
afterEach(async () => disposeIfCreated(s));

async function seeded(name: string) {
  s = testService();
  const doc = await s.call('programs.import', { text: example(`${name}.program.json`), fileName: `${name}.program.json` });
  const set = await s.call('eventSets.import', { programId: doc.id, text: example(`${name}.events.json`), fileName: `${name}.events.json` });
  return { programId: doc.id, eventSetId: set.id };
}

describe('replay through the worker', () => {
  it('runs a sample in a worker and persists exactly the report the engine gives', async () => {
    const { programId, eventSetId } = await seeded('seed-order-double-reward');
    const { runId } = await s.call('replay.start', { programId, eventSetId });
    const done = await waitForRun(s, runId);
    expect(done).toMatchObject({ status: 'done', error: null });
    const expected = replay(parseProgramText(example('seed-order-double-reward.program.json')), parseEventSetText(example('seed-order-double-reward.events.json'), 'x.json'));
    expect(readLedger(s.db, runId).map(toRewardRow)).toEqual(expected.rewards.map((r) => ({ ...r, triggerVersion: r.triggerVersion })));
    const result = await s.call('replay.result', { runId });
    expect(result.partners).toEqual(expected.partners);
    expect(result.expectations).toEqual(expected.expectations);
    expect(done.rewardCount).toBe(expected.rewards.length);
  });

  it('recomputes the trace of one event', async () => {
    const { programId, eventSetId } = await seeded('seed-order-recommended');
    const { runId } = await s.call('replay.start', { programId, eventSetId });
    await waitForRun(s, runId);
    const first = readLedger(s.db, runId)[0];
    expect(first).toBeDefined();
    const traces = await s.call('replay.trace', { runId, eventId: first!.eventId });
    expect(traces[0]?.eventId).toBe(first!.eventId);
    expect(traces[0]?.triggers.some((t) => t.verdict === 'passed')).toBe(true);
  });
});

describe('review, payouts and comparison', () => {
  it('reviews rewards, previews the invoice and compares two runs', async () => {
    const { programId, eventSetId } = await seeded('seed-order-recommended');
    const { runId } = await s.call('replay.start', { programId, eventSetId });
    await waitForRun(s, runId);
    const page = await s.call('replay.ledger', { runId, limit: 2 });
    expect(page.rows).toHaveLength(2);
    const [a, b] = page.rows;
    const noReason = await s.dispatch('rewards.review', { runId, rewardIds: [a!.id], decision: 'declined' });
    expect(noReason.ok ? null : noReason.error.field).toBe('reason');
    const unknown = await s.dispatch('rewards.review', { runId, rewardIds: [a!.id, 'r999'], decision: 'approved' });
    expect(unknown.ok ? null : unknown.error.field).toBe('rewardIds[1]');
    expect((await s.call('replay.ledger', { runId, status: 'approved' })).total).toBe(0);
    await s.call('rewards.review', { runId, rewardIds: [a!.id], decision: 'declined', reason: 'test order' });
    await s.call('rewards.review', { runId, rewardIds: [b!.id], decision: 'hold' });
    const month = a!.invoiceDate.slice(0, 7);
    const inv = await s.call('payouts.month', { runId });
    expect(inv.months.length).toBeGreaterThan(0);
    expect(inv.excluded.map((x) => x.status).sort()).toEqual(['declined', 'hold']);
    expect(inv.invoiceDate.slice(0, 7)).toBe(month);
    expect(inv.chargeDate.endsWith('-08') && inv.payoutDate.endsWith('-13')).toBe(true);
    const csv = await s.call('replay.ledgerCsv', { runId });
    expect(csv.text.split('\r\n')[1]).toContain('test order');

    await s.call('triggers.update', { programId, triggerId: 'silver-offer', trigger: { ...(await s.call('programs.get', { programId })).program.triggers[1]!, action: { type: 'reward', offer: { description: '$12', type: 'flat', amount: '12.00', currency: 'USD' } } } });
    const second = await s.call('replay.start', { programId, eventSetId });
    await waitForRun(s, second.runId);
    const cmp = await s.call('replay.compare', { beforeRunId: runId, afterRunId: second.runId });
    expect(cmp.added).toEqual([]);
    expect(cmp.changed.length).toBeGreaterThan(0);
    expect(cmp.changed.every((c) => c.after.triggerId === 'silver-offer' || c.before.status !== c.after.status)).toBe(true);
  });
});

describe('the replay job', () => {
  it('reports replay progress, then the saving of the ledger, then done', async () => {
    const { programId, eventSetId } = await seeded('seed-order-recommended');
    const program = loadProgram(s.db, programId)!.program;
    insertRun(s.db, { id: 'run-x', programId, eventSetId, eventSetName: 'x', program, total: 7, asOf: null, now: '2026-01-01T00:00:00Z' });
    const messages: WorkerMessage[] = [];
    runReplayJob(s.db, 'run-x', { post: (m) => messages.push(m), cancelled: () => false });
    const types = messages.map((m) => m.type);
    expect(types[0]).toBe('progress');
    expect(types.indexOf('saving')).toBeGreaterThan(types.lastIndexOf('progress'));
    expect(messages.filter((m) => m.type === 'saving').at(-1)).toEqual({ type: 'saving', saved: 6, toSave: 6 });
    expect(types.at(-1)).toBe('done');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { disposeIfCreated, example, testService, waitForRun, type TestService } from '../test-helpers';

let s: TestService;
afterEach(async () => disposeIfCreated(s));

async function finishedRun() {
  s = testService();
  const doc = await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
  const events = JSON.parse(example('seed-order-recommended.events.json')) as Record<string, unknown>;
  delete events.expect;
  const set = await s.call('eventSets.import', { programId: doc.id, text: JSON.stringify(events), fileName: 'no-expect.events.json' });
  const { runId } = await s.call('replay.start', { programId: doc.id, eventSetId: set.id });
  const run = await waitForRun(s, runId);
  return { programId: doc.id, set, runId, run };
}

describe('expectations in the app', () => {
  it('a set without an expect block records "no expectations", not a pass', async () => {
    const { set, run } = await finishedRun();
    expect(set.hasExpectations).toBe(false);
    expect(run).toMatchObject({ status: 'done', expectationsPassed: null });
    expect(await s.call('eventSets.expectations', { eventSetId: set.id })).toEqual({ expect: null });
  });

  it('saves the run as the expected result, and a replay of the set then passes against it', async () => {
    const { programId, set, runId, run } = await finishedRun();
    const saved = await s.call('replay.saveAsExpected', { runId, rewards: true, partners: true, rejected: true });
    expect(saved.eventSet.hasExpectations).toBe(true);
    expect(saved.expect.rewards).toHaveLength(run.rewardCount);
    expect(saved.expect.exactRewards).toBe(true);
    expect(saved.expect.partners?.length).toBeGreaterThan(0);
    expect(saved.expect.rejected).toEqual([]);
    expect((await s.call('eventSets.expectations', { eventSetId: set.id })).expect).toEqual(saved.expect);
    const again = await s.call('replay.start', { programId, eventSetId: set.id });
    expect(await waitForRun(s, again.runId)).toMatchObject({ status: 'done', expectationsPassed: true });

    // Edited by hand to a wrong amount: the next run fails on it.
    const wrong = { ...saved.expect, rewards: saved.expect.rewards!.map((r, i) => (i === 0 ? { ...r, amount: '999.00' } : r)) };
    await s.call('eventSets.setExpectations', { eventSetId: set.id, expect: wrong });
    const third = await s.call('replay.start', { programId, eventSetId: set.id });
    expect(await waitForRun(s, third.runId)).toMatchObject({ status: 'done', expectationsPassed: false });
  });

  it('saves only what was chosen, and refuses choosing nothing', async () => {
    const { runId } = await finishedRun();
    const partnersOnly = await s.call('replay.saveAsExpected', { runId, rewards: false, partners: true, rejected: false });
    expect(Object.keys(partnersOnly.expect)).toEqual(['partners']);
    const none = await s.dispatch('replay.saveAsExpected', { runId, rewards: false, partners: false, rejected: false });
    expect(none.ok ? null : none.error.message).toMatch(/choose rewards, partners or rejected/);
  });

  it('names the path of a bad edit and keeps what was stored', async () => {
    const { set, runId } = await finishedRun();
    await s.call('replay.saveAsExpected', { runId, rewards: false, partners: false, rejected: true });
    const bad = await s.dispatch('eventSets.setExpectations', { eventSetId: set.id, expect: { rewards: [{ partnerKey: 'ana', amount: 'ten' }] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe('expect.rewards[0].amount');
    expect((await s.call('eventSets.expectations', { eventSetId: set.id })).expect).toEqual({ rejected: [] });
    await s.call('eventSets.setExpectations', { eventSetId: set.id, expect: null });
    expect((await s.call('eventSets.list', { programId: set.programId })).find((x) => x.id === set.id)?.hasExpectations).toBe(false);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { parseEventSetText, parseProgramText } from '../../engine/formats/read';
import { replay } from '../../engine';
import { example, testService, waitForRun, type TestService } from '../test-helpers';
import { readLedger, toRewardRow } from '../store';

let s: TestService;
afterEach(async () => s?.dispose());

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

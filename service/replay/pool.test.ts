/**
 * Concurrent replays (issue 12, finding 3): many `replay.start` calls at once all succeed. Runs
 * wait in a queue ("queued", with their place in line) for a small pool of workers instead of
 * each getting a worker of its own, and none fails with a raw SQLite "database is locked".
 */
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { disposeIfCreated, example, testService, waitForRun, type TestService } from '../test-helpers';
import { sourceSpawner, type SpawnWorker } from './spawn';

const CONCURRENT = 20;
let s: TestService;
afterEach(async () => disposeIfCreated(s));

/** A spawner that counts how many workers are alive at once. */
function countingSpawner(): { spawn: SpawnWorker; maxAlive: () => number } {
  const inner = sourceSpawner();
  let alive = 0;
  let max = 0;
  return {
    spawn: (input) => {
      const w: Worker = inner(input);
      alive++;
      max = Math.max(max, alive);
      w.on('exit', () => alive--);
      return w;
    },
    maxAlive: () => max,
  };
}

describe('concurrent replays', () => {
  it(`${CONCURRENT} replay.start at once: all run to done through a pool of at most 3 workers, the rest queued in order`, async () => {
    const counting = countingSpawner();
    s = testService(undefined, { spawn: counting.spawn, replayWorkers: 3 });
    const doc = await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
    const set = await s.call('eventSets.import', { programId: doc.id, text: example('seed-order-recommended.events.json'), fileName: 'e.json' });
    const started = await Promise.all(Array.from({ length: CONCURRENT }, () => s.dispatch('replay.start', { programId: doc.id, eventSetId: set.id })));
    const ids = started.map((r) => {
      if (!r.ok) throw new Error(r.error.message);
      return (r.value as { runId: string }).runId;
    });
    // Right after the burst most runs wait; their places in line are 1, 2, 3… in start order.
    const states = await Promise.all(ids.map((runId) => s.call('replay.progress', { runId })));
    const queued = states.filter((r) => r.status === 'queued');
    expect(queued.length).toBeGreaterThanOrEqual(CONCURRENT - 3);
    expect(queued.map((r) => r.queuePosition)).toEqual(queued.map((_, i) => i + 1));
    const ends = await Promise.all(ids.map((runId) => waitForRun(s, runId, 300_000)));
    expect(ends.map((r) => [r.status, r.error])).toEqual(ids.map(() => ['done', null]));
    expect(new Set(ends.map((r) => r.rewardCount)).size).toBe(1);
    expect(counting.maxAlive()).toBeLessThanOrEqual(3);
  }, 600_000);
});

import { describe, expect, it } from 'vitest';
import type { RunSummary } from '@service/contract';
import { observe, reconcile, requestCancel, runView, type RunTrack } from './run-state';

const base: RunSummary = {
  id: 'run1', programId: 'p', eventSetId: 'e', eventSetName: 'Demo', status: 'queued', processed: 0, total: 3055, startedAt: '2026-01-01T00:00:00Z',
  finishedAt: null, asOf: null, rewardCount: 0, rewardsUsd: '0.00', rejectedCount: 0, expectationsPassed: null, error: null, queuePosition: 2,
};
const at = (patch: Partial<RunSummary>): RunSummary => ({ ...base, ...patch });
const walk = (...summaries: RunSummary[]): RunTrack => summaries.reduce<RunTrack | undefined>((t, s) => observe(t, s), undefined)!;

describe('run state machine', () => {
  it('goes queued → loading → replaying → saving → done, the bar only ever filling', () => {
    const seq = [
      at({}),
      at({ status: 'running', phase: 'loading', queuePosition: undefined }),
      at({ status: 'running', phase: 'replaying', processed: 1000 }),
      at({ status: 'running', phase: 'replaying', processed: 3055 }),
      // Saving starts over at 0 rows: the whole-run bar must not drop back.
      at({ status: 'running', phase: 'saving', processed: 3055, saved: 0, toSave: 4077 }),
      at({ status: 'running', phase: 'saving', processed: 3055, saved: 4077, toSave: 4077 }),
      at({ status: 'done', processed: 3055, rewardCount: 4077, rewardsUsd: '304516.93', rejectedCount: 3, expectationsPassed: true }),
    ];
    let t: RunTrack | undefined;
    const stages: string[] = [];
    const percents: number[] = [];
    for (const s of seq) {
      t = observe(t, s);
      stages.push(t.stage);
      percents.push(t.percent);
    }
    expect(stages).toEqual(['queued', 'loading', 'replaying', 'replaying', 'saving', 'saving', 'done']);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(runView(t!).headline).toBe('3,055 / 3,055 events · 4,077 rewards · $304,516.93 · 3 rejected');
  });

  it('ignores stale summaries: an older poll or list never moves a run back', () => {
    const done = walk(at({ status: 'running', phase: 'replaying', processed: 2000 }), at({ status: 'done', processed: 3055, rewardCount: 9 }));
    expect(observe(done, at({ status: 'running', phase: 'replaying', processed: 2500 }))).toBe(done);
    const saving = walk(at({ status: 'running', phase: 'saving', processed: 3055, saved: 10, toSave: 100 }));
    expect(observe(saving, at({ status: 'running', phase: 'replaying', processed: 3000 })).stage).toBe('saving');
    const mid = walk(at({ status: 'running', phase: 'replaying', processed: 2000 }));
    expect(observe(mid, at({ status: 'running', phase: 'replaying', processed: 1000 }))).toBe(mid);
  });

  it('after Cancel: no Cancel button, "Cancelling…", then everything says Cancelled', () => {
    const going = walk(at({ status: 'running', phase: 'replaying', processed: 500 }));
    expect(runView(going).canCancel).toBe(true);
    const asked = requestCancel(going);
    expect(runView(asked)).toMatchObject({ canCancel: false, caption: 'Cancelling…', label: 'Cancelling', inProgress: true });
    // A poll that was in flight still says running: the request is not forgotten.
    const stillGoing = observe(asked, at({ status: 'running', phase: 'replaying', processed: 600 }));
    expect(runView(stillGoing).canCancel).toBe(false);
    const ended = observe(stillGoing, at({ status: 'cancelled', processed: 600 }));
    expect(runView(ended)).toMatchObject({ label: 'Cancelled', canCancel: false, inProgress: false, color: 'warning' });
    expect(runView(ended).headline).toBe('Cancelled after 600 / 3,055 events; nothing was kept');
    expect(requestCancel(ended)).toBe(ended);
  });

  it('never reads "0 rewards · $0.00" while a run goes', () => {
    for (const s of [at({}), at({ status: 'running', phase: 'loading' }), at({ status: 'running', phase: 'replaying', processed: 10 }), at({ status: 'running', phase: 'saving', processed: 3055 })]) {
      const v = runView(walk(s));
      expect(v.headline).not.toMatch(/rewards|\$/);
      expect(v.inProgress).toBe(true);
    }
    expect(runView(walk(at({}))).caption).toBe('Queued · position 2');
    expect(runView(walk(at({}))).percent).toBeNull();
    expect(runView(walk(at({ status: 'running', phase: 'replaying', processed: 1528 }))).caption).toBe('45% · replaying 1,528 / 3,055 events');
  });

  it('reconciles a listing with what the runner saw, whichever is newer', () => {
    const tracks = { run1: walk(at({ status: 'done', processed: 3055 })) };
    const listed = [at({ status: 'running', phase: 'replaying', processed: 100 }), at({ id: 'run2', status: 'failed', error: 'x' })];
    expect(reconcile(listed, tracks).map((t) => t.stage)).toEqual(['done', 'failed']);
    const behind = { run1: walk(at({ status: 'running', phase: 'replaying', processed: 100 })) };
    expect(reconcile([at({ status: 'done', processed: 3055 })], behind)[0]?.stage).toBe('done');
  });
});

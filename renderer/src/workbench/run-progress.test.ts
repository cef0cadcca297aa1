import { describe, expect, it } from 'vitest';
import { defaultRun, finishedChoice, newestFirst, progressText } from './run-progress';
import type { RunSummary } from '@service/contract';

const run = (id: string, startedAt: string, status: RunSummary['status']): RunSummary => ({
  id, programId: 'p', eventSetId: 'e', eventSetName: 'n', status, processed: 0, total: 0, startedAt, finishedAt: null,
  asOf: null, rewardCount: 0, rewardsUsd: '0.00', rejectedCount: 0, expectationsPassed: null, error: null,
});

describe('run progress', () => {
  it('shows grouped counts', () => {
    expect(progressText({ processed: 1234, total: 1_000_000 })).toBe('1,234 / 1,000,000 events');
  });

  it('defaults to the newest finished run', () => {
    const runs = [run('a', '2026-01-01T00:00:00Z', 'done'), run('b', '2026-01-02T00:00:00Z', 'cancelled')];
    expect(newestFirst(runs).map((r) => r.id)).toEqual(['b', 'a']);
    expect(defaultRun(runs)?.id).toBe('a');
    expect(defaultRun([runs[1]!])?.id).toBe('b');
    expect(defaultRun([])).toBeNull();
  });

  it('results screens show the chosen finished run, else the newest finished', () => {
    const runs = [run('a', '2026-01-01T00:00:00Z', 'done'), run('b', '2026-01-02T00:00:00Z', 'done'), run('c', '2026-01-03T00:00:00Z', 'running')];
    expect(finishedChoice(runs, 'a')).toEqual({ done: [runs[0], runs[1]], run: runs[0] });
    expect(finishedChoice(runs, undefined).run?.id).toBe('b');
    // A chosen run still going is not one to read results of: the newest finished shows.
    expect(finishedChoice(runs, 'c').run?.id).toBe('b');
    expect(finishedChoice([runs[2]!], 'c')).toEqual({ done: [], run: null });
  });
});

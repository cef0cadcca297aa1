import { describe, expect, it } from 'vitest';
import { defaultRun, newestFirst, progressText } from './run-progress';
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
});

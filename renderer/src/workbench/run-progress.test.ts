import { describe, expect, it } from 'vitest';
import { defaultRun, newestFirst, progressCaption, progressPercent, progressText } from './run-progress';
import type { RunSummary } from '../../../service/contract';

const run = (id: string, startedAt: string, status: RunSummary['status']): RunSummary => ({
  id, programId: 'p', eventSetId: 'e', eventSetName: 'n', status, processed: 0, total: 0, startedAt, finishedAt: null,
  asOf: null, rewardCount: 0, rewardsUsd: '0.00', rejectedCount: 0, expectationsPassed: null, error: null,
});

describe('run progress', () => {
  it('shows integer percent and grouped counts', () => {
    expect(progressPercent({ processed: 333_333, total: 1_000_000 })).toBe(33);
    expect(progressPercent({ processed: 0, total: 0 })).toBe(0);
    expect(progressText({ processed: 1234, total: 1_000_000 })).toBe('1,234 / 1,000,000 events');
  });

  it('defaults to the newest finished run', () => {
    const runs = [run('a', '2026-01-01T00:00:00Z', 'done'), run('b', '2026-01-02T00:00:00Z', 'cancelled')];
    expect(newestFirst(runs).map((r) => r.id)).toEqual(['b', 'a']);
    expect(defaultRun(runs)?.id).toBe('a');
    expect(defaultRun([runs[1]!])?.id).toBe('b');
    expect(defaultRun([])).toBeNull();
  });

  it('says where a queued run stands, and what a running one is doing', () => {
    expect(progressCaption({ status: 'queued', processed: 0, total: 10, queuePosition: 3 })).toBe('Queued · position 3');
    expect(progressCaption({ status: 'running', processed: 0, total: 10, phase: 'loading' })).toBe('Loading the event set…');
    expect(progressCaption({ status: 'running', processed: 5, total: 10, phase: 'replaying' })).toBe('50% · 5 / 10 events');
    expect(progressCaption({ status: 'running', processed: 10, total: 10, phase: 'saving' })).toBe('100% · 10 / 10 events · saving the ledger');
  });
});

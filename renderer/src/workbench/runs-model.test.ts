import { describe, expect, it } from 'vitest';
import type { EventSetSummary, RunSummary } from '@service/contract';
import { deleteRunConfirm, deleteSetConfirm, runNumbers, runTitle } from './runs-model';
import { newestFirst } from './run-progress';

const run = (id: string, startedAt: string, over: Partial<RunSummary> = {}): RunSummary => ({
  id, programId: 'p', eventSetId: 'e', eventSetName: 'Feb sample', status: 'done', processed: 1, total: 1, startedAt, finishedAt: null,
  asOf: null, rewardCount: 0, rewardsUsd: '0.00', rejectedCount: 0, expectationsPassed: null, error: null, ...over,
});

describe('runs screen words', () => {
  it('numbers runs from the oldest, so a new run does not renumber the others', () => {
    const a = run('a', '2026-01-01T00:00:00Z');
    const b = run('b', '2026-01-02T00:00:00Z');
    const c = run('c', '2026-01-03T00:00:00Z');
    const two = runNumbers(newestFirst([a, b]));
    const three = runNumbers(newestFirst([a, b, c]));
    expect([two(a), two(b)]).toEqual([1, 2]);
    expect([three(a), three(b), three(c)]).toEqual([1, 2, 3]);
  });

  it('titles a run by its name, else by its number', () => {
    expect(runTitle({ name: 'before the gold change' }, 3)).toBe('before the gold change');
    expect(runTitle({ name: null }, 3)).toBe('Run 3');
    expect(runTitle({}, 4)).toBe('Run 4');
  });

  it('says what a delete removes, counts grouped', () => {
    expect(deleteRunConfirm(run('a', '2026-01-01T00:00:00Z', { rewardCount: 12345 }), 2)).toEqual({
      title: 'Delete Run 2?',
      text: 'Its 12,345 rewards and their review decisions are removed. This cannot be undone.',
    });
    const set: EventSetSummary = { id: 's', programId: 'p', name: 'Q2 sales', source: 'csv', eventCount: 1885, hasExpectations: false, createdAt: '2026-01-01T00:00:00Z' };
    expect(deleteSetConfirm(set)).toEqual({
      title: 'Delete the event set “Q2 sales”?',
      text: 'Its 1,885 events are removed from the data folder. Runs made from it stay, with their results.',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { changedFields, compareHeadline, compareRows, defaultPair, runLabel } from './run-compare';
import type { RewardRow } from '@engine/formats/report';
import type { RunSummary } from '@service/contract';

const reward = (over: Partial<RewardRow>): RewardRow => ({
  id: 'r1', kind: 'reward', partnerKey: 'ana', triggerId: 'bronze', triggerVersion: 1, eventId: 't1', description: '$5',
  amount: '5.00', currency: 'USD', amountUsd: '5.00', fxRate: '1', earnedAt: '2026-02-02T12:00:00Z', dueAt: '2026-02-02T12:00:00Z',
  occurrence: 1, occurrences: 1, status: 'pending', invoiceDate: '2026-03-01', chargeDate: '2026-03-08', payoutDate: '2026-03-13', ...over,
});
const run = (id: string, startedAt: string, status: RunSummary['status'] = 'done'): RunSummary => ({
  id, programId: 'p', eventSetId: 'e', eventSetName: 'Feb sample', status, processed: 1, total: 1, startedAt, finishedAt: null,
  asOf: null, rewardCount: 0, rewardsUsd: '0.00', rejectedCount: 0, expectationsPassed: null, error: null,
});

describe('run comparison', () => {
  const cmp = {
    added: [reward({ id: 'r9', triggerId: 'silver', amount: '10.00', amountUsd: '10.00' })],
    removed: [reward({ id: 'r2', eventId: 't2' })],
    changed: [{ before: reward({}), after: reward({ amount: '7.00', amountUsd: '7.00', triggerVersion: 2 }) }],
    unchanged: 4,
    totalUsdBefore: '30.00',
    totalUsdAfter: '37.00',
  };

  it('lists removed, changed, added with the fields that changed', () => {
    const rows = compareRows(cmp);
    expect(rows.map((r) => [r.change, r.eventId, r.before, r.after])).toEqual([
      ['removed', 't2', '5.00', null],
      ['changed', 't1', '5.00', '7.00'],
      ['added', 't1', null, '10.00'],
    ]);
    expect(rows[1]?.fields).toEqual(['amount', 'amountUsd', 'triggerVersion']);
  });

  it('headlines the change in totals exactly', () => {
    expect(compareHeadline(cmp)).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 4, delta: '7.00' });
  });

  it('finds no changed fields for equal rewards', () => {
    expect(changedFields(reward({}), reward({}))).toEqual([]);
  });

  it('picks the two latest finished runs, older first', () => {
    const runs = [run('a', '2026-01-01T10:00:00Z'), run('b', '2026-01-02T10:00:00Z'), run('c', '2026-01-03T10:00:00Z', 'cancelled'), run('d', '2026-01-04T10:00:00Z')];
    expect(defaultPair(runs)).toEqual(['b', 'd']);
    expect(defaultPair(runs.slice(0, 1))).toBeNull();
    expect(runLabel(runs[0]!, 1)).toBe('Run 1 · Feb sample · 2026-01-01 10:00');
  });
});

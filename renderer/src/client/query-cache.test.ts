import { beforeEach, describe, expect, it } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import type { Channel } from '@service/contract';
import { dataChanged, queryClient, STALE_AFTER, useChangeCounts } from './query-cache';

const CHANNELS: Channel[] = ['programs.list', 'programs.get', 'eventSets.list', 'eventSets.expectations', 'replay.runs', 'replay.result', 'replay.summary', 'replay.trace', 'replay.ledger', 'payouts.month', 'payouts.year', 'payouts.statement', 'replay.partnerTimeline', 'visibility.get', 'drip.preview'];

/** One kept answer per channel, as views leave them in the cache. */
function fill(): void {
  for (const c of CHANNELS) queryClient.setQueryData([c, { id: 'x' }], { ok: true, value: c });
}

function stale(): Channel[] {
  return CHANNELS.filter((c) => queryClient.getQueryState([c, { id: 'x' }])?.isInvalidated === true);
}

describe('the query cache: a change marks stale exactly what it changes', () => {
  beforeEach(() => {
    queryClient.clear();
    fill();
  });

  it('a review makes the ledger, totals, timelines and payouts stale, and nothing of the program or the runs list', () => {
    dataChanged('reviews');
    expect(stale()).toEqual(['replay.summary', 'replay.ledger', 'payouts.month', 'payouts.year', 'payouts.statement', 'replay.partnerTimeline']);
  });

  it('an import makes the sets, their expectations and the runs (which name their set) stale', () => {
    dataChanged('eventSets');
    expect(stale()).toEqual(['eventSets.list', 'eventSets.expectations', 'replay.runs', 'replay.result']);
  });

  it("a run's start or end makes the runs list, results and totals stale", () => {
    dataChanged('runs');
    expect(stale()).toEqual(['replay.runs', 'replay.result', 'replay.summary']);
  });

  it('a saved program, and the host coming back, make every answer stale', () => {
    dataChanged('program');
    expect(stale()).toEqual(CHANNELS);
    queryClient.clear();
    fill();
    dataChanged('reconnected');
    expect(stale()).toEqual(CHANNELS);
  });

  it('no change names a channel twice', () => {
    for (const list of Object.values(STALE_AFTER)) if (list !== 'all') expect(new Set(list).size).toBe(list.length);
  });

  it('a watched answer is fetched again after the change that makes it stale, and not after another', async () => {
    let calls = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: ['payouts.month', { runId: 'r1' }],
      queryFn: () => {
        calls += 1;
        return Promise.resolve({ ok: true, value: calls });
      },
      staleTime: Infinity,
    });
    const seen: unknown[] = [];
    const stop = observer.subscribe((r) => seen.push(r.data));
    await observer.refetch();
    expect(calls).toBe(1);
    dataChanged('eventSets');
    await queryClient.getQueryCache().find({ queryKey: ['payouts.month', { runId: 'r1' }] })?.promise;
    expect(calls).toBe(1);
    dataChanged('reviews');
    await queryClient.getQueryCache().find({ queryKey: ['payouts.month', { runId: 'r1' }] })?.promise;
    expect(calls).toBe(2);
    expect(seen.at(-1)).toEqual({ ok: true, value: 2 });
    stop();
  });

  it('counts each change, for the page-by-page lists that key on it', () => {
    const before = useChangeCounts.getState().reviews;
    dataChanged('reviews');
    dataChanged('reviews');
    expect(useChangeCounts.getState().reviews).toBe(before + 2);
  });
});

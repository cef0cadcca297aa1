/**
 * The views' one query cache (TanStack Query). A read's answer is kept under `[channel, args]`
 * and shared by every view that asks the same (the navigator and the workbench fetch a
 * program's runs once). Nothing inside a component counts revisions: when the person changes
 * data, the code that made the change says what changed (`dataChanged`), and exactly the answers
 * that change makes stale are fetched again by the views showing them. Only a runs list with a
 * run in progress is asked again on a timer (`useRuns`), as the run moves in the service's worker.
 * A view that mounts asks again as well (answers are stale at once), showing the kept answer
 * meanwhile, so another window's changes show when a view opens.
 */
import { QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import type { Channel } from '@service/contract';

/**
 * What the person changed, in the service's words:
 * - `program`: a program was saved, created, renamed, imported, duplicated or deleted; and
 *   `reconnected` (the host came back): every answer may differ.
 * - `eventSets`: an event set was imported, annotated or deleted, or its expectations saved.
 * - `runs`: a run started, ended, was cancelled, annotated or deleted.
 * - `reviews`: rewards were approved, declined or held.
 */
export type DataChange = 'program' | 'reconnected' | 'eventSets' | 'runs' | 'reviews';

/** The channels whose answers each change makes stale; `all` for every one. */
export const STALE_AFTER: Readonly<Record<DataChange, readonly Channel[] | 'all'>> = {
  program: 'all',
  reconnected: 'all',
  // A deleted set leaves its runs without a set; saved expectations change how a run reads.
  // A comparison replays a set: a deleted or re-imported one changes it.
  eventSets: ['eventSets.list', 'eventSets.expectations', 'replay.runs', 'replay.result', 'programs.compare', 'programs.compareTraces'],
  runs: ['replay.runs', 'replay.result', 'replay.summary'],
  reviews: ['replay.ledger', 'replay.summary', 'replay.partnerTimeline', 'payouts.month', 'payouts.year', 'payouts.statement'],
};

/** A list holding a run in progress is asked again this often while the run goes (its chip, its caption). */
export const GOING_RUN_REFRESH_MS = 2000;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The service answers errors as values (`Result`); the client already retries a host that is away.
      retry: false,
      // The host is on this machine: being offline, or the window taking focus, changes nothing.
      networkMode: 'always',
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // Each answer is a new value, as the service sent it (views compare by identity).
      structuralSharing: false,
    },
  },
});

/**
 * How many times each change happened, for lists fetched page by page outside the cache
 * (`usePages`: the ledger's pages are windows of a virtual list, not answers of one call).
 */
export const useChangeCounts = create<Readonly<Record<DataChange, number>>>()(() => ({ program: 0, reconnected: 0, eventSets: 0, runs: 0, reviews: 0 }));

/** Marks what `change` makes stale; the views showing it fetch it again. */
export function dataChanged(change: DataChange): void {
  useChangeCounts.setState((s) => ({ [change]: s[change] + 1 }));
  const stale = STALE_AFTER[change];
  if (stale === 'all') {
    void queryClient.invalidateQueries();
    return;
  }
  for (const channel of stale) void queryClient.invalidateQueries({ queryKey: [channel] });
}

/**
 * What the runs & event sets screen says about a kept run or set, apart from how it shows it:
 * a run's title and number, and what deleting one removes (the confirm's words).
 */
import type { EventSetSummary, RunSummary } from '@service/contract';
import { groupDigits } from './money-format';

/** "Run 3" or the name a person gave it, for tables. */
export function runTitle(r: Pick<RunSummary, 'name'>, n: number): string {
  return r.name ?? `Run ${n}`;
}

/**
 * Each run's number in a newest-first list: the oldest is 1, so a run keeps its number as newer
 * ones are added.
 */
export function runNumbers(newestFirst: readonly RunSummary[]): (r: RunSummary) => number {
  const at = new Map(newestFirst.map((r, i) => [r.id, newestFirst.length - i]));
  return (r) => at.get(r.id) ?? 0;
}

/** The confirm before deleting a run: its title and what goes with it. */
export function deleteRunConfirm(r: RunSummary, n: number): { title: string; text: string } {
  return {
    title: `Delete ${runTitle(r, n)}?`,
    text: `Its ${groupDigits(String(r.rewardCount))} rewards and their review decisions are removed. This cannot be undone.`,
  };
}

/** The confirm before deleting an event set: the runs made from it stay. */
export function deleteSetConfirm(s: EventSetSummary): { title: string; text: string } {
  return {
    title: `Delete the event set “${s.name}”?`,
    text: `Its ${groupDigits(String(s.eventCount))} events are removed from the data folder. Runs made from it stay, with their results.`,
  };
}

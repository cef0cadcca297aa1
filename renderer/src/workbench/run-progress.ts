/** Run counts and order for pickers; the run's stage, bar and labels are `run-state.ts`. */
import type { RunStatus, RunSummary } from '@service/contract';
import { groupDigits } from './money-format';

export function progressText(run: Pick<RunSummary, 'processed' | 'total'>): string {
  return `${groupDigits(String(run.processed))} / ${groupDigits(String(run.total))} events`;
}

/** Status words for lists of stored runs (the live stages and their labels are `run-state.ts`). */
export const RUN_STATUS_LABELS: Readonly<Record<RunStatus, string>> = { queued: 'Queued', running: 'Running', done: 'Done', cancelled: 'Cancelled', failed: 'Failed' };

/** The runs picker's newest-first order. */
export function newestFirst(runs: readonly RunSummary[]): RunSummary[] {
  return [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
}

/** The run to show when none is chosen: the newest finished one, else the newest. */
export function defaultRun(runs: readonly RunSummary[]): RunSummary | null {
  const sorted = newestFirst(runs);
  return sorted.find((r) => r.status === 'done') ?? sorted[0] ?? null;
}

/**
 * The finished runs results screens read (overview, partner timeline, payouts) and the one they
 * show: the chosen one while it is among them, else the default.
 */
export function finishedChoice(runs: readonly RunSummary[], chosenId: string | undefined): { done: RunSummary[]; run: RunSummary | null } {
  const done = runs.filter((r) => r.status === 'done');
  return { done, run: done.find((r) => r.id === chosenId) ?? defaultRun(done) };
}

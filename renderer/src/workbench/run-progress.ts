/** Presentation of a run's progress and status. */
import type { RunStatus, RunSummary } from '../../../service/contract';
import { groupDigits } from './money-format';

export function progressPercent(run: Pick<RunSummary, 'processed' | 'total'>): number {
  if (run.total <= 0) return 0;
  return Math.min(100, Math.floor((run.processed * 100) / run.total));
}

export function progressText(run: Pick<RunSummary, 'processed' | 'total'>): string {
  return `${groupDigits(String(run.processed))} / ${groupDigits(String(run.total))} events`;
}

export const RUN_STATUS_LABELS: Readonly<Record<RunStatus, string>> = { queued: 'Queued', running: 'Running', done: 'Done', cancelled: 'Cancelled', failed: 'Failed' };

/** The line under a going run's progress bar: its place in the queue, or how far it got. */
export function progressCaption(run: Pick<RunSummary, 'status' | 'processed' | 'total' | 'phase' | 'queuePosition'>): string {
  if (run.status === 'queued') return run.queuePosition === undefined ? 'Queued' : `Queued · position ${run.queuePosition}`;
  if (run.phase === 'loading') return 'Loading the event set…';
  const saving = run.phase === 'saving' ? ' · saving the ledger' : '';
  return `${progressPercent(run)}% · ${progressText(run)}${saving}`;
}

/** The runs picker's newest-first order. */
export function newestFirst(runs: readonly RunSummary[]): RunSummary[] {
  return [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
}

/** The run to show when none is chosen: the newest finished one, else the newest. */
export function defaultRun(runs: readonly RunSummary[]): RunSummary | null {
  const sorted = newestFirst(runs);
  return sorted.find((r) => r.status === 'done') ?? sorted[0] ?? null;
}

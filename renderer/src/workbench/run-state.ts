/**
 * The one run state machine every indicator reads (chip, progress bar, caption, run picker,
 * Cancel button, headline counts): queued → loading → replaying → saving → done / failed /
 * cancelled. Summaries arrive from two places (the runner's polls and the runs list), in any
 * order and some of them stale; `observe` only ever moves a run forward, so no screen can show
 * an earlier stage than another, and the percentage never goes backwards. Pure: no React, no I/O.
 */
import type { RunSummary } from '@service/contract';
import { displayUsd, groupDigits } from './money-format';
import { progressText } from './run-progress';

export type RunStage = 'queued' | 'loading' | 'replaying' | 'saving' | 'done' | 'failed' | 'cancelled';

/** Position in the life of a run; the three ends share the last place (an end is final). */
const ORDER: Readonly<Record<RunStage, number>> = { queued: 0, loading: 1, replaying: 2, saving: 3, done: 4, failed: 4, cancelled: 4 };

/** Share of the bar for replaying the events; saving the ledger fills the rest. */
const REPLAY_SHARE = 90;

export interface RunTrack {
  /** The newest summary that did not move the run backwards. */
  summary: RunSummary;
  stage: RunStage;
  /** 0…100 over the whole run (replaying then saving), never lower than before. */
  percent: number;
  /** The person pressed Cancel and the service has not yet said the run ended. */
  cancelling: boolean;
}

export function stageOf(s: Pick<RunSummary, 'status' | 'phase'>): RunStage {
  if (s.status !== 'running') return s.status;
  return s.phase ?? 'replaying';
}

export function isEnd(stage: RunStage): boolean {
  return ORDER[stage] === ORDER.done;
}

function percentOf(s: RunSummary, stage: RunStage): number {
  if (stage === 'done') return 100;
  if (stage === 'replaying') return s.total > 0 ? Math.floor((Math.min(s.processed, s.total) * REPLAY_SHARE) / s.total) : 0;
  if (stage === 'saving') {
    const share = s.toSave && s.toSave > 0 ? Math.floor(((s.saved ?? 0) * (100 - REPLAY_SHARE)) / s.toSave) : 0;
    return REPLAY_SHARE + Math.min(100 - REPLAY_SHARE, share);
  }
  return 0;
}

/**
 * The run after `next` arrived. A summary of an earlier stage than the one known (a stale poll,
 * a list fetched before the run ended) changes nothing; once ended, a run stays as it ended.
 */
export function observe(prev: RunTrack | undefined, next: RunSummary): RunTrack {
  const stage = stageOf(next);
  if (prev && prev.summary.id === next.id) {
    if (isEnd(prev.stage) || ORDER[stage] < ORDER[prev.stage]) return prev;
    // The same stage with fewer events counted is an older reading.
    if (stage === prev.stage && next.processed < prev.summary.processed) return prev;
    const ended = isEnd(stage);
    return { summary: next, stage, percent: Math.max(prev.percent, percentOf(next, stage)), cancelling: prev.cancelling && !ended };
  }
  return { summary: next, stage, percent: percentOf(next, stage), cancelling: false };
}

/** The person pressed Cancel: the button goes, the caption says so, until the run ends. */
export function requestCancel(t: RunTrack): RunTrack {
  return isEnd(t.stage) ? t : { ...t, cancelling: true };
}

export type ChipColor = 'default' | 'info' | 'success' | 'warning' | 'error';

export interface RunView {
  stage: RunStage;
  /** Chip and picker label. */
  label: string;
  color: ChipColor;
  inProgress: boolean;
  /** Whether the Cancel button shows (in progress and not already cancelling). */
  canCancel: boolean;
  /** The bar: null = indeterminate (queued, loading), else 0…100. */
  percent: number | null;
  /** The line under the bar. */
  caption: string;
  /** The headline: counts only once they are final; while going, what it is doing. */
  headline: string;
}

const LABELS: Readonly<Record<RunStage, string>> = {
  queued: 'Queued',
  loading: 'Loading',
  replaying: 'Replaying',
  saving: 'Saving',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
const COLORS: Readonly<Record<RunStage, ChipColor>> = { queued: 'default', loading: 'info', replaying: 'info', saving: 'info', done: 'success', failed: 'error', cancelled: 'warning' };

function caption(t: RunTrack): string {
  const s = t.summary;
  if (t.cancelling) return 'Cancelling…';
  switch (t.stage) {
    case 'queued':
      return s.queuePosition === undefined ? 'Queued: waiting for a replay worker' : `Queued · position ${s.queuePosition}`;
    case 'loading':
      return 'Loading the program and the event set…';
    case 'replaying':
      return `${t.percent}% · replaying ${progressText(s)}`;
    case 'saving':
      return s.toSave ? `${t.percent}% · saving the ledger · ${groupDigits(String(s.saved ?? 0))} / ${groupDigits(String(s.toSave))} rewards` : `${t.percent}% · saving the ledger`;
    default:
      return LABELS[t.stage];
  }
}

function headline(t: RunTrack): string {
  const s = t.summary;
  switch (t.stage) {
    case 'done':
      return `${progressText(s)} · ${groupDigits(String(s.rewardCount))} rewards · ${displayUsd(s.rewardsUsd)} · ${groupDigits(String(s.rejectedCount))} rejected`;
    case 'cancelled':
      return `Cancelled after ${progressText(s)}; nothing was kept`;
    case 'failed':
      return `Failed after ${progressText(s)}`;
    default:
      return caption(t);
  }
}

export function runView(t: RunTrack): RunView {
  const inProgress = !isEnd(t.stage);
  return {
    stage: t.stage,
    label: t.cancelling ? 'Cancelling' : LABELS[t.stage],
    color: COLORS[t.stage],
    inProgress,
    canCancel: inProgress && !t.cancelling,
    percent: t.stage === 'queued' || t.stage === 'loading' ? null : t.percent,
    caption: caption(t),
    headline: headline(t),
  };
}

/** Every listed run through the machine: what the tracks know wins over an older listing. */
export function reconcile(listed: readonly RunSummary[], tracks: Readonly<Record<string, RunTrack>>): RunTrack[] {
  return listed.map((r) => observe(tracks[r.id], r));
}

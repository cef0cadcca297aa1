import type { RewardRow } from '../formats/report';
import type { EventInstants } from '../formats/events-fast';
import type { ReplayCheckpoint } from './checkpoint';

/** Options of a replay run. */
export interface ReplayOptions {
  /** Record a full trace: every event, every trigger, every rule's values. */
  trace?: boolean;
  /** Record the trace of these event ids only (the app's on-demand trace of one event). */
  traceEventIds?: ReadonlySet<string>;
  /**
   * With `traceEventIds`: stop once the last of those events (and its cascades) is processed —
   * later events cannot change their traces. The report then covers only the events up to it.
   */
  stopAfterTraced?: boolean;
  /** The moment drip occurrences are judged due (ISO instant); default: the last event's moment. */
  asOf?: string;
  /** Called every `progressEvery` events and at the end. */
  onProgress?: (processed: number, total: number) => void;
  progressEvery?: number;
  /** Checked with progress; returning true stops the replay with a `ReplayCancelled` error. */
  shouldCancel?: () => boolean;
  /**
   * Receives the reward rows in ledger order, in batches, once their source events are final
   * (no cascade rollback can remove them): at every progress point and at the end. `first` is
   * the index of `rows[0]` in the whole ledger.
   */
  onRewards?: (rows: readonly RewardRow[], first: number) => void;
  /**
   * With `onRewards`: false drops the rows once handed over, so memory stays flat however long
   * the ledger; `report.rewards` is then empty. Ignored when the event set has expectations
   * (they are checked against the rows). Default true.
   */
  keepRewards?: boolean;
  /** Take a checkpoint after every this many events (processing order), handed to `onCheckpoint`. */
  checkpointEvery?: number;
  /**
   * Receives each checkpoint between two source events. It shares the replay's live objects:
   * clone or serialize it before returning (the replay goes on changing them).
   */
  onCheckpoint?: (checkpoint: ReplayCheckpoint) => void;
  /**
   * Resume from a checkpoint taken by a replay of the same program, event set and as-of moment:
   * the events before its position are not replayed. The world state, traces and later rows are
   * as from the start; the report's groupChanges, tagsApplied and rejected cover only the
   * events from the checkpoint on.
   */
  resumeFrom?: ReplayCheckpoint;
  /**
   * With `traceEventIds` and `stopAfterTraced` (and no `resumeFrom`): asked for a checkpoint at
   * or before `position`, the processing position of the last traced event; the replay resumes
   * from the one it answers (null: from the start).
   */
  checkpointFor?: (position: number) => ReplayCheckpoint | null;
  /**
   * The events' instants as the reader already parsed them (`readEventSetText`), for exactly
   * this event set's events: the replay then does not parse every `at` and `receivedAt` again.
   */
  instants?: EventInstants;
}

export class ReplayCancelled extends Error {
  constructor(readonly processed: number) {
    super(`replay cancelled after ${processed} events`);
    this.name = 'ReplayCancelled';
  }
}

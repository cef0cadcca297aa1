import type { RewardRow } from '../formats/report';

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
}

export class ReplayCancelled extends Error {
  constructor(readonly processed: number) {
    super(`replay cancelled after ${processed} events`);
    this.name = 'ReplayCancelled';
  }
}

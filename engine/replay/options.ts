/** Options of a replay run. */
export interface ReplayOptions {
  /** Record a full trace: every event, every trigger, every rule's values. */
  trace?: boolean;
  /** Record the trace of these event ids only (the app's on-demand trace of one event). */
  traceEventIds?: ReadonlySet<string>;
  /** The moment drip occurrences are judged due (ISO instant); default: the last event's moment. */
  asOf?: string;
  /** Called every `progressEvery` events and at the end. */
  onProgress?: (processed: number, total: number) => void;
  progressEvery?: number;
  /** Checked with progress; returning true stops the replay with a `ReplayCancelled` error. */
  shouldCancel?: () => boolean;
}

export class ReplayCancelled extends Error {
  constructor(readonly processed: number) {
    super(`replay cancelled after ${processed} events`);
    this.name = 'ReplayCancelled';
  }
}

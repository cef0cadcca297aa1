/**
 * Normalises parsed events for the replay loop: instants to epoch ms, the moment (receipt),
 * default ids and object dates, and the processing order (ascending moment, ties in file order).
 */
import type { EventInstants } from '../formats/events-fast';
import type { EventInput } from '../formats/events-schema';
import { parseInstant } from '../time';

export interface PreparedEvent {
  /** 0-based position in the file. */
  readonly index: number;
  readonly id: string;
  readonly atMs: number;
  /** When the system is made aware of it: `receivedAt`, defaulting to `at`. */
  readonly momentMs: number;
  readonly input: EventInput;
}

function ms(text: string): number {
  const v = parseInstant(text);
  if (v === null) throw new Error(`instant ${text} passed the schema but does not parse`);
  return v;
}

/** Parses an optional instant, defaulting to `fallback`. */
export function instantOr(text: string | undefined, fallback: number): number {
  return text === undefined ? fallback : ms(text);
}

/**
 * An event's id: its own, or `#<position from 1>` when the file gives none. The one rule: every
 * screen and report that names an event (partner timeline, event browser) calls this.
 */
export function eventIdOf(e: EventInput, i: number): string {
  return e.id ?? `#${i + 1}`;
}

/**
 * The events in processing order, kept as columns (instants in typed arrays, the order as a
 * permutation) so a million-event replay makes no wrapper object per event; `at` fills one
 * reusable cursor.
 */
export class PreparedEvents {
  readonly length: number;
  private readonly atMs: Float64Array;
  private readonly momentMs: Float64Array;
  /** Processing order as file indexes; null when the file is already in order of receipt. */
  private readonly order: Int32Array | null;

  /** `instants`: the events' instants already parsed by the reader (see `ReplayOptions.instants`). */
  constructor(
    private readonly events: readonly EventInput[],
    instants?: EventInstants,
  ) {
    const n = events.length;
    this.length = n;
    let sorted = true;
    if (instants) {
      if (instants.atMs.length !== n || instants.momentMs.length !== n) throw new Error(`${instants.atMs.length} instants handed over for ${n} events`);
      this.atMs = instants.atMs;
      this.momentMs = instants.momentMs;
      const moments = this.momentMs;
      for (let i = 1; i < n && sorted; i++) if ((moments[i] as number) < (moments[i - 1] as number)) sorted = false;
    } else {
      this.atMs = new Float64Array(n);
      this.momentMs = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const e = events[i] as EventInput;
        const at = ms(e.at);
        this.atMs[i] = at;
        const moment = e.receivedAt ? ms(e.receivedAt) : at;
        this.momentMs[i] = moment;
        // Most files are already in order of receipt: noticed in the same pass, no sort then.
        if (i > 0 && moment < (this.momentMs[i - 1] as number)) sorted = false;
      }
    }
    if (sorted) {
      this.order = null;
      return;
    }
    const moments = this.momentMs;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Ascending moment, ties in file order.
    order.sort((a, b) => (moments[a] as number) - (moments[b] as number) || a - b);
    this.order = order;
  }

  /** The `k`-th event in processing order, written into `into`. */
  at(k: number, into: EventCursor): PreparedEvent {
    const i = this.order === null ? k : (this.order[k] as number);
    const e = this.events[i] as EventInput;
    into.index = i;
    into.id = eventIdOf(e, i);
    into.atMs = this.atMs[i] as number;
    into.momentMs = this.momentMs[i] as number;
    into.input = e;
    return into;
  }

  /** Position in processing order of the last event whose id is in `ids`; −1 when none is. */
  lastPositionOf(ids: ReadonlySet<string>): number {
    for (let k = this.length - 1; k >= 0; k--) {
      const i = this.order === null ? k : (this.order[k] as number);
      if (ids.has(eventIdOf(this.events[i] as EventInput, i))) return k;
    }
    return -1;
  }

  /** The moment of the last event processed (0 with no events). */
  lastMoment(): number {
    if (this.length === 0) return 0;
    return this.momentMs[this.order === null ? this.length - 1 : (this.order[this.length - 1] as number)] as number;
  }
}

/** The one mutable `PreparedEvent` a replay fills for each event in turn. */
export class EventCursor implements PreparedEvent {
  index = 0;
  id = '';
  atMs = 0;
  momentMs = 0;
  input: EventInput = undefined as unknown as EventInput;
}

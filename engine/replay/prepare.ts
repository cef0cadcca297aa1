/**
 * Normalises parsed events for the replay loop: instants to epoch ms, the moment (receipt),
 * default ids and object dates, and the processing order (ascending moment, ties in file order).
 */
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

/** Prepared events in processing order. */
export function prepareEvents(events: readonly EventInput[]): PreparedEvent[] {
  const out: PreparedEvent[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as EventInput;
    const atMs = ms(e.at);
    out[i] = { index: i, id: e.id ?? `#${i + 1}`, atMs, momentMs: e.receivedAt ? ms(e.receivedAt) : atMs, input: e };
  }
  // Most files are already in order of receipt: check in one pass before sorting.
  let sorted = true;
  for (let i = 1; i < out.length && sorted; i++) sorted = (out[i - 1] as PreparedEvent).momentMs <= (out[i] as PreparedEvent).momentMs;
  // Array.prototype.sort is stable, so ties keep file order.
  return sorted ? out : out.sort((a, b) => a.momentMs - b.momentMs);
}

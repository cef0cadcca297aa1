/**
 * The one way the app writes an instant for people: "Jan 31, 2026 19:07 EST", in the program's
 * time zone by default with the zone always shown, or in UTC when the person chose that
 * (`useClockStore`). Every screen that shows a moment (ledger due dates, group moves, tags,
 * trace times) goes through here, so a column can never be in one clock and its filter in
 * another. Exports and ids keep the ISO text.
 */
import { create } from 'zustand';
import { readPreference, writePreference } from './preference';

/** Which clock instants are shown in: the program's time zone, or UTC. */
export type Clock = 'program' | 'utc';

export interface InstantOptions {
  /** Add ":ss" (traces, where two events can share a minute). */
  seconds?: boolean;
  /** Leave out the time ("Jan 31, 2026 EST" is odd, so no zone either): dates only. */
  dateOnly?: boolean;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, seconds: boolean, dateOnly: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${seconds}|${dateOnly}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      ...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short', ...(seconds ? { second: '2-digit' } : {}) }),
    });
    formats.set(key, f);
  }
  return f;
}

/** Whether Intl knows the zone (a program file could name one this browser lacks). */
export function isKnownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * `iso` (an ISO-8601 instant with `Z` or an offset) as "Jan 31, 2026 19:07 EST" in `timeZone`.
 * Text that is not an instant comes back unchanged, so a bad value is visible, not hidden; an
 * unknown zone falls back to UTC (and says "UTC").
 */
export function formatInstant(iso: string, timeZone: string, options: InstantOptions = {}): string {
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(ms)) return iso;
  const zone = isKnownZone(timeZone) ? timeZone : 'UTC';
  const parts = formatter(zone, options.seconds === true, options.dateOnly === true).formatToParts(ms);
  const get = (t: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === t)?.value ?? '';
  const date = `${get('month')} ${get('day')}, ${get('year')}`;
  if (options.dateOnly) return date;
  const time = `${get('hour')}:${get('minute')}${options.seconds ? `:${get('second')}` : ''}`;
  return `${date} ${time} ${get('timeZoneName')}`;
}

/** The zone instants are shown in: the program's, or UTC when the clock setting says so. */
export function displayZone(programTimeZone: string | undefined, clock: Clock): string {
  return clock === 'utc' || !programTimeZone ? 'UTC' : programTimeZone;
}

/** A short description of the clock for headers and tooltips ("America/New_York" or "UTC"). */
export function clockLabel(programTimeZone: string | undefined, clock: Clock): string {
  const zone = displayZone(programTimeZone, clock);
  return zone === 'UTC' ? 'UTC' : `${zone} (program time zone)`;
}

const CLOCK_KEY = 'offerflow.clock';

function storedClock(): Clock {
  return readPreference(CLOCK_KEY) === 'utc' ? 'utc' : 'program';
}

export interface ClockState {
  clock: Clock;
  setClock: (clock: Clock) => void;
}

/** The person's clock choice, remembered across starts (a display preference, not program data). */
export const useClockStore = create<ClockState>()((set) => ({
  clock: storedClock(),
  setClock: (clock) => {
    writePreference(CLOCK_KEY, clock);
    set({ clock });
  },
}));

/** A formatter bound to the program's zone and the clock setting, for components. */
export function useInstantFormat(programTimeZone: string | undefined): (iso: string, options?: InstantOptions) => string {
  const clock = useClockStore((s) => s.clock);
  const zone = displayZone(programTimeZone, clock);
  return (iso, options) => formatInstant(iso, zone, options);
}

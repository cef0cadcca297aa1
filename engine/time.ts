/**
 * Instants, dates and the program's calendar. Instants are epoch milliseconds; calendar
 * arithmetic (days, months, 12am on a date) happens in the program's IANA time zone, with
 * Temporal (temporal-polyfill) doing the zone rules and a per-hour offset cache keeping the
 * replay's hot path (elapsed days) to a map lookup.
 */
import { Temporal } from 'temporal-polyfill';

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const DIGIT0 = 48;
function digits(text: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const d = text.charCodeAt(i) - DIGIT0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Fast path for the common `YYYY-MM-DDTHH:MM:SSZ` form (the replay parses one per event). */
function parseUtcSeconds(text: string): number | null {
  if (text.length !== 20 || text.charCodeAt(19) !== 90 /* Z */ || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return null;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  const h = digits(text, 11, 2);
  const mi = digits(text, 14, 2);
  const s = digits(text, 17, 2);
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || (d > 28 && !validYmd(y, mo, d)) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** Parses an ISO-8601 instant with `Z` or an offset; null when malformed or impossible. */
export function parseInstant(text: string): number | null {
  const fast = parseUtcSeconds(text);
  if (fast !== null) return fast;
  const m = INSTANT.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const s = m[6] ? Number(m[6]) : 0;
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  const ms = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  let offsetMin = 0;
  const off = m[8] ?? 'Z';
  if (off !== 'Z') {
    const oh = Number(off.slice(1, 3));
    const om = Number(off.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMin = (off[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Date.UTC maps years 0–99 to 1900+; the regex needs four digits, so reject those years.
  if (y < 100) return null;
  return utc - offsetMin * 60_000;
}

/** True for a real `YYYY-MM-DD` calendar date. */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  return !!m && Number(m[1]) >= 100 && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

let lastMs = NaN;
let lastText = '';
/** UTC `YYYY-MM-DDTHH:MM:SSZ`, with `.sss` only when the milliseconds are not zero. */
export function formatInstant(ms: number): string {
  // Rewards of one event share their instant: remember the last one formatted.
  if (ms === lastMs) return lastText;
  const iso = new Date(ms).toISOString();
  lastMs = ms;
  lastText = iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
  return lastText;
}

export function isTimeZone(id: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(id);
    return true;
  } catch {
    return false;
  }
}

export type CalendarUnit = 'day' | 'week' | 'month' | 'year';

/** The calendar of one time zone, with the conversions the engine needs. */
export class Zone {
  private readonly offsets = new Map<number, number>();
  /** Payout dates by local day number (see `payoutDates`). */
  readonly payoutCache = new Map<number, PayoutDates>();
  private readonly utc: boolean;

  constructor(readonly id: string) {
    this.utc = id === 'UTC' || id === 'Etc/UTC';
  }

  /** Offset from UTC in ms at an instant (cached per UTC hour). */
  offsetAt(ms: number): number {
    if (this.utc) return 0;
    const hour = Math.floor(ms / HOUR_MS);
    let off = this.offsets.get(hour);
    if (off === undefined) {
      off = this.offsetExact(hour * HOUR_MS);
      const end = this.offsetExact(hour * HOUR_MS + HOUR_MS - 1);
      // An hour that contains a transition is not cached: compute it exactly every time.
      if (end !== off) return this.offsetExact(ms);
      this.offsets.set(hour, off);
    }
    return off;
  }

  private offsetExact(ms: number): number {
    const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(this.id);
    return zdt.offsetNanoseconds / 1_000_000;
  }

  /** Calendar day number of an instant in this zone (days since 1970-01-01 local). */
  dayIndex(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / DAY_MS);
  }

  /** Elapsed days: calendar-day boundaries crossed from `from` to `to`; the same day is 0. */
  elapsedDays(from: number, to: number): number {
    return this.dayIndex(to) - this.dayIndex(from);
  }

  /** 00:00 of a `YYYY-MM-DD` date in this zone (the first instant of that day). */
  startOfDay(date: string): number {
    const zdt = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: this.id });
    return zdt.epochMilliseconds;
  }

  /** The local `YYYY-MM-DD` of an instant. */
  localDate(ms: number): string {
    const local = new Date(ms + this.offsetAt(ms));
    return local.toISOString().slice(0, 10);
  }

  /** Adds `count` calendar units in this zone, months clamped to the month's end. */
  add(ms: number, count: number, unit: CalendarUnit): number {
    if (count === 0) return ms;
    const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(this.id);
    const duration =
      unit === 'day' ? { days: count } : unit === 'week' ? { weeks: count } : unit === 'month' ? { months: count } : { years: count };
    return zdt.add(duration, { overflow: 'constrain' }).epochMilliseconds;
  }
}

/** The dates of the payout calendar for rewards due in the local month of `dueMs`. */
export interface PayoutDates {
  invoiceDate: string;
  chargeDate: string;
  payoutDate: string;
}

/** Invoice on the 1st, charge on the 8th, payout on the 13th of the month after the due month. */
export function payoutDates(zone: Zone, dueMs: number): PayoutDates {
  const day = zone.dayIndex(dueMs);
  let dates = zone.payoutCache.get(day);
  if (!dates) {
    dates = computePayoutDates(zone, dueMs);
    zone.payoutCache.set(day, dates);
  }
  return dates;
}

function computePayoutDates(zone: Zone, dueMs: number): PayoutDates {
  const local = zone.localDate(dueMs);
  let y = Number(local.slice(0, 4));
  let m = Number(local.slice(5, 7)) + 1;
  if (m > 12) {
    m = 1;
    y += 1;
  }
  const prefix = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  return { invoiceDate: `${prefix}-01`, chargeDate: `${prefix}-08`, payoutDate: `${prefix}-13` };
}

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

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= 28 || d <= daysInMonth(y, m);
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

/**
 * Fast path for the common `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.sssZ` forms (the
 * replay parses one or two per event); anything else goes to the general parser.
 */
function parseUtcSeconds(text: string): number | null {
  const n = text.length;
  if ((n !== 20 && n !== 24) || text.charCodeAt(n - 1) !== 90 /* Z */ || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return null;
  let ms = 0;
  if (n === 24) {
    if (text[19] !== '.') return null;
    ms = digits(text, 20, 3);
    if (ms < 0) return null;
  }
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  const h = digits(text, 11, 2);
  const mi = digits(text, 14, 2);
  const s = digits(text, 17, 2);
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || (d > 28 && !validYmd(y, mo, d)) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
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
let lastDay = NaN;
/** Character codes of the last day's `YYYY-MM-DDT`. */
const dayCodes = [48, 48, 48, 48, 45, 48, 48, 45, 48, 48, 84];
const dayYmd = [0, 0, 0];
const d2 = (v: number) => 48 + ((v / 10) | 0);
const d1 = (v: number) => 48 + (v % 10);
/**
 * UTC `YYYY-MM-DDTHH:MM:SSZ`, with `.sss` only when the milliseconds are not zero. Built from
 * character codes in one flat string (a report holds millions of these: a concatenation
 * would keep each as a tree of pieces, twice the memory).
 */
export function formatInstant(ms: number): string {
  // Rewards of one event share their instant: remember the last one formatted.
  if (ms === lastMs) return lastText;
  const day = Math.floor(ms / DAY_MS);
  // The date part changes rarely between calls (events are in order): keep the last day's.
  if (day !== lastDay) {
    civilFromDays(day, dayYmd);
    const [y, m, d] = dayYmd as [number, number, number];
    if (y < 0 || y > 9999) return new Date(ms).toISOString().replace('.000Z', 'Z');
    dayCodes[0] = 48 + ((y / 1000) | 0);
    dayCodes[1] = 48 + (((y / 100) | 0) % 10);
    dayCodes[2] = d2(y % 100);
    dayCodes[3] = d1(y);
    dayCodes[5] = d2(m);
    dayCodes[6] = d1(m);
    dayCodes[8] = d2(d);
    dayCodes[9] = d1(d);
    lastDay = day;
  }
  let rest = ms - day * DAY_MS;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const sec = rest % 60;
  rest = (rest - sec) / 60;
  const min = rest % 60;
  const hour = (rest - min) / 60;
  const c = dayCodes as [number, number, number, number, number, number, number, number, number, number, number];
  lastMs = ms;
  lastText =
    milli === 0
      ? String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], d2(hour), d1(hour), 58, d2(min), d1(min), 58, d2(sec), d1(sec), 90)
      : String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], d2(hour), d1(hour), 58, d2(min), d1(min), 58, d2(sec), d1(sec), 46, 48 + ((milli / 100) | 0), d2(milli % 100), d1(milli), 90);
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

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12), integer arithmetic only. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The year, month (1–12) and day of a day number (inverse of `daysFromCivil`), into `out`. */
function civilFromDays(z: number, out: number[]): void {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : (MONTH_DAYS[m - 1] as number);
}

const ymd = [0, 0, 0];
/** Adds units to a wall-clock time held as "UTC" epoch ms (months clamped); null outside years 1000–9999. */
export function addWallClock(local: number, count: number, unit: CalendarUnit): number | null {
  if (unit === 'day' || unit === 'week') return local + count * (unit === 'week' ? 7 : 1) * DAY_MS;
  const day = Math.floor(local / DAY_MS);
  civilFromDays(day, ymd);
  const months = (ymd[1] as number) - 1 + (unit === 'month' ? count : count * 12);
  const year = (ymd[0] as number) + Math.floor(months / 12);
  if (year < 1000 || year > 9999) return null;
  const month = months - Math.floor(months / 12) * 12 + 1;
  const timeOfDay = local - day * DAY_MS;
  return daysFromCivil(year, month, Math.min(ymd[2] as number, daysInMonth(year, month))) * DAY_MS + timeOfDay;
}

/** A span of instants with one UTC offset: [from, to). */
interface OffsetSpan {
  from: number;
  to: number;
  offset: number;
}

/** The calendar of one time zone, with the conversions the engine needs. */
export class Zone {
  /** Spans between offset transitions, sorted by `from`; found through Temporal once each. */
  private readonly spans: OffsetSpan[] = [];
  private last: OffsetSpan | null = null;
  private readonly utc: boolean;
  /** Payout dates by local day number (see `payoutDates`). */
  readonly payoutCache = new Map<number, PayoutDates>();

  constructor(readonly id: string) {
    this.utc = id === 'UTC' || id === 'Etc/UTC';
  }

  /** Offset from UTC in ms at an instant. */
  offsetAt(ms: number): number {
    return this.utc ? 0 : this.spanAt(ms).offset;
  }

  /** The span of one offset that holds `ms`. */
  private spanAt(ms: number): OffsetSpan {
    const last = this.last;
    if (last !== null && ms >= last.from && ms < last.to) return last;
    const span = this.findSpan(ms) ?? this.addSpan(ms);
    this.last = span;
    return span;
  }

  private findSpan(ms: number): OffsetSpan | null {
    const spans = this.spans;
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid] as OffsetSpan;
      if (ms < s.from) hi = mid - 1;
      else if (ms >= s.to) lo = mid + 1;
      else return s;
    }
    return null;
  }

  private addSpan(ms: number): OffsetSpan {
    const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(this.id);
    // "previous" is strictly before the instant asked: asked of `ms` itself, a transition exactly
    // at `ms` would be skipped and the span would start at the transition before (with the new
    // offset). Asked of `ms + 1` it is the last transition at or before `ms`.
    const prev = Temporal.Instant.fromEpochMilliseconds(ms + 1).toZonedDateTimeISO(this.id).getTimeZoneTransition('previous');
    const next = zdt.getTimeZoneTransition('next');
    const from = prev ? prev.epochMilliseconds : -8.64e15;
    const to = next ? next.epochMilliseconds : 8.64e15;
    const span = { from: Math.min(from, ms), to: Math.max(to, ms + 1), offset: zdt.offsetNanoseconds / 1_000_000 };
    const at = this.spans.findIndex((s) => s.from > span.from);
    this.spans.splice(at === -1 ? this.spans.length : at, 0, span);
    return span;
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

  /**
   * Adds `count` calendar units in this zone, months clamped to the month's end, keeping the
   * wall-clock time. Plain date arithmetic on the local time; only a result within a day of an
   * offset transition is computed by Temporal (whose disambiguation is the reference).
   */
  add(ms: number, count: number, unit: CalendarUnit): number {
    if (count === 0) return ms;
    const target = addWallClock(ms + this.offsetAt(ms), count, unit);
    if (target !== null) {
      if (this.utc) return target;
      // One offset for a day either side of the target: no transition can interfere.
      const span = this.spanAt(target - DAY_MS);
      if (target + DAY_MS < span.to) return target - span.offset;
      const before = this.offsetAt(target - DAY_MS);
      if (before === this.offsetAt(target + DAY_MS) && before === this.offsetAt(target - before)) return target - before;
    }
    return this.exactAdd(ms, count, unit);
  }

  /** Temporal's answer (the reference for `add`). */
  exactAdd(ms: number, count: number, unit: CalendarUnit): number {
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

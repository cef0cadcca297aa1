/**
 * Months for the payouts view: labels, stepping, and the calendar of the month after the due
 * month with its invoice (1st), charge (8th) and payout (13th) days (ENGINE.md §7).
 */
import { formatInstant } from '../ui/format-instant';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function parseMonth(month: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const mo = Number(m[2]);
  return mo >= 1 && mo <= 12 ? { year: Number(m[1]), month: mo } : null;
}

function fmt(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** "2026-02" → "February 2026". */
export function monthLabel(month: string): string {
  const p = parseMonth(month);
  return p ? `${MONTH_NAMES[p.month - 1]} ${p.year}` : month;
}

/** Adds whole months to a `YYYY-MM`. */
export function addMonths(month: string, n: number): string {
  const p = parseMonth(month);
  if (!p) return month;
  const idx = p.year * 12 + (p.month - 1) + n;
  return fmt(Math.floor(idx / 12), (idx % 12) + 1);
}

/** The invoice, charge and payout dates for rewards due in `month`. */
export function payoutDays(month: string): { invoiceDate: string; chargeDate: string; payoutDate: string } {
  const next = addMonths(month, 1);
  return { invoiceDate: `${next}-01`, chargeDate: `${next}-08`, payoutDate: `${next}-13` };
}

/**
 * "2026-03-08" → "Sun, Mar 8, 2026": a calendar day (no zone involved) with its weekday, written
 * as the rest of the app writes a day ("Mar 8, 2026 10:29 EST").
 */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  return `${wd}, ${shortDayLabel(date)}`;
}

/**
 * "2026-03-08" → "Mar 8, 2026": a calendar day written by the same formatter as the day of an
 * instant (read at UTC midnight in UTC, so no zone can move it to another day).
 */
export function shortDayLabel(date: string): string {
  return formatInstant(`${date}T00:00:00Z`, 'UTC', { dateOnly: true });
}

/** "2026-03-08" → "Mar 8": the day without its year, where a column already says the year. */
export function monthDayLabel(date: string): string {
  return shortDayLabel(date).replace(/, \d{4}$/, '');
}

/** Weeks (Monday first) of a month; null pads days outside it. */
export function calendarWeeks(month: string): (number | null)[][] {
  const p = parseMonth(month);
  if (!p) return [];
  const days = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(p.year, p.month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array.from({ length: lead }, () => null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export type PayoutDayKind = 'invoice' | 'charge' | 'payout';
export const PAYOUT_DAYS: Readonly<Record<number, PayoutDayKind>> = { 1: 'invoice', 8: 'charge', 13: 'payout' };

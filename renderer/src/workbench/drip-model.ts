/**
 * The drip preview's view model: the example the user edits, the `drip.preview` arguments it
 * becomes, and the geometry of the SVG timeline (bars at due dates, heights by amount).
 */
import type { DripOccurrence } from '@engine/drip';
import type { DripSettings, Offer } from '@engine/formats/program-schema';
import type { ArgsOf } from '@service/contract';
import { parseInstant } from '@engine/time';
import { noonIn } from '../ui/zoned-time';
import { parseMinor } from '@engine/money';
import { amountProblem } from './money-format';

export interface DripExample {
  /** `YYYY-MM-DD` of the example event (12:00 that day in the program's time zone), '' while unreadable. */
  eventDate: string;
  /** The example sale amount, for percentage offers. */
  amount: string;
  currency: string;
  /** `YYYY-MM-DD` the statuses are judged at (12:00 that day in the program's zone). */
  asOfDate: string;
}

export function defaultExample(today: string): DripExample {
  return { eventDate: today, amount: '100.00', currency: 'USD', asOfDate: today };
}

/** The preview call's arguments, or the first problem with the example (named by field). */
export function previewArgs(
  programId: string,
  drip: DripSettings,
  offer: Offer,
  ex: DripExample,
  timeZone: string,
): { args: ArgsOf<'drip.preview'> } | { problem: { field: keyof DripExample; message: string } } {
  const exampleAt = noonIn(ex.eventDate, timeZone);
  if (!exampleAt) return { problem: { field: 'eventDate', message: 'Enter the example event date' } };
  const asOf = noonIn(ex.asOfDate, timeZone);
  if (!asOf) return { problem: { field: 'asOfDate', message: 'Enter the date the statuses are judged at' } };
  const args: ArgsOf<'drip.preview'> = { programId, drip, offer, exampleAt, asOf };
  if (offer.type === 'percentage') {
    const problem = amountProblem(ex.amount, ex.currency);
    if (problem) return { problem: { field: 'amount', message: problem } };
    args.exampleAmount = ex.amount.trim();
    args.exampleCurrency = ex.currency;
  }
  return { args };
}

export interface TimelineBar {
  occurrence: number;
  x: number;
  y: number;
  height: number;
  label: string;
  status: DripOccurrence['status'];
  carriesRemainder: boolean;
  dueDate: string;
}

export interface TimelineGeometry {
  bars: TimelineBar[];
  /** x of the example event and of the status date, when inside the chart. */
  eventX: number;
  asOfX: number | null;
  ticks: { x: number; label: string }[];
  width: number;
  height: number;
  barWidth: number;
  baseline: number;
}

const PAD = { left: 24, right: 24, top: 22, bottom: 28 };

/** Month ticks (first of each month) between two instants, at most ~8 labels. */
function monthTicks(fromMs: number, toMs: number, xOf: (ms: number) => number): { x: number; label: string }[] {
  const d = new Date(fromMs);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + 1;
  const all: { ms: number; label: string }[] = [];
  for (;;) {
    if (m > 11) {
      y += 1;
      m = 0;
    }
    const ms = Date.UTC(y, m, 1);
    if (ms > toMs) break;
    all.push({ ms, label: `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m]} ’${String(y).slice(2)}` });
    m += 1;
  }
  const step = Math.max(1, Math.ceil(all.length / 8));
  return all.filter((_, i) => i % step === 0).map((t) => ({ x: xOf(t.ms), label: t.label }));
}

/** Lays the occurrences out on a time axis from the event to the last due date. */
export function timelineGeometry(occ: readonly DripOccurrence[], eventAt: string, asOf: string | null, width: number, height: number): TimelineGeometry {
  const eventMs = parseInstant(eventAt) ?? 0;
  const dues = occ.map((o) => parseInstant(o.dueAt) ?? eventMs);
  const end = Math.max(eventMs + 86_400_000, ...dues);
  const span = end - eventMs;
  const inner = width - PAD.left - PAD.right;
  const xOf = (ms: number) => PAD.left + ((ms - eventMs) / span) * inner;
  const minors = occ.map((o) => Math.abs(Number(parseMinor(o.amountUsd, 'USD')) || 0));
  const max = Math.max(1, ...minors);
  const baseline = height - PAD.bottom;
  const usable = baseline - PAD.top;
  const barWidth = Math.max(2, Math.min(18, (inner / Math.max(1, occ.length)) * 0.6));
  const bars = occ.map((o, i): TimelineBar => {
    const h = Math.max(2, ((minors[i] ?? 0) / max) * usable);
    return {
      occurrence: o.occurrence,
      x: xOf(dues[i] ?? eventMs),
      y: baseline - h,
      height: h,
      label: o.amountUsd,
      status: o.status,
      carriesRemainder: o.carriesRemainder,
      dueDate: o.dueAt.slice(0, 10),
    };
  });
  const asOfMs = asOf ? parseInstant(asOf) : null;
  const asOfX = asOfMs !== null && asOfMs >= eventMs && asOfMs <= end ? xOf(asOfMs) : null;
  return { bars, eventX: xOf(eventMs), asOfX, ticks: monthTicks(eventMs, end, xOf), width, height, barWidth, baseline };
}

/** Whether bar labels fit: with many occurrences only some are labelled. */
export function labelEvery(count: number, width: number): number {
  return Math.max(1, Math.ceil((count * 44) / Math.max(1, width)));
}

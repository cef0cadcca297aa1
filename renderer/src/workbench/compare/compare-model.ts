/**
 * What the "Compare with…" screen shows of the engine's comparison (engine/compare.ts, the same
 * numbers `offerflow compare` prints): B's label, the moment "as of a date" means, the monthly
 * chart's bars, and the group/tag differences in words.
 */
import type { Comparison, FinalState, TriggerDelta } from '@engine/compare';
import { Temporal } from 'temporal-polyfill';
import { monthLabel } from '../month-model';
import { zonedInstant } from '../../ui/zoned-time';

/** Program B of a comparison, as the person picked it. */
export type Against = { programId: string } | { asOfDate: string };

/**
 * "As of <date>" is the program at the end of that day in its own clock: the last moment
 * before the next day's midnight there (each trigger at its latest version saved by then).
 */
export function endOfDayInstant(date: string, timeZone: string): string | null {
  let next: string;
  try {
    next = Temporal.PlainDate.from(date, { overflow: 'reject' }).add({ days: 1 }).toString();
  } catch {
    return null;
  }
  const midnight = zonedInstant(next, '00:00', timeZone);
  if (!('instant' in midnight)) return null;
  return new Date(Date.parse(midnight.instant) - 1).toISOString();
}

/** The service's `against` for a picked B; null while the date is not a day. */
export function againstArg(against: Against, timeZone: string): { programId: string } | { asOf: string } | null {
  if ('programId' in against) return { programId: against.programId };
  const asOf = endOfDayInstant(against.asOfDate, timeZone);
  return asOf === null ? null : { asOf };
}

/** The chart's months: one bar per side per month, labelled "Feb 2026". */
export function monthBars(c: Comparison): { label: string; values: [string, string] }[] {
  return c.months.map((m) => ({ label: monthLabel(m.month).replace(/^(\w{3})\w* /, '$1 '), values: [m.aUsd, m.bUsd] }));
}

/** A trigger row's name: B's, with A's beside it when renamed ("Gold 10% (was Gold 5%)"); else the side it exists on. */
export function triggerRowName(t: TriggerDelta): string {
  if (t.a && t.b) return t.a.name === t.b.name ? t.a.name : `${t.b.name} (was ${t.a.name})`;
  return t.a ? t.a.name : (t.b?.name ?? '');
}

/** "A only" / "B only" / "matched by name" / "" (same id on both sides). */
export function triggerRowNote(t: TriggerDelta): string {
  if (t.matchedBy === 'name') return 'matched by name';
  if (!t.b) return 'A only';
  if (!t.a) return 'B only';
  return '';
}

/** A partner's final state in words: "Gold · vip, early" / "no group" / "not in this program". */
export function stateText(s: FinalState | null, groupName: (key: string) => string): string {
  if (!s) return 'not in this program';
  const group = s.group === null ? 'no group' : groupName(s.group);
  return s.tags.length > 0 ? `${group} · ${s.tags.join(', ')}` : group;
}

/** B's total against A's in words: "+$12.00 (+4.75%)", "-$3.00 (-4.75%)", "+$5.00 (A paid nothing)". */
export function deltaHeadline(c: Comparison, signed: (usd: string) => string): string {
  const pct = c.delta.increasePercent;
  if (pct === null) return `${signed(c.delta.rewardsUsd)} (A paid nothing)`;
  return `${signed(c.delta.rewardsUsd)} (${pct.startsWith('-') ? pct : `+${pct}`}%)`;
}

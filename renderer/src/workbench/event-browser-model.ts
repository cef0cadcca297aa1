/**
 * The event browser's view model: the filters as a person sets them (dates typed in the shown
 * clock's days) turned into the `eventSets.events` query, and what the outcome column says.
 * Filtering, counting and paging run in the service (a set can hold a million events).
 */
import { Temporal } from 'temporal-polyfill';
import type { ArgsOf, EventOutcome } from '@service/contract';

export type OutcomeFilter = '' | EventOutcome['kind'];

export interface EventFilter {
  type: string;
  partnerKey: string;
  customerKey: string;
  /** First day shown, `YYYY-MM-DD` in the shown zone; null for no bound. */
  fromDate: string | null;
  /** Last day shown (inclusive), `YYYY-MM-DD`; null for no bound. */
  toDate: string | null;
  text: string;
  outcome: OutcomeFilter;
}

export const EMPTY_EVENT_FILTER: EventFilter = { type: '', partnerKey: '', customerKey: '', fromDate: null, toDate: null, text: '', outcome: '' };

/** Midnight starting `date` in `zone`, as an ISO instant (the day's first moment there). */
export function dayStart(date: string, zone: string): string {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).toInstant().toString();
}

/** Midnight after `date` in `zone`: the exclusive end of a range whose last day is `date`. */
export function dayEnd(date: string, zone: string): string {
  return Temporal.PlainDate.from(date).add({ days: 1 }).toZonedDateTime({ timeZone: zone }).toInstant().toString();
}

/** The query for one page; empty fields are left out (meaning "any"). */
export function eventQuery(eventSetId: string, runId: string, f: EventFilter, zone: string, offset: number, limit: number): ArgsOf<'eventSets.events'> {
  const q: ArgsOf<'eventSets.events'> = { eventSetId, runId, offset, limit };
  if (f.type) q.type = f.type as NonNullable<ArgsOf<'eventSets.events'>['type']>;
  if (f.partnerKey.trim()) q.partnerKey = f.partnerKey.trim();
  if (f.customerKey.trim()) q.customerKey = f.customerKey.trim();
  if (f.fromDate) q.from = dayStart(f.fromDate, zone);
  if (f.toDate) q.to = dayEnd(f.toDate, zone);
  if (f.text.trim()) q.text = f.text.trim();
  if (f.outcome) q.outcome = f.outcome;
  return q;
}

/** A person's problem with the filter before anything is asked: the last day before the first. */
export function filterProblem(f: EventFilter): string | null {
  if (f.fromDate && f.toDate && f.toDate < f.fromDate) return 'The last day is before the first ("From") day.';
  return null;
}

/** What the outcome column says: "Rejected", "2 rewards", "Fired (no reward)", "Nothing fired". */
export function outcomeLabel(o: EventOutcome): string {
  if (o.kind === 'rejected') return 'Rejected';
  if (o.kind === 'nothing') return 'Nothing fired';
  return o.rewards === 0 ? 'Fired (no reward)' : `${o.rewards} reward${o.rewards === 1 ? '' : 's'}`;
}

export const OUTCOME_FILTER_LABELS: Readonly<Record<EventOutcome['kind'], string>> = {
  fired: 'Something fired',
  nothing: 'Nothing fired',
  rejected: 'Rejected',
};

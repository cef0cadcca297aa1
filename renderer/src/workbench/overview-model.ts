/**
 * The program overview's words and filter, apart from how it shows them: what each trigger does
 * in a few words (group and tag by their names), and which triggers a search and the filters keep.
 */
import type { TriggerEvent } from '@engine/catalogue';
import type { Trigger } from '@engine/formats/program-schema';
import type { Readable } from './readable';
import { rewardText } from './visibility-model';

/** The names a trigger's offer is told in. */
export type OfferNames = Pick<Readable, 'group' | 'tag'>;

/** What the trigger does, in a few words: the reward a partner reads, or the move or tag. */
export function offerText(t: Trigger, names: OfferNames): string {
  const a = t.action;
  if (a.type === 'reward' || a.type === 'drip') return rewardText(t);
  if (a.type === 'change_group') return `moves to group ${names.group(a.group)}`;
  return `tags “${names.tag(a.tag)}”`;
}

/** A share of the run's total as the tables show it ("42.8%"). */
export const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;

export interface OverviewFilter {
  search: string;
  event: '' | TriggerEvent;
  status: '' | Trigger['status'];
  action: '' | Trigger['action']['type'];
}

export const NO_OVERVIEW_FILTER: OverviewFilter = { search: '', event: '', status: '', action: '' };

/**
 * The triggers a filter keeps, in program order. The search reads the name, the id and the offer
 * as the table shows it (so "Gold" finds the move to the group named Gold).
 */
export function filterTriggers(triggers: readonly Trigger[], f: OverviewFilter, names: OfferNames): Trigger[] {
  const q = f.search.trim().toLowerCase();
  return triggers.filter(
    (t) =>
      (!q || t.name.toLowerCase().includes(q) || t.id.toLowerCase().includes(q) || offerText(t, names).toLowerCase().includes(q)) &&
      (!f.event || t.event === f.event) &&
      (!f.status || t.status === f.status) &&
      (!f.action || t.action.type === f.action),
  );
}

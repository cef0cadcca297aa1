import { describe, expect, it } from 'vitest';
import type { Trigger } from '@engine/formats/program-schema';
import { filterTriggers, NO_OVERVIEW_FILTER, offerText, pct } from './overview-model';
import { makeReadable } from './readable';

const flat: Trigger = {
  id: 'bronze-sale', name: 'Bronze: $5 per sale', event: 'transaction.created', status: 'active',
  action: { type: 'reward', offer: { description: '$5 per sale', type: 'flat', amount: '5.00', currency: 'USD' } },
};
const move: Trigger = { id: 'move-up', name: 'Group move at 5 sales', event: 'transaction.created', status: 'inactive', action: { type: 'change_group', group: 'enterprise-resellers' } };
const tag: Trigger = { id: 'tag-big', name: 'Tag big sales', event: 'customer.created', status: 'draft', action: { type: 'apply_tag', tag: 'high-value' } };
const triggers = [flat, move, tag];
const names = makeReadable({ groups: [{ key: 'enterprise-resellers', name: 'Enterprise resellers' }], tags: [{ key: 'high-value', name: 'High value' }] }, 'UTC');

describe('program overview', () => {
  it('tells a group move and a tag by their names, a reward by what the partner reads', () => {
    expect(offerText(move, names)).toBe('moves to group Enterprise resellers');
    expect(offerText(tag, names)).toBe('tags “High value”');
    expect(offerText(flat, names)).toBe('$5.00');
    // A group or tag the program no longer names is shown by its key rather than left blank.
    const bare = makeReadable(undefined, 'UTC');
    expect(offerText(move, bare)).toBe('moves to group enterprise-resellers');
  });

  it('searches the name, the id and the offer as shown', () => {
    const ids = (search: string) => filterTriggers(triggers, { ...NO_OVERVIEW_FILTER, search }, names).map((t) => t.id);
    expect(ids('')).toEqual(['bronze-sale', 'move-up', 'tag-big']);
    expect(ids('  BRONZE ')).toEqual(['bronze-sale']);
    expect(ids('tag-big')).toEqual(['tag-big']);
    expect(ids('enterprise resellers')).toEqual(['move-up']);
    expect(ids('high value')).toEqual(['tag-big']);
    expect(ids('nothing like it')).toEqual([]);
  });

  it('filters by event, status and action, together with the search', () => {
    const ids = (f: Partial<typeof NO_OVERVIEW_FILTER>) => filterTriggers(triggers, { ...NO_OVERVIEW_FILTER, ...f }, names).map((t) => t.id);
    expect(ids({ event: 'customer.created' })).toEqual(['tag-big']);
    expect(ids({ status: 'inactive' })).toEqual(['move-up']);
    expect(ids({ action: 'reward' })).toEqual(['bronze-sale']);
    expect(ids({ event: 'transaction.created', search: 'group' })).toEqual(['move-up']);
    expect(ids({ status: 'active', action: 'apply_tag' })).toEqual([]);
  });

  it('writes a share with one decimal', () => {
    expect(pct(0.428)).toBe('42.8%');
    expect(pct(0)).toBe('0.0%');
    expect(pct(1)).toBe('100.0%');
  });
});

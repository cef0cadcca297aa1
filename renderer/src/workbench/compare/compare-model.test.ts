import { describe, expect, it } from 'vitest';
import type { Comparison, TriggerDelta } from '@engine/compare';
import { againstArg, deltaHeadline, endOfDayInstant, monthBars, stateText, triggerRowName, triggerRowNote } from './compare-model';

const side = (id: string, name: string) => ({ id, name, rewards: 1, rewardsUsd: '5.00', groupChanges: 0, tagsApplied: 0 });

describe('compare model', () => {
  it('"as of" a date is the last moment of that day in the program clock', () => {
    expect(endOfDayInstant('2026-11-01', 'America/New_York')).toBe('2026-11-02T04:59:59.999Z');
    expect(endOfDayInstant('2026-03-31', 'UTC')).toBe('2026-03-31T23:59:59.999Z');
    expect(endOfDayInstant('2026-02-30', 'UTC')).toBeNull();
    expect(againstArg({ asOfDate: '2026-06-30' }, 'Europe/Paris')).toEqual({ asOf: '2026-06-30T21:59:59.999Z' });
    expect(againstArg({ programId: 'p2' }, 'UTC')).toEqual({ programId: 'p2' });
  });

  it('names trigger rows by name, noting renames and one-sided rows', () => {
    const both: TriggerDelta = { matchedBy: 'id', a: side('t', 'Gold 5%'), b: side('t', 'Gold 10%'), deltaUsd: '1.00' };
    expect([triggerRowName(both), triggerRowNote(both)]).toEqual(['Gold 10% (was Gold 5%)', '']);
    const onlyB: TriggerDelta = { matchedBy: null, a: null, b: side('e', 'Enterprise bonus'), deltaUsd: '40.00' };
    expect([triggerRowName(onlyB), triggerRowNote(onlyB)]).toEqual(['Enterprise bonus', 'B only']);
    const byName: TriggerDelta = { matchedBy: 'name', a: side('x', 'Promo'), b: side('y', 'Promo'), deltaUsd: '0.00' };
    expect([triggerRowName(byName), triggerRowNote(byName)]).toEqual(['Promo', 'matched by name']);
  });

  it('charts each month A then B, and words states and the headline', () => {
    const c = { months: [{ month: '2026-02', aUsd: '8.00', bUsd: '5.00', deltaUsd: '-3.00' }], delta: { rewardsUsd: '-3.00', increasePercent: '-37.50' } } as unknown as Comparison;
    expect(monthBars(c)).toEqual([{ label: 'Feb 2026', values: ['8.00', '5.00'] }]);
    expect(deltaHeadline(c, (s) => `$${s}`)).toBe('$-3.00 (-37.50%)');
    expect(deltaHeadline({ ...c, delta: { ...c.delta, rewardsUsd: '5.00', increasePercent: null } }, (s) => s)).toBe('5.00 (A paid nothing)');
    const names = (k: string) => k.toUpperCase();
    expect(stateText({ group: 'gold', tags: ['vip'] }, names)).toBe('GOLD · vip');
    expect(stateText({ group: null, tags: [] }, names)).toBe('no group');
    expect(stateText(null, names)).toBe('not in this program');
  });
});

import { describe, expect, it } from 'vitest';
import { dashboardOffers, matrixRows, NO_FILTER, rewardText, splitReason, whenText } from './visibility-model';
import type { VisibilityReport } from '@engine/visibility';
import { visibility } from '@engine/visibility';
import type { Partner, Program, RuleNode, Trigger } from '@engine/formats/program-schema';

const partner = (key: string, group: string | null, tags: string[] = [], tier: string | null = null): Partner => ({ key, name: key, group, tier, tags, joinedAt: '2026-01-01T00:00:00Z' });
const bronze: Trigger = {
  id: 'bronze', name: 'Bronze $5', event: 'transaction.created', status: 'active',
  rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: 'bronze' }] },
  action: { type: 'reward', offer: { description: '$5 per sale', type: 'flat', amount: '5.00', currency: 'USD' } },
};
const drip: Trigger = {
  id: 'vip-drip', name: 'VIP drip', event: 'customer.created', status: 'active',
  rules: { all: [{ object: 'partnership', field: 'tag', op: 'equal_to', value: 'vip' }] },
  action: { type: 'drip', offer: { description: 'VIP monthly', type: 'flat', amount: '12.00', currency: 'USD' }, drip: { delay: { count: 0, unit: 'day' }, cycle: { count: 1, unit: 'month' }, occurrences: 12, split: true } },
};
const move: Trigger = { id: 'move', name: 'Move', event: 'transaction.created', status: 'active', action: { type: 'change_group', group: 'silver' } };
const partners = [partner('ana', 'bronze'), partner('bo', 'silver', ['vip']), partner('cy', 'bronze', ['vip'])];
const program = { format: 'offerflow.program/1', name: 'p', timeZone: 'UTC', fxRates: {}, groups: [], tiers: [], tags: [], partners, triggers: [bronze, drip, move], evaluationOrder: {} } as Program;

describe('visibility matrix', () => {
  const report: VisibilityReport = visibility(program);

  it('builds one cell per offer with the engine reason', () => {
    const rows = matrixRows(report, partners, NO_FILTER);
    expect(rows.map((r) => r.cells.map((c) => c.visible))).toEqual([[true, false], [false, true], [true, true]]);
    expect(rows[1]?.cells[0]?.reason).toMatch(/group equal to bronze/);
    expect(rows[2]?.visibleCount).toBe(2);
  });

  it('filters by group, tier and tag', () => {
    expect(matrixRows(report, partners, { ...NO_FILTER, group: 'bronze' }).map((r) => r.partner.key)).toEqual(['ana', 'cy']);
    expect(matrixRows(report, partners, { ...NO_FILTER, tag: 'vip', group: 'bronze' }).map((r) => r.partner.key)).toEqual(['cy']);
    expect(matrixRows(report, partners, { ...NO_FILTER, tier: 'gold' })).toEqual([]);
  });

  it('lists a partner dashboard', () => {
    const offers = dashboardOffers(report, program, 'cy');
    expect(offers.map((o) => [o.triggerId, o.reward, o.when])).toEqual([
      ['bronze', '$5.00', 'for each sale'],
      ['vip-drip', '$12.00 split over 12 payments, monthly, first at once', 'for each new customer'],
    ]);
    expect(dashboardOffers(report, program, 'nobody')).toEqual([]);
    expect(rewardText(move)).toBe('');
  });

  it('splits a reason into rule path and words', () => {
    expect(splitReason('rules.all[0]: partnership group equal to bronze (partner has group silver)')).toEqual({ path: 'rules.all[0]', text: 'partnership group equal to bronze (partner has group silver)' });
    expect(splitReason('the trigger is a draft')).toEqual({ path: null, text: 'the trigger is a draft' });
  });
});

describe('when an offer is earned', () => {
  const milestone = (rules: RuleNode): Pick<Trigger, 'event' | 'rules'> => ({ event: 'transaction.created', rules });
  const crossing: RuleNode = { object: 'partnership', field: 'transaction_amount_sum', op: 'becomes_greater_than', value: '10000.00' };

  it('a one-time bonus (a crossing every event must meet) is earned once, not for each sale', () => {
    expect(whenText(milestone({ all: [crossing] }))).toMatch(/^once, when .+ becomes greater than \$10,000\.00$/);
    expect(whenText(milestone({ all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: 'gold' }, { all: [crossing] }] }))).toMatch(/^once, when/);
  });

  it('a repeated offer, or a crossing only in an "any", stays per event', () => {
    expect(whenText(bronze)).toBe('for each sale');
    expect(whenText(milestone({ any: [crossing, { object: 'partnership', field: 'group', op: 'equal_to', value: 'gold' }] }))).toBe('for each sale');
    expect(whenText({ event: 'customer.created', rules: undefined })).toBe('for each new customer');
  });
});

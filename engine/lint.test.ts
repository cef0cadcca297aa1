import { describe, expect, it } from 'vitest';
import type { Offer, Rule, RuleNode, Trigger } from './formats/program-schema';
import { lintTrigger, staleOfferReason } from './lint';

const offer: Offer = { description: '10% of every sale', type: 'percentage', percent: '10' };
const trigger = (rules: RuleNode | undefined, o: Offer = offer): Trigger => ({
  id: 't', name: 'T', event: 'transaction.created', status: 'draft', ...(rules ? { rules } : {}), action: { type: 'reward', offer: o },
});
const rule = (field: string, op: Rule['op'], value?: Rule['value'], object: Rule['object'] = 'partnership'): Rule => ({ object, field, op, ...(value === undefined ? {} : { value }) });
const codes = (t: Trigger) => lintTrigger(t, 'triggers[0]').map((i) => `${i.code} ${i.path}`);

describe('lint', () => {
  const cases: [string, RuleNode, string[]][] = [
    ['less than 0 days never passes', rule('joined_days', 'less_than', 0), ['lint.never_passes triggers[0].rules']],
    ['more than or exactly 0 days always passes', rule('joined_days', 'more_than_or_exactly', 0), ['lint.always_passes triggers[0].rules']],
    ['a count ≥ 0 always passes', rule('customer_count', 'greater_than_or_equal_to', 0), ['lint.always_passes triggers[0].rules']],
    ['a multiple of 1 always passes', rule('customer_count', 'is_multiple_of', 1), ['lint.always_passes triggers[0].rules']],
    ['90 days is fine', rule('joined_days', 'more_than_or_exactly', 90), []],
    ['group A and group B in an AND', { all: [rule('group', 'equal_to', 'gold'), rule('group', 'equal_to', 'silver')] }, ['lint.contradiction triggers[0].rules.all[1]']],
    ['group A or group B is fine', { any: [rule('group', 'equal_to', 'gold'), rule('group', 'equal_to', 'silver')] }, []],
    ['equal and not equal to the same', { all: [rule('group', 'equal_to', 'gold'), rule('group', 'not_equal_to', 'gold')] }, ['lint.contradiction triggers[0].rules.all[1]']],
    ['empty and not empty', { all: [rule('tier', 'is_empty'), rule('tier', 'is_not_empty')] }, ['lint.contradiction triggers[0].rules.all[1]']],
    ['count > 5 and count < 3', { all: [rule('customer_count', 'greater_than', 5), rule('customer_count', 'less_than', 3)] }, ['lint.contradiction triggers[0].rules.all[1]']],
    ['count ≥ 5 and count ≤ 5 is fine', { all: [rule('customer_count', 'greater_than_or_equal_to', 5), rule('customer_count', 'less_than_or_equal_to', 5)] }, []],
    ['count > 5 and count ≤ 5', { all: [rule('customer_count', 'greater_than', 5), rule('customer_count', 'less_than_or_equal_to', 5)] }, ['lint.contradiction triggers[0].rules.all[1]']],
    ['different fields do not contradict', { all: [rule('group', 'equal_to', 'gold'), rule('tier', 'equal_to', 'plus')] }, []],
    ['nested AND inside OR', { any: [{ all: [rule('joined_days', 'less_than', 10), rule('joined_days', 'more_than_or_exactly', 20)] }] }, ['lint.contradiction triggers[0].rules.any[0].all[1]']],
  ];
  it.each(cases)('%s', (_name, rules, expected) => {
    expect(codes(trigger(rules))).toEqual(expected);
  });

  it('warns when the description names another amount or type than the reward', () => {
    expect(staleOfferReason({ description: '$10 per conversion', type: 'percentage', percent: '10' })).toBe('names an amount (10), but the reward is 10% of the transaction');
    expect(staleOfferReason({ description: '10% of every sale', type: 'percentage', percent: '12' })).toBe('names 10%, but the reward is 12%');
    expect(staleOfferReason({ description: '$50 for your first 10 sales', type: 'flat', amount: '40.00', currency: 'USD' })).toBe('names 50, but the reward is 40.00 USD');
    expect(staleOfferReason({ description: '$50 for your first 10 sales', type: 'flat', amount: '50.00', currency: 'USD' })).toBeNull();
    expect(staleOfferReason({ description: '15% on orders over $1,000', type: 'percentage', percent: '15' })).toBeNull();
    expect(staleOfferReason({ description: '5% VIP Bonus', type: 'flat', amount: '5.00', currency: 'USD' })).toBe('names 5%, but the reward is a flat 5.00 USD');
    expect(codes(trigger(undefined, { ...offer, description: '  ' }))).toEqual(['lint.offer_no_description triggers[0].action.offer.description']);
    expect(codes(trigger(undefined, { ...offer, percent: '12' }))).toEqual(['lint.offer_stale triggers[0].action.offer.description']);
  });
});

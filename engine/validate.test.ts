import { describe, expect, it } from 'vitest';
import { program, trigger, type Json } from './test-helpers';
import { blockingIssues, triggerErrors, validateProgram } from './validate';

function codes(over: Json): string[] {
  return validateProgram(program(over)).map((i) => `${i.code}@${i.path}`);
}

const rule = (r: Json) => ({ rules: { all: [r] } });

describe('trigger validation', () => {
  it.each([
    ['object not offered', trigger('a', { event: 'customer.created', ...rule({ object: 'transaction', field: 'amount', op: 'greater_than', value: '1.00' }) }), 'rule.object_not_offered@triggers[0].rules.all[0].object'],
    ['unknown field', trigger('a', rule({ object: 'customer', field: 'shoe_size', op: 'equal_to', value: 1 })), 'rule.unknown_field@triggers[0].rules.all[0].field'],
    ['operator not allowed', trigger('a', rule({ object: 'partnership', field: 'group', op: 'is_in', value: ['bronze'] })), 'rule.operator_not_allowed@triggers[0].rules.all[0].op'],
    ['seed: product_key has no is_not_in', trigger('a', rule({ object: 'transaction', field: 'product_key', op: 'is_not_in', value: ['x'] })), 'rule.operator_not_allowed@triggers[0].rules.all[0].op'],
    ['wrong value kind', trigger('a', rule({ object: 'partnership', field: 'joined_days', op: 'less_than', value: 'ten' })), 'rule.value_kind@triggers[0].rules.all[0].value'],
    ['money with too many decimals', trigger('a', rule({ object: 'transaction', field: 'amount', op: 'greater_than', value: '1.234' })), 'rule.value_kind@triggers[0].rules.all[0].value'],
    ['bad date', trigger('a', rule({ object: 'transaction', field: 'created_date', op: 'before', value: '2026-02-30' })), 'rule.value_kind@triggers[0].rules.all[0].value'],
    ['missing value', trigger('a', rule({ object: 'partnership', field: 'group', op: 'equal_to' })), 'rule.value_missing@triggers[0].rules.all[0].value'],
    ['value on is_empty', trigger('a', rule({ object: 'partnership', field: 'group', op: 'is_empty', value: 'x' })), 'rule.value_not_expected@triggers[0].rules.all[0].value'],
    ['unknown group', trigger('a', rule({ object: 'partnership', field: 'group', op: 'equal_to', value: 'platinum' })), 'ref.unknown_group@triggers[0].rules.all[0].value'],
    ['unknown tier', trigger('a', rule({ object: 'partnership', field: 'tier', op: 'is_in', value: ['t1', 'zz'] })), 'ref.unknown_tier@triggers[0].rules.all[0].value[1]'],
    ['unknown tag', trigger('a', { action: { type: 'apply_tag', tag: 'nope' } }), 'ref.unknown_tag@triggers[0].action.tag'],
    ['unknown move group', trigger('a', { action: { type: 'change_group', group: 'nope' } }), 'ref.unknown_group@triggers[0].action.group'],
    ['filters on a static field', trigger('a', rule({ object: 'transaction', field: 'amount', op: 'greater_than', value: '1.00', filters: [{ object: 'transaction', field: 'product_key', op: 'equal_to', value: 'x' }] })), 'rule.filters_not_allowed@triggers[0].rules.all[0].filters'],
    ['filter of another object', trigger('a', rule({ object: 'partnership', field: 'customer_count', op: 'greater_than', value: 1, filters: [{ object: 'transaction', field: 'product_key', op: 'equal_to', value: 'x' }] })), 'rule.bad_filter@triggers[0].rules.all[0].filters[0]'],
    ['percentage off transactions', trigger('a', { event: 'customer.created', action: { type: 'reward', offer: { description: 'x', type: 'percentage', percent: '5' } } }), 'action.percentage_event@triggers[0].action.offer.type'],
    ['drip without cycle', trigger('a', { action: { type: 'drip', offer: { description: 'x', type: 'flat', amount: '1.00', currency: 'USD' }, drip: { delay: { count: 0, unit: 'day' }, occurrences: 3 } } }), 'drip.cycle@triggers[0].action.drip'],
    ['drip with zero occurrences', trigger('a', { action: { type: 'drip', offer: { description: 'x', type: 'flat', amount: '1.00', currency: 'USD' }, drip: { delay: { count: 0, unit: 'day' }, occurrences: 0 } } }), 'drip.occurrences@triggers[0].action.drip.occurrences'],
    ['negative delay', trigger('a', { action: { type: 'drip', offer: { description: 'x', type: 'flat', amount: '1.00', currency: 'USD' }, drip: { delay: { count: -1, unit: 'day' }, occurrences: 1 } } }), 'drip.delay@triggers[0].action.drip.delay.count'],
    ['offer currency without rate', trigger('a', { action: { type: 'reward', offer: { description: 'x', type: 'flat', amount: '1.00', currency: 'EUR' } } }), 'action.currency_without_rate@triggers[0].action.offer.currency'],
  ])('%s', (_label, t, expected) => {
    expect(codes({ triggers: [t] })).toContain(expected);
  });

  it('a valid trigger has no issues', () => {
    expect(codes({ triggers: [trigger('ok', rule({ object: 'partnership', field: 'tag', op: 'is_in', value: ['vip', 'new'] }))] })).toEqual([]);
  });

  it('errors on a draft are reported but do not block the program; on active ones they do', () => {
    const bad = rule({ object: 'partnership', field: 'group', op: 'equal_to', value: 'platinum' });
    const draft = program({ triggers: [trigger('a', { status: 'draft', ...bad })] });
    expect(blockingIssues(draft, validateProgram(draft))).toEqual([]);
    expect(triggerErrors(validateProgram(draft), 'a')).toHaveLength(1);
    const active = program({ triggers: [trigger('a', bad)] });
    expect(blockingIssues(active, validateProgram(active))).toHaveLength(1);
  });
});

describe('program validation', () => {
  it.each([
    ['unknown trigger in the order', { triggers: [trigger('a')], evaluationOrder: { 'transaction.created': ['zzz'] } }, 'order.unknown_trigger@evaluationOrder.transaction.created[0]'],
    ['duplicate in the order', { triggers: [trigger('a')], evaluationOrder: { 'transaction.created': ['a', 'a'] } }, 'order.duplicate@evaluationOrder.transaction.created[1]'],
    ['order mixes event types', { triggers: [trigger('a', { event: 'customer.created' })], evaluationOrder: { 'transaction.created': ['a'] } }, 'order.wrong_event@evaluationOrder.transaction.created[0]'],
    ['duplicate trigger id', { triggers: [trigger('a'), trigger('a')] }, 'program.duplicate_key@triggers[1].id'],
    ['partner in an unknown group', { partners: [{ key: 'x', group: 'nope', joinedAt: '2026-01-01T00:00:00Z' }] }, 'ref.unknown_group@partners[0].group'],
    ['partner with an unknown tag', { partners: [{ key: 'x', tags: ['nope'], joinedAt: '2026-01-01T00:00:00Z' }] }, 'ref.unknown_tag@partners[0].tags[0]'],
  ])('%s', (_label, over, expected) => {
    expect(codes(over)).toContain(expected);
  });

  it('warns about the seed’s double-reward pattern, and not about the recommended order', () => {
    const triggers = [
      trigger('bronze', rule({ object: 'partnership', field: 'group', op: 'equal_to', value: 'bronze' })),
      trigger('move', { action: { type: 'change_group', group: 'silver' } }),
      trigger('silver', rule({ object: 'partnership', field: 'group', op: 'equal_to', value: 'silver' })),
    ];
    expect(codes({ triggers, evaluationOrder: { 'transaction.created': ['bronze', 'move', 'silver'] } })).toEqual(['order.double_reward@triggers[2]']);
    expect(codes({ triggers, evaluationOrder: { 'transaction.created': ['bronze', 'silver', 'move'] } })).toEqual([]);
  });
});

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

describe('offers not greater than 0 (FORMATS: the trigger is invalid, the file is not)', () => {
  const flat = (amount: string) => ({ type: 'reward', offer: { description: 'x', type: 'flat', amount, currency: 'USD' } });
  const pct = (percent: string) => ({ type: 'reward', offer: { description: 'x', type: 'percentage', percent } });
  it.each([
    ['flat 0', flat('0'), 'amount'],
    ['flat 0.00', flat('0.00'), 'amount'],
    ['flat -5.00', flat('-5.00'), 'amount'],
    ['percent 0', pct('0'), 'percent'],
    ['percent -10', pct('-10'), 'percent'],
  ])('%s: a warning on a draft, blocking when active or inactive, naming the path', (_label, action, field) => {
    for (const status of ['draft', 'active', 'inactive'] as const) {
      const p = program({ triggers: [trigger('t', { status, action })] });
      const issues = validateProgram(p);
      const mine = issues.filter((i) => i.code === 'action.offer_not_positive');
      expect(mine.map((i) => i.path)).toEqual([`triggers[0].action.offer.${field}`]);
      expect(blockingIssues(p, issues).some((i) => i.code === 'action.offer_not_positive')).toBe(status !== 'draft');
    }
  });
  it('a drip offer of 0 is the same issue', () => {
    const drip = { type: 'drip', offer: { description: 'x', type: 'flat', amount: '0', currency: 'USD' }, drip: { delay: { count: 0, unit: 'day' }, occurrences: 1 } };
    expect(codes({ triggers: [trigger('t', { action: drip })] })).toContain('action.offer_not_positive@triggers[0].action.offer.amount');
  });
});

describe('rule trees nest at most 64 blocks (FORMATS)', () => {
  const nested = (blocks: number): Json => {
    let node: Json = { object: 'partnership', field: 'group', op: 'equal_to', value: 'bronze' };
    for (let i = 0; i < blocks; i++) node = i % 2 ? { any: [node] } : { all: [node] };
    return node;
  };
  it('64 blocks, a rule inside the innermost, are valid', () => {
    expect(codes({ triggers: [trigger('t', { rules: nested(64) })] })).toEqual([]);
  });
  it('65 blocks are invalid, naming the path of the 65th and saying 64', () => {
    const issues = validateProgram(program({ triggers: [trigger('t', { rules: nested(65) })] })).filter((i) => i.code === 'rule.too_deep');
    expect(issues).toHaveLength(1);
    // Wrap i (0 innermost … 64 outermost) is an `all` when i is even; the path walks wraps 64 … 1
    // down to the innermost block, the 65th.
    const key = (i: number) => (i % 2 ? 'any' : 'all');
    const path = `triggers[0].rules${Array.from({ length: 64 }, (_, k) => `.${key(64 - k)}[0]`).join('')}`;
    expect(issues[0]!.path).toBe(path);
    expect(issues[0]!.message).toBe('rule blocks are nested more than 64 deep');
  });
});

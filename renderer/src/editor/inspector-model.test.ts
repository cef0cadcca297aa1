import { describe, expect, it } from 'vitest';
import { CATALOGUE, fieldSpec } from '@engine/catalogue';
import type { Program, Trigger } from '@engine/formats/program-schema';
import { changeActionType, changeOfferType, percentageProblem } from './action-model';
import { lintTrigger } from '@engine/lint';
import { addFilter, changeField, changeOperator, fieldChoices, filterChoices, newRule, operatorChoices, removeFilter, valueEditorFor } from './inspector-model';

const program: Program = {
  format: 'offerflow.program/1', name: 'P', timeZone: 'UTC', fxRates: { EUR: '1.08' },
  groups: [{ key: 'gold', name: 'Gold' }], tiers: [], tags: [{ key: 'vip', name: 'VIP' }, { key: 'new', name: 'New' }],
  partners: [], triggers: [], evaluationOrder: {},
};
const spec = (k: string) => {
  const [o, f] = k.split('.');
  const s = fieldSpec(o ?? '', f ?? '');
  if (!s) throw new Error(k);
  return s;
};

describe('inspector model', () => {
  it('offers only the fields of the objects an event offers', () => {
    const groups = new Set(fieldChoices('partner.joined_group').map((c) => c.group));
    expect([...groups]).toEqual(['Partnership']);
    expect(new Set(fieldChoices('transaction.created').map((c) => c.group))).toEqual(new Set(['Partnership', 'Customer', 'Transaction']));
  });

  it('offers only the operators a field allows', () => {
    expect(operatorChoices(spec('partnership.joined_days')).map((c) => c.value)).toEqual(['less_than', 'more_than_or_exactly']);
    expect(operatorChoices(spec('partnership.group')).map((c) => c.value)).not.toContain('is_in');
  });

  it.each([
    ['partnership.joined_days', 'less_than', 'integer'],
    ['partnership.joined_date', 'before', 'date'],
    ['customer.has_paid', 'is', 'boolean'],
    ['transaction.amount', 'greater_than', 'money'],
    ['partnership.link_click_sum', 'greater_than', 'integer'],
    ['partnership.group', 'equal_to', 'select'],
    ['partnership.tag', 'is_in', 'multi_select'],
    ['transaction.product_key', 'is_in', 'text_list'],
    ['transaction.product_key', 'equal_to', 'text'],
    ['partnership.tag', 'is_empty', 'none'],
  ] as const)('%s %s takes a %s editor', (key, op, kind) => {
    expect(valueEditorFor(spec(key), op, program).kind).toBe(kind);
  });

  it('fills selectors from the program', () => {
    expect(valueEditorFor(spec('partnership.tag'), 'is_in', program)).toEqual({ kind: 'multi_select', options: [{ value: 'vip', label: 'VIP' }, { value: 'new', label: 'New' }] });
    expect(valueEditorFor(spec('transaction.currency'), 'equal_to', program)).toMatchObject({ options: [{ value: 'USD' }, { value: 'EUR' }] });
  });

  it('resets the value when the operator changes its kind, keeps it otherwise', () => {
    const r = { object: 'partnership' as const, field: 'tag', op: 'equal_to' as const, value: 'vip' };
    expect(changeOperator(r, 'not_equal_to')).toEqual({ ...r, op: 'not_equal_to' });
    expect(changeOperator(r, 'is_in')).toEqual({ object: 'partnership', field: 'tag', op: 'is_in', value: [] });
    expect(changeOperator(r, 'is_empty')).toEqual({ object: 'partnership', field: 'tag', op: 'is_empty' });
  });

  it('starts a new rule with the first field of the event, on a condition that can pass', () => {
    expect(newRule('transaction.created')).toEqual({ object: 'partnership', field: 'joined_days', op: 'more_than_or_exactly', value: 30 });
    expect(changeField(newRule('transaction.created'), 'customer.signed_up_days')).toEqual({ object: 'customer', field: 'signed_up_days', op: 'more_than_or_exactly', value: 30 });
    expect(changeField(newRule('transaction.created'), 'partnership.group')).toEqual({ object: 'partnership', field: 'group', op: 'equal_to' });
  });

  it('never starts a rule, on any field or operator, that lint says can never or always pass', () => {
    const found: string[] = [];
    for (const spec of CATALOGUE) {
      const start = changeField(newRule('transaction.created'), `${spec.object}.${spec.field}`);
      for (const op of spec.operators) {
        const rule = op === start.op ? start : changeOperator({ ...start, op: spec.operators.find((o) => o !== op) ?? op }, op);
        const t: Trigger = { id: 't', name: 't', event: 'transaction.created', status: 'draft', rules: rule, action: { type: 'apply_tag', tag: 'x' } };
        for (const i of lintTrigger(t, 'triggers[0]')) found.push(`${spec.object}.${spec.field} ${op}: ${i.code}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('adds "where" filters only to aggregates, with the aggregated object\'s static fields', () => {
    const count = { object: 'partnership' as const, field: 'transaction_count', op: 'greater_than' as const, value: 3 };
    expect(filterChoices(count).map((c) => c.value)).toContain('transaction.product_key');
    expect(filterChoices(count).map((c) => c.value)).not.toContain('transaction.amount_sum');
    const withOne = addFilter(count);
    expect(withOne.filters).toEqual([{ object: 'transaction', field: 'created_date', op: 'before' }]);
    expect(removeFilter(withOne, 0)).toEqual(count);
    expect(addFilter(newRule('transaction.created'))).toEqual(newRule('transaction.created'));
  });

  it('allows a percentage reward only on transaction.created', () => {
    expect(percentageProblem('transaction.created')).toBeNull();
    expect(percentageProblem('customer.created')).toMatch(/transaction/);
    expect(changeOfferType({ description: 'd', type: 'flat', amount: '5.00', currency: 'USD' }, 'percentage')).toEqual({ description: 'd', type: 'percentage', percent: '10' });
    expect(changeActionType({ type: 'reward', offer: { description: 'd', type: 'percentage', percent: '5' } }, 'change_group', program)).toEqual({ type: 'change_group', group: 'gold' });
  });
});

import { describe, expect, it } from 'vitest';
import { program, trigger } from './test-helpers';
import { visibility } from './visibility';

const g = (op: string, value?: unknown) => ({ object: 'partnership', field: 'group', op, ...(value === undefined ? {} : { value }) });
const tag = (op: string, value?: unknown) => ({ object: 'partnership', field: 'tag', op, ...(value === undefined ? {} : { value }) });
const unknown = { object: 'partnership', field: 'transaction_count', op: 'greater_than', value: 5 };

describe('offer visibility (three-valued)', () => {
  const partners = [
    { key: 'bron', group: 'bronze', tags: ['vip'], joinedAt: '2026-01-01T00:00:00Z' },
    { key: 'silv', group: 'silver', tags: [], joinedAt: '2026-01-01T00:00:00Z' },
  ];
  it.each([
    ['no rules', undefined, ['bron', 'silv']],
    ['AND with a false visibility rule', { all: [g('equal_to', 'bronze'), unknown] }, ['bron']],
    ['OR of a false rule and an unknown rule', { any: [g('equal_to', 'gold'), unknown] }, ['bron', 'silv']],
    ['OR of two false rules', { any: [g('equal_to', 'gold'), tag('equal_to', 'new')] }, []],
    ['AND of OR', { all: [{ any: [g('equal_to', 'silver'), tag('is_in', ['vip'])] }, unknown] }, ['bron', 'silv']],
    ['tag is_not_in', { all: [tag('is_not_in', ['vip'])] }, ['silv']],
    ['partner key', { all: [{ object: 'partnership', field: 'partner_key', op: 'equal_to', value: 'silv' }] }, ['silv']],
    ['only unknown rules', { all: [unknown] }, ['bron', 'silv']],
  ])('%s', (_label, rules, visibleTo) => {
    const p = program({ partners, triggers: [trigger('o', rules ? { rules } : {})] });
    const v = visibility(p);
    expect(v.partners.filter((x) => x.visible.includes('o')).map((x) => x.key)).toEqual(visibleTo);
  });

  it('names the rule that hides the offer', () => {
    const p = program({ partners, triggers: [trigger('o', { rules: { all: [unknown, g('equal_to', 'bronze')] } })] });
    const silv = visibility(p, { partner: 'silv' }).partners[0]!;
    expect(silv.hidden).toEqual([{ triggerId: 'o', reason: 'rules.all[1]: partnership group equal to bronze (partner has group silver)' }]);
  });

  it('inactive and draft offers are hidden; change-group triggers have no offer', () => {
    const p = program({ partners, triggers: [trigger('i', { status: 'inactive' }), trigger('d', { status: 'draft' }), trigger('m', { action: { type: 'change_group', group: 'gold' } })] });
    const v = visibility(p);
    expect(v.offers.map((o) => o.triggerId)).toEqual(['i', 'd']);
    expect(v.partners[0]!.hidden.map((h) => h.reason)).toEqual(['the trigger is inactive', 'the trigger is a draft']);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEventSetText, parseProgramText } from '../formats/read';
import { customer, eventSet, program, rewardKeys, run, sale, trigger, type Json } from '../test-helpers';

const EXAMPLES = join(__dirname, '../../resources/samples/spec-examples');

describe('worked examples from the seeds', () => {
  it.each(['seed-order-recommended', 'seed-order-double-reward', 'seed-and-or'])('%s replays with its expectations passed', (name) => {
    const p = parseProgramText(readFileSync(join(EXAMPLES, `${name}.program.json`), 'utf8'));
    const e = parseEventSetText(readFileSync(join(EXAMPLES, `${name}.events.json`), 'utf8'));
    const r = run(p, e);
    expect(r.expectations.failures).toEqual([]);
    expect(r.expectations.passed).toBe(true);
  });

  it('the recommended order pays the 5th sale once and the double-reward order twice', () => {
    const load = (n: string) => [
      parseProgramText(readFileSync(join(EXAMPLES, `${n}.program.json`), 'utf8')),
      parseEventSetText(readFileSync(join(EXAMPLES, `${n}.events.json`), 'utf8')),
    ] as const;
    const [p1, e1] = load('seed-order-recommended');
    const [p2, e2] = load('seed-order-double-reward');
    const fifth = (keys: string[]) => keys.filter((k) => k.includes('@t5='));
    expect(fifth(rewardKeys(run(p1, e1)))).toEqual(['bronze-offer@t5=5.00 USD']);
    expect(fifth(rewardKeys(run(p2, e2)))).toEqual(['bronze-offer@t5=5.00 USD', 'silver-offer@t5=10.00 USD']);
  });
});

describe('aggregates', () => {
  it('include the triggering object, and becomes_greater_than looks at the crossing', () => {
    const p = program({
      triggers: [trigger('cross', { rules: { all: [{ object: 'partnership', field: 'transaction_amount_sum', op: 'becomes_greater_than', value: '100.00' }] } })],
    });
    const e = eventSet([customer('c1'), sale('c1', '60.00'), sale('c1', '40.00'), sale('c1', '0.01'), sale('c1', '500.00')]);
    const r = run(p, e, { trace: true });
    expect(r.rewards).toHaveLength(1);
    const ev = e.events[3]!;
    expect(r.rewards[0]!.eventId).toBe(ev.id);
    const t = r.trace!.find((x) => x.eventId === ev.id)!.triggers[0]!;
    expect(t.rules).toMatchObject({ block: 'all', children: [{ actual: '100.01', before: '100.00', result: true }] });
  });

  it('count only objects matching the filters', () => {
    const p = program({
      triggers: [
        trigger('third-pro', {
          rules: { all: [{ object: 'partnership', field: 'transaction_count', op: 'equal_to', value: 3, filters: [{ object: 'transaction', field: 'product_key', op: 'equal_to', value: 'pro' }] }] },
        }),
      ],
    });
    const e = eventSet([
      customer('c1'),
      sale('c1', '1.00', undefined, { productKey: 'pro' }),
      sale('c1', '1.00', undefined, { productKey: 'basic' }),
      sale('c1', '1.00', undefined, { productKey: 'pro' }),
      sale('c1', '1.00', undefined, { productKey: 'pro' }),
      sale('c1', '1.00', undefined, { productKey: 'basic' }),
    ]);
    const r = run(p, e);
    expect(r.rewards.map((x) => x.eventId)).toEqual([e.events[4]!.id, e.events[5]!.id]);
  });

  it('is_multiple_of fires every 2nd customer; reaches_or_exceeds fires once', () => {
    const p = program({
      triggers: [
        trigger('every-2nd', { event: 'customer.created', rules: { all: [{ object: 'partnership', field: 'customer_count', op: 'is_multiple_of', value: 2 }] } }),
        trigger('third', { event: 'customer.created', rules: { all: [{ object: 'partnership', field: 'customer_count', op: 'reaches_or_exceeds', value: 3 }] } }),
      ],
    });
    const e = eventSet([1, 2, 3, 4, 5].map((i) => customer(`k${i}`)));
    expect(rewardKeys(run(p, e)).map((k) => k.split('=')[0])).toEqual(['every-2nd@c-k2', 'third@c-k3', 'every-2nd@c-k4']);
  });

  it('customer fields: has_paid, paid_order and first_purchase_days', () => {
    const p = program({
      triggers: [
        trigger('first-two-paying', { rules: { all: [{ object: 'customer', field: 'paid_order', op: 'less_than_or_equal_to', value: 2 }] } }),
        trigger('repeat-after-a-week', { rules: { all: [{ object: 'customer', field: 'first_purchase_days', op: 'more_than_or_exactly', value: 7 }] } }),
        trigger('signup-unpaid', { event: 'customer.created', rules: { all: [{ object: 'customer', field: 'has_paid', op: 'is', value: false }] } }),
      ],
    });
    const e = eventSet([
      customer('a'), customer('b'), customer('c'),
      sale('c', '5.00', '2026-02-02T00:00:00Z'), // c pays first: order 1
      sale('a', '5.00', '2026-02-03T00:00:00Z'), // a: order 2
      sale('b', '5.00', '2026-02-04T00:00:00Z'), // b: order 3 → no reward
      sale('c', '5.00', '2026-02-09T00:00:00Z'), // c: 7 days after first purchase
    ]);
    const keys = rewardKeys(run(p, e)).map((k) => k.split('=')[0]!.split('@')[0]);
    expect(keys).toEqual(['signup-unpaid', 'signup-unpaid', 'signup-unpaid', 'first-two-paying', 'first-two-paying', 'first-two-paying', 'repeat-after-a-week']);
  });

  it('a deal counts once however often its stage changes; filters see the current stage', () => {
    const p = program({
      triggers: [
        trigger('won', {
          event: 'deal.stage_changed',
          rules: { all: [{ object: 'partnership', field: 'deal_count', op: 'becomes_greater_than', value: 0, filters: [{ object: 'deal', field: 'stage', op: 'equal_to', value: 'won' }] }] },
        }),
        trigger('two-deals', { event: 'deal.stage_changed', rules: { all: [{ object: 'partnership', field: 'deal_count', op: 'equal_to', value: 2 }] } }),
      ],
    });
    const deal = (id: string, key: string, stage: string) => ({ id, type: 'deal.stage_changed', at: '2026-02-05T00:00:00Z', deal: { key, partnerKey: 'ana', stage, amount: '1000.00' } });
    const r = run(p, eventSet([deal('d1', 'D1', 'open'), deal('d2', 'D1', 'won'), deal('d3', 'D2', 'open'), deal('d4', 'D2', 'won')]));
    expect(rewardKeys(r).map((k) => k.split('=')[0])).toEqual(['won@d2', 'two-deals@d3', 'two-deals@d4']);
  });

  it('link clicks sum their counts', () => {
    const p = program({ triggers: [trigger('clicks', { event: 'customer.created', rules: { all: [{ object: 'partnership', field: 'link_click_sum', op: 'greater_than_or_equal_to', value: 10 }] } })] });
    const click = (count: number) => ({ type: 'link.clicked', at: '2026-02-01T00:00:00Z', partnerKey: 'ana', count });
    const click6 = { ...click(6), at: '2026-02-02T12:00:00Z' };
    const r = run(p, eventSet([click(4), customer('a', 'ana', '2026-02-02T00:00:00Z'), click6, customer('b', 'ana', '2026-02-03T00:00:00Z')]));
    expect(rewardKeys(r).map((k) => k.split('=')[0])).toEqual(['clicks@c-b']);
  });
});

/** A paying trigger, and a 2nd-sale group move whose joined_group triggers move back and forth forever. */
function pingPong(): Json[] {
  return [
    trigger('pay', {}),
    trigger('to-silver', { rules: { all: [{ object: 'partnership', field: 'transaction_count', op: 'equal_to', value: 2 }] }, action: { type: 'change_group', group: 'silver' } }),
    trigger('ping', { event: 'partner.joined_group', rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: 'silver' }] }, action: { type: 'change_group', group: 'gold' } }),
    trigger('pong', { event: 'partner.joined_group', rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: 'gold' }] }, action: { type: 'change_group', group: 'silver' } }),
  ];
}

describe('evaluation order, cascades and the loop guard', () => {
  it('a group move cascades into partner.joined_group triggers, carrying the source event id', () => {
    const p = program({
      triggers: [
        trigger('move', { rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: 'bronze' }] }, action: { type: 'change_group', group: 'silver' } }),
        trigger('welcome-silver', { event: 'partner.joined_group', rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: 'silver' }] } }),
        trigger('tag-silver', { event: 'partner.joined_group', action: { type: 'apply_tag', tag: 'vip' } }),
      ],
    });
    const e = eventSet([customer('c1'), sale('c1', '10.00')]);
    const r = run(p, e);
    const src = e.events[1]!.id;
    expect(r.groupChanges).toEqual([{ partnerKey: 'ana', from: 'bronze', to: 'silver', triggerId: 'move', eventId: src, at: '2026-02-02T00:00:00Z' }]);
    expect(rewardKeys(r)).toEqual([`welcome-silver@${src}=1.00 USD`]);
    expect(r.tagsApplied).toEqual([{ partnerKey: 'ana', tag: 'vip', triggerId: 'tag-silver', eventId: src, at: '2026-02-02T00:00:00Z' }]);
    expect(r.partners[0]).toEqual({ key: 'ana', group: 'silver', tier: null, tags: ['vip'] });
  });

  it('a manual group change fires partner.joined_group; the same group fires nothing', () => {
    const p = program({ triggers: [trigger('joined', { event: 'partner.joined_group' })] });
    const move = (id: string, group: string) => ({ id, type: 'partner.group_changed', at: '2026-02-01T00:00:00Z', partnerKey: 'ana', group });
    const r = run(p, eventSet([move('m1', 'gold'), move('m2', 'gold')]));
    expect(rewardKeys(r)).toEqual(['joined@m1=1.00 USD']);
    expect(r.groupChanges.map((g) => [g.eventId, g.triggerId])).toEqual([['m1', null]]);
  });

  it('a cascade loop rejects the source event and rolls all of it back', () => {
    const p = program({
      triggers: [
        ...pingPong(),
        trigger('count-check', { rules: { all: [{ object: 'partnership', field: 'transaction_count', op: 'equal_to', value: 2 }] }, action: { type: 'apply_tag', tag: 'new' } }),
      ],
    });
    const e = eventSet([customer('c1'), sale('c1', '1.00'), sale('c1', '1.00'), sale('c1', '1.00')]);
    const r = run(p, e);
    const [, first, second, third] = e.events.map((x) => x.id);
    // The rolled-back sale does not count: the next sale is the 2nd again and loops again.
    expect(r.rejected).toEqual([
      { eventId: second, index: 2, message: expect.stringContaining('cascade loop') as string },
      { eventId: third, index: 3, message: expect.stringContaining('cascade loop') as string },
    ]);
    expect(rewardKeys(r).map((k) => k.split('=')[0])).toEqual([`pay@${first}`]);
    expect(r.groupChanges).toEqual([]);
    expect(r.tagsApplied.every((t) => t.eventId !== second)).toBe(true);
    expect(r.partners[0]!.group).toBe('bronze');
  });

  it('a streaming sink never sees rows that a cascade loop rolls back', () => {
    const p = program({ triggers: pingPong() });
    const e = eventSet([customer('c1'), sale('c1', '1.00'), sale('c1', '1.00'), sale('c1', '2.00')]);
    const streamed: string[] = [];
    const r = run(p, e, { progressEvery: 1, keepRewards: false, onRewards: (rows) => streamed.push(...rows.map((x) => `${x.id}:${x.eventId}`)) });
    expect(r.rejected).toHaveLength(2);
    expect(r.rewards).toEqual([]);
    expect(streamed).toEqual([`r1:${e.events[1]!.id}`]);
  });

  it('up to 32 cascaded events are fine; the 33rd is a loop', () => {
    // Groups g0..g40: each joined_group moves to the next, until the chain ends.
    const groups = Array.from({ length: 41 }, (_, i) => ({ key: `g${i}`, name: `G${i}` }));
    const chain = (len: number) =>
      program({
        groups,
        partners: [{ key: 'ana', name: 'Ana', group: 'g0', tags: [], joinedAt: '2026-01-01T00:00:00Z' }],
        triggers: [
          trigger('start', { event: 'customer.created', action: { type: 'change_group', group: 'g1' } }),
          ...Array.from({ length: len - 1 }, (_, i) =>
            trigger(`step${i + 1}`, { event: 'partner.joined_group', rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: `g${i + 1}` }] }, action: { type: 'change_group', group: `g${i + 2}` } }),
          ),
        ],
      });
    const ok = run(chain(32), eventSet([customer('c1')]));
    expect(ok.rejected).toEqual([]);
    expect(ok.partners[0]!.group).toBe('g32');
    const loop = run(chain(33), eventSet([customer('c1')]));
    expect(loop.rejected).toHaveLength(1);
    expect(loop.partners[0]!.group).toBe('g0');
  });

  it('rules see changes earlier triggers made for the same event', () => {
    const p = program({
      triggers: [
        trigger('tag-first', { action: { type: 'apply_tag', tag: 'vip' } }),
        trigger('vip-bonus', { rules: { all: [{ object: 'partnership', field: 'tag', op: 'equal_to', value: 'vip' }] } }),
      ],
    });
    expect(rewardKeys(run(p, eventSet([customer('c1'), sale('c1', '1.00')])))).toHaveLength(1);
    const reversed = program({ ...p, evaluationOrder: { 'transaction.created': ['vip-bonus', 'tag-first'] } });
    expect(rewardKeys(run(reversed, eventSet([customer('c1'), sale('c1', '1.00')])))).toHaveLength(0);
  });
});

describe('no retroactive rewards', () => {
  const p = program({ triggers: [trigger('late', { activatedAt: '2026-03-01T00:00:00Z' })] });
  it.each([
    ['occurred and received before activation', '2026-02-28T23:59:59Z', undefined, 0],
    ['occurred before but received at activation', '2026-02-28T12:00:00Z', '2026-03-01T00:00:00Z', 1],
    ['occurred after activation', '2026-03-02T00:00:00Z', undefined, 1],
  ])('%s → %i rewards', (_label, at, receivedAt, count) => {
    const r = run(p, eventSet([customer('c1'), sale('c1', '1.00', at, {}, receivedAt ? { receivedAt } : {})]), { trace: true });
    expect(r.rewards).toHaveLength(count);
    if (count === 0) expect(r.trace!.at(-1)!.triggers[0]).toMatchObject({ verdict: 'skipped', reason: expect.stringContaining('retroactive') as string });
  });

  it('drafts and inactive triggers never fire', () => {
    const q = program({ triggers: [trigger('d', { status: 'draft' }), trigger('i', { status: 'inactive' })] });
    const r = run(q, eventSet([customer('c1'), sale('c1', '1.00')]), { trace: true });
    expect(r.rewards).toEqual([]);
    expect(r.trace!.at(-1)!.triggers.map((t) => t.verdict)).toEqual(['skipped', 'skipped']);
  });
});

describe('rejected events', () => {
  const p = program({ fxRates: { EUR: '1.10' }, triggers: [trigger('any')] });
  const base = [customer('c1')];
  it.each([
    ['unknown customer', sale('nobody', '1.00'), 'unknown customer "nobody"'],
    ['unknown partner', customer('c2', 'ghost'), 'unknown partner "ghost"'],
    ['duplicate customer', customer('c1'), 'customer "c1" already exists'],
    ['currency with no rate', sale('c1', '1.00', undefined, { currency: 'GBP' }), 'GBP, which has no FX rate'],
    ['duplicate partner', { type: 'partner.created', at: '2026-02-01T00:00:00Z', partner: { key: 'ana', joinedAt: '2026-02-01T00:00:00Z' } }, 'partner "ana" already exists'],
    ['unknown group', { type: 'partner.group_changed', at: '2026-02-03T00:00:00Z', partnerKey: 'ana', group: 'platinum' }, 'group "platinum" is not defined'],
    ['unknown customer for an action', { type: 'action.created', at: '2026-02-03T00:00:00Z', action: { key: 'a1', customerKey: 'zz', actionKey: 'signup' } }, 'unknown customer "zz"'],
  ])('%s', (_label, bad, message) => {
    const e = eventSet([...base, bad, sale('c1', '2.00', '2026-02-10T00:00:00Z')]);
    const r = run(p, e);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]!.message).toContain(message);
    expect(r.rejected[0]!.index).toBe(1);
    expect(r.rewards).toHaveLength(1); // processing goes on
  });

  it('a duplicate transaction key is rejected and changes nothing', () => {
    const e = eventSet([customer('c1'), { id: 'x', type: 'transaction.created', at: '2026-02-02T00:00:00Z', transaction: { key: 'T', customerKey: 'c1', amount: '1.00', currency: 'USD' } }, { id: 'y', type: 'transaction.created', at: '2026-02-03T00:00:00Z', transaction: { key: 'T', customerKey: 'c1', amount: '1.00', currency: 'USD' } }]);
    const r = run(p, e);
    expect(r.rejected.map((x) => x.eventId)).toEqual(['y']);
    expect(r.rewards.map((x) => x.eventId)).toEqual(['x']);
  });
});

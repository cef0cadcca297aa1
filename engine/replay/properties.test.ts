import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeReport, type RewardRow } from '../formats/report';
import { eventSet, program, run, trigger, type Json } from '../test-helpers';

const partners = ['ana', 'ben', 'cai'];
const products = ['pro', 'basic', 'enterprise'];

/** Random but valid rule leaves over transaction.created. */
const ruleArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom('bronze', 'silver', 'gold').map((g) => ({ object: 'partnership', field: 'group', op: 'equal_to', value: g })),
  fc.integer({ min: 0, max: 6 }).map((n) => ({ object: 'partnership', field: 'transaction_count', op: 'greater_than_or_equal_to', value: n })),
  fc.integer({ min: 1, max: 3 }).map((n) => ({ object: 'partnership', field: 'customer_count', op: 'is_multiple_of', value: n })),
  fc.integer({ min: 1, max: 500 }).map((n) => ({ object: 'customer', field: 'transaction_amount_sum', op: 'becomes_greater_than', value: `${n}.00` })),
  fc.constantFrom(...products).map((p) => ({ object: 'transaction', field: 'product_key', op: 'equal_to', value: p })),
  fc.integer({ min: 0, max: 40 }).map((n) => ({ object: 'customer', field: 'signed_up_days', op: 'less_than', value: n })),
  fc.constant({ object: 'partnership', field: 'transaction_count', op: 'reaches_or_exceeds', value: 3, filters: [{ object: 'transaction', field: 'product_key', op: 'equal_to', value: 'pro' }] }),
);

const treeArb = fc.array(ruleArb, { maxLength: 3 }).chain((rules) => fc.boolean().map((all) => (all ? { all: rules } : { any: rules.length ? rules : [{ all: [] }] })));

const rewardTriggerArb = (i: number) =>
  fc.record({ rules: treeArb, pct: fc.boolean(), amount: fc.integer({ min: 1, max: 5000 }) }).map(({ rules, pct, amount }) =>
    trigger(`t${i}`, {
      rules,
      action: { type: 'reward', offer: pct ? { description: 'p', type: 'percentage', percent: String((amount % 30) + 1) } : { description: 'f', type: 'flat', amount: (amount / 100).toFixed(2), currency: 'USD' } },
    }),
  );

const eventsArb = fc.array(
  fc.record({ kind: fc.constantFrom('customer', 'sale', 'sale', 'sale'), p: fc.constantFrom(...partners), c: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 0, max: 60 }), cents: fc.integer({ min: -500, max: 100000 }), product: fc.constantFrom(...products) }),
  { maxLength: 60 },
).map((rows) => {
  const base = Date.UTC(2026, 0, 1);
  return rows.map((r, i) => {
    const at = new Date(base + r.day * 86_400_000 + i * 1000).toISOString().replace('.000Z', 'Z');
    return r.kind === 'customer'
      ? { id: `e${i}`, type: 'customer.created', at, customer: { key: `c${r.c}`, partnerKey: r.p } }
      : { id: `e${i}`, type: 'transaction.created', at, transaction: { key: `x${i}`, customerKey: `c${r.c}`, amount: (r.cents / 100).toFixed(2), currency: 'USD', productKey: r.product } };
  });
});

const programArb = fc.tuple(rewardTriggerArb(0), rewardTriggerArb(1), rewardTriggerArb(2), rewardTriggerArb(3)).map((triggers) =>
  program({
    partners: partners.map((key, i) => ({ key, group: ['bronze', 'silver', 'gold'][i], joinedAt: '2025-12-01T00:00:00Z' })),
    triggers,
  }),
);

function rewardBag(rows: readonly RewardRow[]): string[] {
  return rows.map((r) => `${r.eventId}|${r.triggerId}|${r.partnerKey}|${r.amount}|${r.currency}|${r.dueAt}`).sort();
}

describe('replay properties', () => {
  it('is deterministic: the same inputs give a byte-identical report', () => {
    fc.assert(
      fc.property(programArb, eventsArb, (p, events) => {
        const e = eventSet(events);
        expect(serializeReport(run(p, e, { trace: true }))).toBe(serializeReport(run(p, e, { trace: true })));
      }),
      { numRuns: 150, seed: 20261121 },
    );
  });

  it('reordering independent triggers (rewards only) changes no reward', () => {
    fc.assert(
      fc.property(programArb, eventsArb, fc.func(fc.integer()), (p, events, rank) => {
        const e = eventSet(events);
        const ids = p.triggers.map((t) => t.id);
        const shuffled = [...ids].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
        const q = { ...p, evaluationOrder: { 'transaction.created': shuffled } };
        expect(rewardBag(run(q, e).rewards)).toEqual(rewardBag(run(p, e).rewards));
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('the traced path and the generated fast path agree', () => {
    fc.assert(
      fc.property(programArb, eventsArb, (p, events) => {
        const e = eventSet(events);
        const fast = run(p, e);
        const traced = run(p, e, { trace: true });
        expect(serializeReport({ ...traced, trace: undefined })).toBe(serializeReport(fast));
      }),
      { numRuns: 150, seed: 99 },
    );
  });

  it('rewards are always positive and amountUsd equals amount for USD', () => {
    fc.assert(
      fc.property(programArb, eventsArb, (p, events) => {
        for (const r of run(p, eventSet(events)).rewards) {
          expect(Number(r.amount)).toBeGreaterThan(0);
          expect(r.amountUsd).toBe(r.amount);
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('streamed rewards (onRewards) are the report rows, in order, whatever the batch size', () => {
    fc.assert(
      fc.property(programArb, eventsArb, fc.integer({ min: 1, max: 7 }), fc.boolean(), (p, events, every, keepRewards) => {
        const e = eventSet(events);
        const whole = run(p, e);
        const streamed: RewardRow[] = [];
        const firsts: number[] = [];
        const r = run(p, e, {
          progressEvery: every,
          keepRewards,
          onRewards: (rows, first) => {
            firsts.push(first);
            expect(first).toBe(streamed.length);
            streamed.push(...rows);
          },
        });
        expect(streamed).toEqual(whole.rewards);
        expect(r.rewards).toEqual(keepRewards ? whole.rewards : []);
        expect(firsts.length).toBeLessThanOrEqual(Math.ceil(events.length / every) + 1);
        expect(serializeReport({ ...r, rewards: whole.rewards })).toBe(serializeReport(whole));
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});

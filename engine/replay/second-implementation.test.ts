/**
 * Where a second, independent implementation of ENGINE.md and FORMATS.md disagreed with this
 * one (issue 13): each case is the spec's answer, replayed end to end.
 */
import { describe, expect, it } from 'vitest';
import { customer, eventSet, program, run, sale, trigger } from '../test-helpers';
import { validateProgram } from '../validate';

describe('zone offsets after a lookup exactly on a DST transition', () => {
  it('a daily drip stays at 07:00 New York time across spring-forward', () => {
    const p = program({
      timeZone: 'America/New_York',
      triggers: [
        trigger('drip', {
          action: { type: 'drip', offer: { description: 'd', type: 'flat', amount: '1.00', currency: 'USD' }, drip: { delay: { count: 0, unit: 'day' }, cycle: { count: 1, unit: 'day' }, occurrences: 3 } },
        }),
      ],
    });
    const r = run(p, eventSet([customer('c1', 'ana', '2026-03-01T00:00:00Z'), sale('c1', '10.00', '2026-03-06T12:00:00Z')]));
    expect(r.rewards.map((x) => x.dueAt)).toEqual(['2026-03-06T12:00:00Z', '2026-03-07T12:00:00Z', '2026-03-08T11:00:00Z']);
  });
});

describe('object dates default to the event\'s at (FORMATS)', () => {
  it('partner.created in JSON without joinedAt joins at the event\'s at', () => {
    const p = program({
      triggers: [trigger('new-partner', { event: 'customer.created', rules: { all: [{ object: 'partnership', field: 'joined_days', op: 'less_than', value: 1 }] } })],
    });
    const e = eventSet([
      { id: 'p', type: 'partner.created', at: '2026-03-10T08:00:00Z', partner: { key: 'zoe' } },
      { id: 'c1', type: 'customer.created', at: '2026-03-10T20:00:00Z', customer: { key: 'c1', partnerKey: 'zoe' } },
      { id: 'c2', type: 'customer.created', at: '2026-03-11T00:00:00Z', customer: { key: 'c2', partnerKey: 'zoe' } },
    ]);
    const r = run(p, e);
    expect(r.rejected).toEqual([]);
    expect(r.rewards.map((x) => x.eventId)).toEqual(['c1']);
  });
});

describe('a lead\'s submitted date is fixed when it is first seen', () => {
  it.each([
    ['without submittedAt', {}],
    ['with a later submittedAt', { submittedAt: '2026-03-20T00:00:00Z' }],
  ])('a later lead event %s leaves submitted_date as first seen', (_label, later) => {
    const p = program({
      triggers: [
        trigger('early-lead', {
          event: 'lead.closed',
          rules: { all: [{ object: 'lead', field: 'submitted_date', op: 'before', value: '2026-03-05' }] },
        }),
      ],
    });
    const e = eventSet([
      { id: 'q', type: 'lead.qualified', at: '2026-03-01T10:00:00Z', lead: { key: 'l1', partnerKey: 'ana', stage: 'qualified' } },
      { id: 'w', type: 'lead.closed', at: '2026-03-10T10:00:00Z', lead: { key: 'l1', partnerKey: 'ana', stage: 'won', ...later } },
    ]);
    const r = run(p, e);
    expect(r.rewards.map((x) => x.eventId)).toEqual(['w']);
  });
});

describe('elapsed-day fields filter customer_count at the moment of the event (ENGINE 4)', () => {
  const cc = (filter: Record<string, unknown>, op: string, value: number) => ({
    all: [{ object: 'partnership', field: 'customer_count', op, value, filters: [{ object: 'customer', ...filter }] }],
  });

  it('signed_up_days: a customer stops counting once it is a week old', () => {
    const p = program({ triggers: [trigger('recent', { event: 'customer.created', rules: cc({ field: 'signed_up_days', op: 'less_than', value: 7 }, 'greater_than_or_equal_to', 2) })] });
    expect(validateProgram(p)).toEqual([]);
    const e = eventSet([customer('c1', 'ana', '2026-03-01T10:00:00Z'), customer('c2', 'ana', '2026-03-04T10:00:00Z'), customer('c3', 'ana', '2026-03-12T10:00:00Z')]);
    const r = run(p, e, { trace: true });
    // At c3 (Mar 12) c1 is 11 days old and c2 8: one recent customer, not three.
    expect(r.rewards.map((x) => x.eventId)).toEqual(['c-c2']);
    const actual = r.trace!.map((t) => (t.triggers[0]?.rules as { children: { actual: unknown; before: unknown }[] }).children[0]);
    expect(actual.map((a) => [a?.actual, a?.before])).toEqual([[1, 0], [2, 1], [1, 0]]);
  });

  it('first_purchase_days: before is the count without the current event (the first payment included)', () => {
    const p = program({ triggers: [trigger('fresh-payer', { rules: cc({ field: 'first_purchase_days', op: 'less_than', value: 2 }, 'becomes_greater_than', 0) })] });
    expect(validateProgram(p)).toEqual([]);
    const e = eventSet([
      customer('c1', 'ana', '2026-03-01T00:00:00Z'),
      customer('c2', 'ana', '2026-03-01T00:00:00Z'),
      sale('c1', '1.00', '2026-03-02T10:00:00Z', {}, { id: 's1' }),
      sale('c2', '1.00', '2026-03-05T10:00:00Z', {}, { id: 's2' }),
      sale('c2', '1.00', '2026-03-05T11:00:00Z', {}, { id: 's3' }),
      sale('c1', '1.00', '2026-03-05T12:00:00Z', {}, { id: 's4' }),
    ]);
    const r = run(p, e, { trace: true });
    expect(r.rewards.map((x) => x.eventId)).toEqual(['s1', 's2']);
    // The generated fast path agrees with the traced one.
    expect(run(p, e).rewards.map((x) => x.eventId)).toEqual(['s1', 's2']);
  });
});

describe('money stays exact past 2^53 minor units (ENGINE 2: no floating point in money)', () => {
  it('an aggregate sum past 2^53 cents is exact: eleven sales of 9,007,199,254,740.99 USD sum to an odd number of cents', () => {
    const p = program({
      triggers: [trigger('even', { rules: { all: [{ object: 'partnership', field: 'transaction_amount_sum', op: 'is_multiple_of', value: '0.02' }] } })],
    });
    const sales = Array.from({ length: 11 }, (_, i) => sale('c1', '9007199254740.99', `2026-02-0${(i % 9) + 1}T0${i % 10}:00:00Z`, {}, { id: `big${i + 1}` }));
    const e = eventSet([customer('c1'), ...sales.sort((a, b) => String(a.at).localeCompare(String(b.at)))]);
    // k sales sum to k × 900719925474099 cents: even exactly when k is even.
    const r = run(p, e, { trace: true });
    const evens = r.trace!.filter((t) => t.triggers[0]?.verdict === 'passed').map((t) => (t.triggers[0]!.rules as { children: { actual: string }[] }).children[0]!.actual);
    expect(evens).toEqual([2, 4, 6, 8, 10].map((k) => (BigInt(k) * 900719925474099n).toString().replace(/(\d\d)$/, '.$1')));
    expect(run(p, e).rewards).toHaveLength(5);
  });

  it('a 15-digit KWD amount with a 10% offer is exact', () => {
    const p = program({
      fxRates: { KWD: '3.25' },
      triggers: [trigger('pct', { action: { type: 'reward', offer: { description: 'p', type: 'percentage', percent: '10' } } })],
    });
    const r = run(p, eventSet([customer('c1'), sale('c1', '999999999999999', undefined, { currency: 'KWD' })]));
    expect(r.rewards.map((x) => [x.amount, x.amountUsd])).toEqual([['99999999999999.900', '324999999999999.68']]);
  });

  it('an FX rate of 999999999999999 converts exactly', () => {
    const p = program({
      fxRates: { EUR: '999999999999999' },
      triggers: [trigger('flat-eur', { action: { type: 'reward', offer: { description: 'f', type: 'flat', amount: '1.23', currency: 'EUR' } } })],
    });
    const r = run(p, eventSet([customer('c1'), sale('c1', '1.00')]));
    expect(r.rewards.map((x) => x.amountUsd)).toEqual(['1229999999999998.77']);
  });
});

import { describe, expect, it } from 'vitest';
import { customer, eventSet, program, run, sale, trigger } from '../test-helpers';

const drip = (d: Record<string, unknown>, offer: Record<string, unknown> = { description: 'drip', type: 'flat', amount: '10.00', currency: 'USD' }) => ({
  type: 'drip',
  offer,
  drip: d,
});

describe('drip rewards', () => {
  it('split puts the remainder minor units on the last occurrence', () => {
    const p = program({ triggers: [trigger('d', { action: drip({ delay: { count: 0, unit: 'day' }, cycle: { count: 1, unit: 'month' }, occurrences: 3, split: true }) })] });
    const r = run(p, eventSet([customer('c1', 'ana', '2026-01-01T00:00:00Z'), sale('c1', '1.00', '2026-01-31T10:00:00Z')]));
    expect(r.rewards.map((x) => [x.occurrence, x.amount, x.dueAt])).toEqual([
      [1, '3.33', '2026-01-31T10:00:00Z'],
      [2, '3.33', '2026-02-28T10:00:00Z'], // clamped to the month's end
      [3, '3.34', '2026-03-31T10:00:00Z'], // first due + 2 months in one step, not Feb 28 + 1 month
    ]);
  });

  it('without split each occurrence gets the amount; statuses follow as-of', () => {
    const p = program({ triggers: [trigger('d', { action: drip({ delay: { count: 30, unit: 'day' }, cycle: { count: 2, unit: 'week' }, occurrences: 3 }) })] });
    const e = eventSet([customer('c1', 'ana', '2025-12-01T00:00:00Z'), sale('c1', '1.00', '2026-01-01T00:00:00Z')]);
    const r = run(p, e, { asOf: '2026-02-14T00:00:00Z' });
    expect(r.rewards.map((x) => [x.kind, x.amount, x.dueAt, x.status, x.invoiceDate])).toEqual([
      ['drip', '10.00', '2026-01-31T00:00:00Z', 'pending', '2026-02-01'],
      ['drip', '10.00', '2026-02-14T00:00:00Z', 'pending', '2026-03-01'], // due exactly at as-of
      ['drip', '10.00', '2026-02-28T00:00:00Z', 'scheduled', '2026-03-01'],
    ]);
    expect(r.rewards.every((x) => x.earnedAt === '2026-01-01T00:00:00Z' && x.occurrences === 3)).toBe(true);
  });

  it('the default as-of is the last event’s moment', () => {
    const p = program({ triggers: [trigger('d', { action: drip({ delay: { count: 1, unit: 'day' }, occurrences: 1 }) })] });
    const r = run(p, eventSet([customer('c1', 'ana', '2025-12-01T00:00:00Z'), sale('c1', '1.00', '2026-01-01T00:00:00Z'), customer('c2', 'ana', '2026-01-02T00:00:00Z')]));
    expect(r.rewards[0]!.status).toBe('pending');
    const r2 = run(p, eventSet([customer('c1', 'ana', '2025-12-01T00:00:00Z'), sale('c1', '1.00', '2026-01-01T00:00:00Z')]));
    expect(r2.rewards[0]!.status).toBe('scheduled');
  });

  it('a split too small for every occurrence creates only the positive ones', () => {
    const p = program({ triggers: [trigger('d', { action: drip({ delay: { count: 0, unit: 'day' }, cycle: { count: 1, unit: 'day' }, occurrences: 4, split: true }, { description: 'x', type: 'flat', amount: '0.02', currency: 'USD' }) })] });
    const r = run(p, eventSet([customer('c1'), sale('c1', '1.00')]));
    expect(r.rewards.map((x) => [x.occurrence, x.amount])).toEqual([[4, '0.02']]);
  });

  it('monthly drips keep the local day of month in a non-UTC zone', () => {
    const p = program({ timeZone: 'America/New_York', triggers: [trigger('d', { action: drip({ delay: { count: 0, unit: 'day' }, cycle: { count: 1, unit: 'month' }, occurrences: 2 }) })] });
    // 2026-02-01T03:00Z is Jan 31, 22:00 in New York.
    const r = run(p, eventSet([customer('c1', 'ana', '2026-01-20T00:00:00Z'), sale('c1', '1.00', '2026-02-01T03:00:00Z')]));
    expect(r.rewards.map((x) => [x.dueAt, x.invoiceDate])).toEqual([
      ['2026-02-01T03:00:00Z', '2026-02-01'], // due in January locally
      ['2026-03-01T03:00:00Z', '2026-03-01'], // Feb 28, 22:00 local
    ]);
  });
});

describe('reward amounts, currencies and FX', () => {
  const fx = { EUR: '1.08', JPY: '0.0067', KWD: '3.25' };
  it.each([
    ['10% of a USD sale', { type: 'percentage', percent: '10' }, '100.05', 'USD', '10.01', 'USD', '10.01', '1'],
    ['12.5% of a JPY sale', { type: 'percentage', percent: '12.5' }, '1000', 'JPY', '125', 'JPY', '0.84', '0.0067'],
    ['10% of a KWD sale', { type: 'percentage', percent: '10' }, '12.345', 'KWD', '1.235', 'KWD', '4.01', '3.25'],
    ['flat EUR', { type: 'flat', amount: '5.00', currency: 'EUR' }, '1.00', 'USD', '5.00', 'EUR', '5.40', '1.08'],
    ['flat JPY', { type: 'flat', amount: '500', currency: 'JPY' }, '1.00', 'USD', '500', 'JPY', '3.35', '0.0067'],
  ])('%s', (_label, offer, saleAmount, saleCurrency, amount, currency, usd, rate) => {
    const p = program({ fxRates: fx, triggers: [trigger('r', { action: { type: 'reward', offer: { description: 'x', ...offer } } })] });
    const r = run(p, eventSet([customer('c1'), sale('c1', saleAmount, undefined, { currency: saleCurrency })]));
    expect(r.rewards.map((x) => [x.amount, x.currency, x.amountUsd, x.fxRate])).toEqual([[amount, currency, usd, rate]]);
  });

  it('zero and negative sales (refunds) count but never pay a percentage', () => {
    const p = program({
      triggers: [
        trigger('pct', { action: { type: 'reward', offer: { description: 'x', type: 'percentage', percent: '10' } } }),
        trigger('third-sale', { rules: { all: [{ object: 'partnership', field: 'transaction_count', op: 'equal_to', value: 3 }] } }),
      ],
    });
    const r = run(p, eventSet([customer('c1'), sale('c1', '0.00'), sale('c1', '-20.00'), sale('c1', '0.04')]), { trace: true });
    expect(r.rewards.map((x) => `${x.triggerId}=${x.amount}`)).toEqual(['third-sale=1.00']);
    const refund = r.trace!.find((t) => t.applied.includes('-20.00'))!;
    expect(refund.triggers[0]!.outcome).toContain('not positive');
  });

  it('transaction.amount rules compare USD after conversion', () => {
    const p = program({ fxRates: { EUR: '1.10' }, triggers: [trigger('big', { rules: { all: [{ object: 'transaction', field: 'amount', op: 'greater_than_or_equal_to', value: '110.00' }] } })] });
    const r = run(p, eventSet([customer('c1'), sale('c1', '100.00', undefined, { currency: 'EUR' }), sale('c1', '99.99', undefined, { currency: 'EUR' })]));
    expect(r.rewards).toHaveLength(1);
  });
});

describe('days and dates in the program zone', () => {
  it('day 0 ends at local midnight, not UTC midnight', () => {
    const p = program({
      timeZone: 'Asia/Tokyo',
      partners: [{ key: 'ana', name: 'Ana', group: 'bronze', tags: [], joinedAt: '2026-01-01T14:00:00Z' }], // 23:00 Jan 1 in Tokyo
      triggers: [trigger('first-day', { event: 'customer.created', rules: { all: [{ object: 'partnership', field: 'joined_days', op: 'less_than', value: 1 }] } })],
    });
    const r = run(p, eventSet([customer('a', 'ana', '2026-01-01T14:59:59Z'), customer('b', 'ana', '2026-01-01T15:00:00Z')]));
    expect(r.rewards.map((x) => x.eventId)).toEqual(['c-a']);
  });

  it.each([
    ['before', '2026-03-01', ['early']],
    ['before_or_exactly', '2026-03-01', ['early', 'midnight']],
    ['after', '2026-03-01', ['late']],
    ['after_or_exactly', '2026-03-01', ['midnight', 'late']],
  ])('transaction created_date %s 12am on %s (Paris)', (op, date, fired) => {
    const p = program({ timeZone: 'Europe/Paris', triggers: [trigger('t', { rules: { all: [{ object: 'transaction', field: 'created_date', op, value: date }] } })] });
    const r = run(
      p,
      eventSet([
        customer('c1', 'ana', '2026-01-01T00:00:00Z'),
        sale('c1', '1.00', '2026-02-28T22:59:59Z', {}, { id: 'early' }), // 23:59:59 Paris
        sale('c1', '1.00', '2026-02-28T23:00:00Z', {}, { id: 'midnight' }), // 00:00 Paris
        sale('c1', '1.00', '2026-02-28T23:00:01Z', {}, { id: 'late' }),
      ]),
    );
    expect(r.rewards.map((x) => x.eventId)).toEqual(fired);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultExample, labelEvery, previewArgs, timelineGeometry } from './drip-model';
import type { DripOccurrence } from '@engine/drip';
import type { DripSettings, Offer } from '@engine/formats/program-schema';

const drip: DripSettings = { delay: { count: 30, unit: 'day' }, cycle: { count: 1, unit: 'month' }, occurrences: 3, split: true };
const flat: Offer = { description: '$10 split', type: 'flat', amount: '10.00', currency: 'USD' };
const pct: Offer = { description: '10%', type: 'percentage', percent: '10' };

const occ = (n: number, dueAt: string, amountUsd: string, extra: Partial<DripOccurrence> = {}): DripOccurrence => ({
  occurrence: n, occurrences: 3, dueAt, amount: amountUsd, currency: 'USD', amountUsd, status: 'scheduled',
  invoiceDate: '', chargeDate: '', payoutDate: '', carriesRemainder: false, ...extra,
});

describe('drip preview args', () => {
  it('builds args for a flat offer without the example amount', () => {
    const r = previewArgs('p1', drip, flat, defaultExample('2026-02-01'), 'UTC');
    expect(r).toEqual({ args: { programId: 'p1', drip, offer: flat, exampleAt: '2026-02-01T12:00:00Z', asOf: '2026-02-01T12:00:00Z' } });
  });

  it('passes the example amount for a percentage offer', () => {
    const r = previewArgs('p1', drip, pct, { ...defaultExample('2026-02-01'), amount: ' 250.00 ', currency: 'EUR' }, 'UTC');
    expect(r).toMatchObject({ args: { exampleAmount: '250.00', exampleCurrency: 'EUR' } });
  });

  it('names the field at fault', () => {
    expect(previewArgs('p', drip, flat, { ...defaultExample('2026-02-01'), eventDate: '2026-02-30' }, 'UTC')).toMatchObject({ problem: { field: 'eventDate' } });
    expect(previewArgs('p', drip, flat, { ...defaultExample('2026-02-01'), asOfDate: '' }, 'UTC')).toMatchObject({ problem: { field: 'asOfDate' } });
    expect(previewArgs('p', drip, pct, { ...defaultExample('2026-02-01'), amount: '1.234' }, 'UTC')).toMatchObject({ problem: { field: 'amount' } });
  });

  it('places the example days at noon in the program time zone', () => {
    expect(previewArgs('p1', drip, flat, { ...defaultExample('2026-02-01'), asOfDate: '2026-07-01' }, 'America/New_York')).toMatchObject({
      args: { exampleAt: '2026-02-01T17:00:00Z', asOf: '2026-07-01T16:00:00Z' },
    });
  });
});

describe('drip timeline', () => {
  const list = [
    occ(1, '2026-03-03T12:00:00Z', '3.33', { status: 'pending' }),
    occ(2, '2026-04-03T12:00:00Z', '3.33'),
    occ(3, '2026-05-03T12:00:00Z', '3.34', { carriesRemainder: true }),
  ];

  it('places bars in time order within the chart and marks the remainder', () => {
    const g = timelineGeometry(list, '2026-02-01T12:00:00Z', '2026-03-10T12:00:00Z', 600, 200);
    const xs = g.bars.map((b) => b.x);
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[2]).toBeCloseTo(600 - 24);
    expect(g.eventX).toBeCloseTo(24);
    expect(g.asOfX).toBeGreaterThan(xs[0]!);
    expect(g.asOfX).toBeLessThan(xs[1]!);
    expect(g.bars[2]?.carriesRemainder).toBe(true);
    expect(g.bars[2]!.height).toBeGreaterThan(g.bars[0]!.height);
    expect(g.ticks.map((t) => t.label)).toEqual(['Mar ’26', 'Apr ’26', 'May ’26']);
  });

  it('handles an empty or same-day schedule', () => {
    expect(timelineGeometry([], '2026-02-01T12:00:00Z', null, 600, 200).bars).toEqual([]);
    const g = timelineGeometry([occ(1, '2026-02-01T12:00:00Z', '5.00')], '2026-02-01T12:00:00Z', null, 600, 200);
    expect(Number.isFinite(g.bars[0]!.x)).toBe(true);
  });

  it('thins labels when bars are crowded', () => {
    expect(labelEvery(12, 600)).toBe(1);
    expect(labelEvery(120, 600)).toBe(9);
  });
});

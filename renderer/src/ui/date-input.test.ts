import { describe, expect, it } from 'vitest';
import { dateOrder, formatDate, parseTypedDate } from './date-input';

describe('date input', () => {
  const us = dateOrder('en-US');
  const de = dateOrder('de-DE');
  it('reads the locale order', () => {
    expect(us).toEqual({ order: ['month', 'day', 'year'], separator: '/' });
    expect(de.order).toEqual(['day', 'month', 'year']);
  });
  it.each([
    ['01312026', us.order, '2026-01-31'],
    ['01/31/2026', us.order, '2026-01-31'],
    ['1/31/2026', us.order, '2026-01-31'],
    ['2026-01-31', us.order, '2026-01-31'],
    ['31012026', de.order, '2026-01-31'],
    ['31.01.2026', de.order, '2026-01-31'],
    ['02302026', us.order, null],
    ['13012026', us.order, null],
    ['0131202', us.order, null],
    ['12/01/312026', us.order, null],
    ['12/31/2026x', us.order, null],
    ['12312026x', us.order, null],
    ['x12/31/2026', us.order, null],
    ['12 31 2026', us.order, '2026-12-31'],
    ['12/31/20/26', us.order, null],
  ] as const)('%s → %s', (text, order, iso) => {
    expect(parseTypedDate(text, [...order])).toBe(iso);
  });
  it('shows an ISO date in the locale order', () => {
    expect(formatDate('2026-01-31', us.order, us.separator)).toBe('01/31/2026');
  });
});

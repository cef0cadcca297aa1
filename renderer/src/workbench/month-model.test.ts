import { describe, expect, it } from 'vitest';
import { addMonths, calendarWeeks, dayLabel, monthLabel, shortDayLabel, monthDayLabel, parseMonth, payoutDays } from './month-model';

describe('month model', () => {
  it('labels and parses', () => {
    expect(monthLabel('2026-02')).toBe('February 2026');
    expect(monthLabel('bad')).toBe('bad');
    expect(parseMonth('2026-13')).toBeNull();
  });

  it.each([
    ['2026-01', 1, '2026-02'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -14, '2025-01'],
  ])('%s + %i = %s', (m, n, out) => {
    expect(addMonths(m, n)).toBe(out);
  });

  it('puts the payout calendar in the next month', () => {
    expect(payoutDays('2026-12')).toEqual({ invoiceDate: '2027-01-01', chargeDate: '2027-01-08', payoutDate: '2027-01-13' });
    expect(dayLabel('2026-03-08')).toBe('Sun, Mar 8, 2026');
    expect(dayLabel('2027-02-13')).toBe('Sat, Feb 13, 2027');
    expect(shortDayLabel('2026-03-08')).toBe('Mar 8, 2026');
    expect(shortDayLabel('2027-12-31')).toBe('Dec 31, 2027');
    expect(monthDayLabel('2027-12-31')).toBe('Dec 31');
    expect(monthDayLabel('2026-03-08')).toBe('Mar 8');
  });

  it('lays out weeks Monday first', () => {
    const weeks = calendarWeeks('2026-03');
    expect(weeks[0]).toEqual([null, null, null, null, null, null, 1]);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(calendarWeeks('2027-02').length).toBe(4);
  });
});

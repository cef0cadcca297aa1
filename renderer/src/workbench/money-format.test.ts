import { describe, expect, it } from 'vitest';
import { amountProblem, compactUsd, diffUsd, displayAmount, displaySignedUsd, displayUsd, groupDigits, sumUsd } from './money-format';

describe('money-format', () => {
  it('sums USD exactly in minor units', () => {
    expect(sumUsd(['0.10', '0.20'])).toBe('0.30');
    expect(sumUsd(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00');
    expect(sumUsd([])).toBe('0.00');
    expect(sumUsd(['5.00', '-7.25'])).toBe('-2.25');
  });

  it('diffs two totals', () => {
    expect(diffUsd('10.00', '12.50')).toBe('2.50');
    expect(diffUsd('12.50', '10.00')).toBe('-2.50');
  });

  it.each([
    ['0', '0'],
    ['999.99', '999.99'],
    ['1000', '1,000'],
    ['1234567.50', '1,234,567.50'],
    ['-1234.5', '-1,234.5'],
  ])('groups digits of %s', (input, out) => {
    expect(groupDigits(input)).toBe(out);
  });

  it('displays amounts', () => {
    expect(displayUsd('1234.50')).toBe('$1,234.50');
    expect(displayUsd('-4.50')).toBe('-$4.50');
    expect(displayAmount('1250', 'JPY')).toBe('1,250 JPY');
    expect(displayAmount('5.00', 'USD')).toBe('$5.00');
    expect(displaySignedUsd('2.00')).toBe('+$2.00');
    expect(displaySignedUsd('-1.50')).toBe('-$1.50');
    expect(displaySignedUsd('0.00')).toBe('$0.00');
  });

  it('explains a bad example amount', () => {
    expect(amountProblem('10.00', 'USD')).toBeNull();
    expect(amountProblem('10.001', 'USD')).toMatch(/3 decimals but USD allows 2/);
    expect(amountProblem('abc', 'USD')).toMatch(/not a decimal/);
    expect(amountProblem('', 'USD')).toBe('Enter an amount');
    expect(amountProblem('1', 'XYZ')).toMatch(/not an ISO 4217/);
    expect(amountProblem('100', 'JPY')).toBeNull();
  });
});

describe('compactUsd', () => {
  it('writes axis amounts in a few characters', () => {
    expect([150_000, 2500.5, 50, 0, 1_200_000, -3000].map(compactUsd)).toEqual(['$150K', '$2.5K', '$50', '$0', '$1.2M', '-$3K']);
  });
});

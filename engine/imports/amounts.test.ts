import { describe, expect, it } from 'vitest';
import { fromEpochMs, fromEpochSeconds, partnerstackAmount, stripeAmount } from './amounts';

describe('import amounts (IMPORTS.md "Money" examples)', () => {
  it.each([
    [4900n, 'usd', { amount: '49.00', currency: 'USD' }],
    [4500n, 'jpy', { amount: '4500', currency: 'JPY' }],
    [12340n, 'kwd', { amount: '12.340', currency: 'KWD' }],
    [50000n, 'isk', { amount: '500', currency: 'ISK' }],
    [5000n, 'mga', { amount: '5000.00', currency: 'MGA' }],
    [-4900n, 'eur', { amount: '-49.00', currency: 'EUR' }],
    [50050n, 'isk', { skip: 'inexact_amount' }],
    [100n, 'xyz', { skip: 'unknown_currency' }],
  ] as const)('Stripe %s %s', (minor, cur, want) => {
    expect(stripeAmount(minor, cur)).toEqual(want);
  });

  it('PartnerStack uses the ISO exponent', () => {
    expect(partnerstackAmount(-2500n, 'USD')).toEqual({ amount: '-25.00', currency: 'USD' });
    expect(partnerstackAmount(4500n, 'JPY')).toEqual({ amount: '4500', currency: 'JPY' });
    expect(partnerstackAmount(12340n, 'KWD')).toEqual({ amount: '12.340', currency: 'KWD' });
  });

  it('epoch seconds and milliseconds become UTC instants, .sss only when not zero', () => {
    expect(fromEpochSeconds(1767225600)).toBe('2026-01-01T00:00:00Z');
    expect(fromEpochMs(1767225600000)).toBe('2026-01-01T00:00:00Z');
    expect(fromEpochMs(1767225600123)).toBe('2026-01-01T00:00:00.123Z');
  });
});

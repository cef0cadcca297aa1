import { describe, expect, it } from 'vitest';
import { canonicalDecimal, divRoundHalfAway, formatMinor, parseDecimal, parseMinor, percentOf, toUsdMinor } from './money';

const d = (s: string) => parseDecimal(s)!;

describe('parseMinor', () => {
  it.each([
    ['12.34', 'USD', 1234],
    ['12', 'USD', 1200],
    ['-4.5', 'USD', -450],
    ['124', 'JPY', 124],
    ['1.250', 'KWD', 1250],
    ['0.001', 'KWD', 1],
    ['0', 'USD', 0],
  ])('%s %s → %d minor units', (text, cur, minor) => {
    expect(parseMinor(text, cur)).toBe(minor);
  });
  it.each([
    ['1.234', 'USD', '3 decimals but USD allows 2'],
    ['1.5', 'JPY', '1 decimals but JPY allows 0'],
    ['1.0001', 'KWD', '4 decimals but KWD allows 3'],
    ['abc', 'USD', 'not a decimal'],
    ['1e3', 'USD', 'not a decimal'],
  ])('refuses %s %s', (text, cur, msg) => {
    expect(String(parseMinor(text, cur))).toContain(msg);
  });
});

describe('formatMinor', () => {
  it.each([
    [450, 'USD', '4.50'],
    [124, 'JPY', '124'],
    [1250, 'KWD', '1.250'],
    [5, 'USD', '0.05'],
    [-5, 'USD', '-0.05'],
  ])('%d %s → %s', (minor, cur, text) => expect(formatMinor(minor, cur)).toBe(text));
});

describe('rounding half away from zero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [7n, 2n, 4n],
    [1n, 3n, 0n],
    [3n, 2n, 2n],
  ])('%d / %d → %d', (n, den, q) => expect(divRoundHalfAway(n, den)).toBe(q));

  it('percentages round half away from zero to the minor unit', () => {
    expect(percentOf(1005, d('10'))).toBe(101); // 100.5 cents → 101
    expect(percentOf(1004, d('10'))).toBe(100); // 100.4 → 100
    expect(percentOf(-1005, d('10'))).toBe(-101);
    expect(percentOf(333, d('12.5'))).toBe(42); // 41.625 → 42
    expect(percentOf(125, d('2'))).toBe(3); // JPY 2.5 → 3
  });

  it('converts to USD at the rate, rounding half away from zero', () => {
    expect(toUsdMinor(1000, 'EUR', d('1.08'))).toBe(1080);
    expect(toUsdMinor(1, 'EUR', d('1.5'))).toBe(2); // 1.5 cents → 2
    expect(toUsdMinor(-1, 'EUR', d('1.5'))).toBe(-2);
    expect(toUsdMinor(124, 'JPY', d('0.0067'))).toBe(83); // 0.8308 USD
    expect(toUsdMinor(1250, 'KWD', d('3.25'))).toBe(406); // 4.0625 USD → 4.06
    expect(toUsdMinor(1255, 'KWD', d('2'))).toBe(251); // 2.51 USD exactly
  });

  it('the number fast path of conversion agrees with exact BigInt arithmetic', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('EUR', 'JPY', 'KWD'), fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 8 }), (minor, cur, units, scale) => {
        const rate = { units: BigInt(units), scale };
        const exact = Number(divRoundHalfAway(BigInt(minor) * rate.units * 100n, 10n ** BigInt(({ EUR: 2, JPY: 0, KWD: 3 } as Record<string, number>)[cur]! + scale)));
        expect(toUsdMinor(minor, cur, rate)).toBe(exact);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('the number fast path of percentages agrees with exact BigInt arithmetic', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1_999_999_999 }), fc.integer({ min: 0, max: 16 }), (minor, units, scale) => {
        const percent = { units: BigInt(units), scale };
        const exact = Number(divRoundHalfAway(BigInt(minor) * percent.units, 100n * 10n ** BigInt(scale)));
        expect(percentOf(minor, percent)).toBe(exact);
      }),
      { numRuns: 5000, seed: 8 },
    );
    expect(percentOf(1, { units: 5n, scale: 1 })).toBe(0); // 0.005 → 0
    expect(percentOf(10, { units: 5n, scale: 0 })).toBe(1); // 0.5 → 1
    expect(percentOf(-10, { units: 5n, scale: 0 })).toBe(-1);
  });

  it('canonical decimals drop trailing zeros', () => {
    expect(canonicalDecimal(d('1.080'))).toBe('1.08');
    expect(canonicalDecimal(d('1.0'))).toBe('1');
    expect(canonicalDecimal(d('0.0067'))).toBe('0.0067');
  });
});

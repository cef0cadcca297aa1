import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMinor, canonicalDecimal, divRoundHalfAway, formatMinor, minorOf, parseDecimal, parseMinor, parseMinorExact, percentOf, toUsdMinor, type Minor } from './money';

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
        const exact = minorOf(divRoundHalfAway(BigInt(minor) * rate.units * 100n, 10n ** BigInt(({ EUR: 2, JPY: 0, KWD: 3 } as Record<string, number>)[cur]! + scale)));
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
        const exact = minorOf(divRoundHalfAway(BigInt(minor) * percent.units, 100n * 10n ** BigInt(scale)));
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

/** Huge amounts and rates (issue 13): every fast Number path must agree with BigInt arithmetic. */
describe('money past 2^53 minor units', () => {
  const EXP: Record<string, number> = { USD: 2, JPY: 0, KWD: 3 };
  /** Amounts as text: short ones (the fast parser's), up to 15 characters, and far longer. */
  const amountText = fc
    .tuple(fc.boolean(), fc.stringMatching(/^[1-9]\d{0,29}$/), fc.constantFrom('USD', 'JPY', 'KWD'), fc.integer({ min: 0, max: 3 }))
    .map(([neg, digits, cur, frac]) => {
      const f = Math.min(frac, EXP[cur]!, digits.length - 1);
      const text = f === 0 ? digits : `${digits.slice(0, -f)}.${digits.slice(-f)}`;
      return { text: neg ? `-${text}` : text, cur, units: (neg ? -1n : 1n) * BigInt(digits), scale: f };
    });
  const huge = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(minorOf);
  const near53 = fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }).map(minorOf);
  const minorArb = fc.oneof(huge, near53, fc.integer({ min: -1e12, max: 1e12 }));
  const rateArb = fc.record({ units: fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 999_999_999n })), scale: fc.integer({ min: 0, max: 12 }) });

  it('parses any decimal exactly, a BigInt only past 2^53 − 1', () => {
    fc.assert(
      fc.property(amountText, ({ text, cur, units, scale }) => {
        const exact = units * 10n ** BigInt(EXP[cur]! - scale);
        const v = parseMinorExact(text, cur);
        expect(v).toBe(minorOf(exact));
        expect(typeof v === 'bigint').toBe(exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < -BigInt(Number.MAX_SAFE_INTEGER));
        expect(parseMinor(text, cur)).toBe(typeof v === 'bigint' ? `"${text}" is too large` : v);
        expect(formatMinor(v as Minor, cur)).toBe(formatScaledRef(exact, EXP[cur]!));
      }),
      { numRuns: 3000, seed: 13 },
    );
    expect(parseMinorExact('999999999999999', 'KWD')).toBe(999999999999999000n);
  });

  it('converts and takes percentages exactly for huge amounts and rates', () => {
    fc.assert(
      fc.property(minorArb, fc.constantFrom('EUR', 'JPY', 'KWD'), rateArb, (minor, cur, rate) => {
        const e = ({ EUR: 2, JPY: 0, KWD: 3 } as Record<string, number>)[cur]!;
        expect(toUsdMinor(minor, cur, rate)).toBe(minorOf(divRoundHalfAway(BigInt(minor) * rate.units * 100n, 10n ** BigInt(e + rate.scale))));
        expect(percentOf(minor, rate)).toBe(minorOf(divRoundHalfAway(BigInt(minor) * rate.units, 100n * 10n ** BigInt(rate.scale))));
      }),
      { numRuns: 3000, seed: 53 },
    );
  });

  it('adds exactly, in Numbers only while the sum is safe', () => {
    fc.assert(
      fc.property(fc.array(minorArb, { maxLength: 30 }), (xs) => {
        let sum: Minor = 0;
        for (const x of xs) sum = addMinor(sum, x);
        expect(sum).toBe(minorOf(xs.reduce<bigint>((s, x) => s + BigInt(x), 0n)));
      }),
      { numRuns: 2000, seed: 54 },
    );
  });
});

/** The reference formatting: sign, integer part, exactly `exp` decimals. */
function formatScaledRef(units: bigint, exp: number): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(exp + 1, '0');
  const body = exp === 0 ? digits : `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
  return neg ? `-${body}` : body;
}

/**
 * Exact money: decimal strings parsed into integer minor units of their currency (ISO 4217
 * exponent), conversions and percentages rounded half away from zero. No floating point is
 * used for money: minor units are safe integers (Numbers) or, past 2^53, BigInts (`Minor`), and
 * every fast Number path proves that its operands and result are exact before it is taken.
 */

/** ISO 4217 codes with their minor-unit exponent (active codes; 2 unless listed otherwise). */
const EXPONENT_OVERRIDES: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const TWO_DECIMAL_CODES =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
  'GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL ' +
  'MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK ' +
  'PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS ' +
  'TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';

const EXPONENTS: ReadonlyMap<string, number> = new Map<string, number>([
  ...TWO_DECIMAL_CODES.split(' ').map((c): [string, number] => [c, 2]),
  ...Object.entries(EXPONENT_OVERRIDES),
]);

/** The ledger currency (seed: rewards are converted to USD at the spot rate before payout). */
export const LEDGER_CURRENCY = 'USD';

export function isCurrencyCode(code: string): boolean {
  return EXPONENTS.has(code);
}

/** Minor-unit exponent of an ISO 4217 code; throws for an unknown code (validate first). */
export function exponentOf(code: string): number {
  const e = EXPONENTS.get(code);
  if (e === undefined) throw new Error(`unknown currency ${code}`);
  return e;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A parsed decimal: value = units / 10^scale, exactly. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** Parses a plain decimal string ("12", "-4.50"); null when it is not one. */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  const units = BigInt((m[2] ?? '0') + frac);
  return { units: m[1] ? -units : units, scale: frac.length };
}

/** Normalises a JSON number or string to a decimal string; null for non-finite or exotic forms. */
export function decimalText(value: string | number): string | null {
  if (typeof value === 'string') return DECIMAL.test(value) ? value : null;
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return DECIMAL.test(text) ? text : null;
}

/**
 * An exact amount in minor units: a Number while it is a safe integer, a BigInt beyond
 * ±(2^53 − 1) and only then (see `minorOf`), so `typeof` tells which arithmetic applies.
 * Comparisons with a Number threshold (`<`, `>`, `===`) are exact either way.
 */
export type Minor = number | bigint;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);

/** The canonical `Minor` of an exact BigInt: a Number when it is safe. */
export function minorOf(v: bigint): Minor {
  return v <= MAX_SAFE_BIG && v >= -MAX_SAFE_BIG ? Number(v) : v;
}

/** `a + b`, exactly: Numbers while the sum is provably safe, BigInt otherwise. */
export function addMinor(a: Minor, b: Minor): Minor {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    // Both safe and the sum within ±2^53: the Number sum is the exact sum.
    if (s <= MAX_SAFE && s >= -MAX_SAFE) return s;
  }
  return minorOf(BigInt(a) + BigInt(b));
}

/**
 * Parses an amount into exact minor units of `currency` (a BigInt past 2^53). Returns an error
 * message when the text is not a decimal or has more decimals than the currency allows.
 */
export function parseMinorExact(text: string, currency: string): Minor | string {
  const exp = exponentOf(currency);
  const fast = parseMinorFast(text, exp);
  if (fast !== null) return fast;
  const d = parseDecimal(text);
  if (!d) return `"${text}" is not a decimal amount`;
  if (d.scale > exp) {
    return `"${text}" has ${d.scale} decimals but ${currency} allows ${exp}`;
  }
  return minorOf(d.units * 10n ** BigInt(exp - d.scale));
}

/**
 * Parses an amount into minor units of `currency` as a safe Number (for values the app keeps
 * as Numbers: rule thresholds, stored totals); "too large" past 2^53 − 1 minor units.
 */
export function parseMinor(text: string, currency: string): number | string {
  const v = parseMinorExact(text, currency);
  return typeof v === 'bigint' ? `"${text}" is too large` : v;
}

/**
 * Plain `-?digits(.digits)?` of at most 15 characters, without regex or BigInt. At most 15
 * digits are below 10^15 < 2^53, and the scaled result is checked to be safe: anything else is
 * left to the exact path (null).
 */
function parseMinorFast(text: string, exp: number): number | null {
  const n = text.length;
  if (n === 0 || n > 15) return null;
  let i = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const neg = i === 1;
  let v = 0;
  let seenDigit = false;
  let scale = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (scale !== -1 || !seenDigit) return null;
      scale = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
    seenDigit = true;
    if (scale !== -1) scale++;
  }
  if (!seenDigit || scale === 0 || scale > exp) return null;
  const s = scale === -1 ? 0 : scale;
  const minor = v * 10 ** (exp - s);
  // v < 10^15 and 10^(exp − s) are exact; their product is exact when it is a safe integer.
  if (minor > MAX_SAFE) return null;
  return neg ? -minor : minor;
}

/** Formats minor units with exactly the currency's decimals ("4.50", "124", "1.250"). */
export function formatMinor(minor: Minor, currency: string): string {
  const exp = exponentOf(currency);
  if (exp === 2 && typeof minor === 'number' && Number.isSafeInteger(minor)) {
    const abs = minor < 0 ? -minor : minor;
    const cents = abs % 100;
    const body = `${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
    return minor < 0 ? `-${body}` : body;
  }
  return formatScaled(BigInt(minor), exp);
}

export function formatScaled(units: bigint, scale: number): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${body}` : body;
}

/** Canonical text of a decimal: no trailing zeros after the point ("1.080" → "1.08", "1.0" → "1"). */
export function canonicalDecimal(d: Decimal): string {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return formatScaled(units, scale);
}

/** n / d rounded half away from zero (d > 0). */
export function divRoundHalfAway(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (a * 2n + d) / (2n * d);
  return neg ? -q : q;
}

/**
 * `minor × units × multiplier / 10^exp` rounded half away from zero, in Numbers when every
 * operand and the product are provably exact integers below 2^53; null when they may not be
 * (the caller then uses BigInt). `minor × units` is checked before `× multiplier`: a Number
 * product that is not safe may already be rounded, so only a safe result proves exactness.
 */
function fastScaled(minor: Minor, units: bigint, multiplier: number, exp: number): number | null {
  if (typeof minor !== 'number' || units >= 1_000_000_000n || units <= -1_000_000_000n || exp > 15) return null;
  const first = minor * Number(units);
  if (first > MAX_SAFE || first < -MAX_SAFE) return null;
  const num = first * multiplier;
  if (num > MAX_SAFE || num < -MAX_SAFE) return null;
  const den = 10 ** exp;
  const q = Math.floor(Math.abs(num) / den);
  const r = Math.abs(num) - q * den;
  const rounded = r * 2 >= den ? q + 1 : q;
  return num < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Converts minor units of `from` into minor units of USD at `rate` (USD per one unit). */
export function toUsdMinor(minor: Minor, from: string, rate: Decimal): Minor {
  const expFrom = exponentOf(from);
  const fast = fastScaled(minor, rate.units, 100, expFrom + rate.scale);
  if (fast !== null) return fast;
  // usd = minor / 10^expFrom * rate.units / 10^rate.scale, in cents (× 10^2)
  const num = BigInt(minor) * rate.units * 100n;
  const den = 10n ** BigInt(expFrom + rate.scale);
  return minorOf(divRoundHalfAway(num, den));
}

/** `percent` % of `minor`, rounded half away from zero to the minor unit. */
export function percentOf(minor: Minor, percent: Decimal): Minor {
  const fast = fastScaled(minor, percent.units, 1, percent.scale + 2);
  if (fast !== null) return fast;
  const num = BigInt(minor) * percent.units;
  const den = 100n * 10n ** BigInt(percent.scale);
  return minorOf(divRoundHalfAway(num, den));
}

/** Compares two decimal strings by value; null when either is not a decimal. */
export function decimalsEqual(a: string, b: string): boolean | null {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) return null;
  const s = Math.max(x.scale, y.scale);
  return x.units * 10n ** BigInt(s - x.scale) === y.units * 10n ** BigInt(s - y.scale);
}

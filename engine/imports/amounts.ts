/**
 * The money and time rules the importers share (IMPORTS.md "Money", "Instants"): source minor
 * units decoded with the source's exponent and written with the currency's ISO 4217 exponent,
 * and epoch seconds / milliseconds written as replay-report instants.
 */
import { exponentOf, formatScaled, isCurrencyCode } from '../money';
import { formatInstant } from '../time';

/** Currencies Stripe keeps without decimals (its "zero-decimal currencies"). */
const STRIPE_ZERO = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
/** Currencies Stripe keeps with three decimals. */
const STRIPE_THREE = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** The exponent Stripe's integer amounts use for a currency (ISK stays two-decimal there). */
export function stripeExponent(code: string): number {
  return STRIPE_ZERO.has(code) ? 0 : STRIPE_THREE.has(code) ? 3 : 2;
}

/** Why an amount cannot be imported (an IMPORTS.md skip reason). */
export type AmountSkip = 'unknown_currency' | 'inexact_amount';

/**
 * Decodes `minor` (an integer in the source's minor units, `sourceExponent` decimals) of
 * `currency` (any case) into the decimal string Offerflow writes: exactly the ISO 4217 number
 * of decimals. A value with more significant decimals than ISO allows is `inexact_amount`.
 */
export function importAmount(minor: bigint, currency: string, sourceExponent: number): { amount: string; currency: string } | { skip: AmountSkip } {
  const code = currency.toUpperCase();
  if (!isCurrencyCode(code)) return { skip: 'unknown_currency' };
  const iso = exponentOf(code);
  let units: bigint;
  if (iso >= sourceExponent) units = minor * 10n ** BigInt(iso - sourceExponent);
  else {
    const div = 10n ** BigInt(sourceExponent - iso);
    if (minor % div !== 0n) return { skip: 'inexact_amount' };
    units = minor / div;
  }
  return { amount: formatScaled(units, iso), currency: code };
}

/** A Stripe amount (`4900`, `"usd"`) as Offerflow writes it. */
export function stripeAmount(minor: bigint, currency: string): ReturnType<typeof importAmount> {
  const code = currency.toUpperCase();
  return importAmount(minor, code, isCurrencyCode(code) ? stripeExponent(code) : 2);
}

/** A PartnerStack amount: its minor units are the ISO 4217 ones (UNVERIFIED for zero-decimal). */
export function partnerstackAmount(minor: bigint, currency: string): ReturnType<typeof importAmount> {
  const code = currency.toUpperCase();
  return importAmount(minor, code, isCurrencyCode(code) ? exponentOf(code) : 2);
}

/** Epoch seconds (Stripe) as an instant, `.sss` only when the milliseconds are not zero. */
export function fromEpochSeconds(s: number): string {
  return formatInstant(s * 1000);
}

/** Epoch milliseconds (PartnerStack) as an instant. */
export function fromEpochMs(ms: number): string {
  return formatInstant(ms);
}

/**
 * Money as the workbench shows it. Amounts stay decimal strings from the service; sums are
 * done in integer minor units (engine/money.ts), never in floating point.
 */
import { formatMinor, isCurrencyCode, parseMinor } from '@engine/money';

/** Minor units of a USD decimal string; 0 for text that is not one (never a float). */
export function usdMinor(amount: string): number {
  const m = parseMinor(amount, 'USD');
  return typeof m === 'number' ? m : 0;
}

/** Exact sum of USD decimal strings, as a USD decimal string ("12.50"). */
export function sumUsd(amounts: Iterable<string>): string {
  let total = 0;
  for (const a of amounts) total += usdMinor(a);
  return formatMinor(total, 'USD');
}

/** Difference `after − before` of two USD decimal strings. */
export function diffUsd(before: string, after: string): string {
  return formatMinor(usdMinor(after) - usdMinor(before), 'USD');
}

/** Thousands separators on the integer part of a decimal string ("1234567.50" → "1,234,567.50"). */
export function groupDigits(decimal: string): string {
  const neg = decimal.startsWith('-');
  const body = neg ? decimal.slice(1) : decimal;
  const [int = '0', frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** "$1,234.50", "-$4.50". */
export function displayUsd(amount: string): string {
  const neg = amount.startsWith('-');
  return `${neg ? '-' : ''}$${groupDigits(neg ? amount.slice(1) : amount)}`;
}

/** A decimal in any currency: USD as "$4.50", others as "1,250 JPY". */
export function displayAmount(amount: string, currency: string): string {
  return currency === 'USD' ? displayUsd(amount) : `${groupDigits(amount)} ${currency}`;
}

/** Signed USD for deltas: "+$2.00", "-$1.50", "$0.00". */
export function displaySignedUsd(amount: string): string {
  if (usdMinor(amount) === 0) return displayUsd('0.00');
  return amount.startsWith('-') ? displayUsd(amount) : `+${displayUsd(amount)}`;
}

/**
 * Checks an example amount typed by the user: null when valid, else a message a person can act on.
 */
export function amountProblem(amount: string, currency: string): string | null {
  if (!isCurrencyCode(currency)) return `${currency || 'The currency'} is not an ISO 4217 code`;
  if (amount.trim() === '') return 'Enter an amount';
  const m = parseMinor(amount.trim(), currency);
  if (typeof m === 'string') return m.replace(/^"(.*)" /, '$1 ');
  return null;
}

const COMPACT_USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** Dollars in a few characters for a chart's axis: "$150K", "$2.5K", "$1.2M", "$50". */
export function compactUsd(dollars: number): string {
  return COMPACT_USD.format(dollars);
}

/** zod primitives shared by every file format: keys, instants, dates, decimals, currencies. */
import { z } from 'zod';
import { decimalText, isCurrencyCode, parseDecimal } from '../money';
import { isDate, isTimeZone, parseInstant } from '../time';

export const Key = z.string().min(1, 'must not be empty').max(200, 'is longer than 200 characters');
export const Name = z.string().max(500, 'is longer than 500 characters');

export const Instant = z
  .string()
  .refine((s) => parseInstant(s) !== null, { error: 'is not an ISO-8601 instant with Z or an offset (e.g. 2026-02-01T09:00:00Z)' });

export const DateOnly = z.string().refine(isDate, { error: 'is not a YYYY-MM-DD date' });

export const CurrencyCode = z.string().refine(isCurrencyCode, { error: 'is not an ISO 4217 currency code' });

export const TimeZoneId = z.string().refine(isTimeZone, { error: 'is not an IANA time zone (e.g. Europe/Paris)' });

/** A decimal as a string or a JSON number; normalised to its string form. */
export const DecimalValue = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const text = decimalText(v);
  if (text === null) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} is not a decimal number` });
    return z.NEVER;
  }
  return text;
});

export const PositiveDecimal = DecimalValue.refine((t) => (parseDecimal(t)?.units ?? 0n) > 0n, { error: 'must be greater than 0' });

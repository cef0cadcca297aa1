/**
 * Typed reads of source fields. A field that must be an integer (an amount, an epoch timestamp)
 * and is something else is invalid input naming its path; an absent or null field is `null`.
 */
import { fail, isObj, type Obj, type Place } from './input';

/** One source item: its object and where it came from. */
export interface Item extends Place {
  readonly o: Obj;
}

/** A non-empty string field (numbers are read as their text, since keys are sometimes numeric). */
export function text(o: Obj, key: string): string | null {
  const v = o[key];
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** A key field that may also be an expanded object carrying the key (`{ key }` or `{ id }`). */
export function keyOf(o: Obj, key: string, inner: 'key' | 'id' = 'key'): string | null {
  const v = o[key];
  if (isObj(v)) return text(v, inner);
  return text(o, key);
}

/** An integer field; null when absent or null; anything else is invalid input. */
export function int(item: Item, key: string, what = 'an integer'): number | null {
  const v = item.o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  return fail(item, `must be ${what}, not ${JSON.stringify(v)}`, key);
}

/** An integer amount in minor units as a bigint (amounts beyond 2^53 arrive as numbers too). */
export function minorUnits(item: Item, key: string): bigint | null {
  const v = item.o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  return fail(item, `must be an integer amount in minor units, not ${JSON.stringify(v)}`, key);
}

/** A boolean flag that is true only when the source says `true`. */
export function flag(o: Obj, key: string): boolean {
  return o[key] === true;
}

/** The object at `key` when it is one, else null. */
export function objAt(o: Obj, key: string): Obj | null {
  const v = o[key];
  return isObj(v) ? v : null;
}

/** Deep equality of two decoded JSON values (to tell a true duplicate from a conflict). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}

/**
 * Operator semantics (ENGINE.md §4) as predicates over a read value. A missing value (`null`)
 * fails every operator except `is_empty`, `not_equal_to` and `is_not_in`, which pass.
 */
import type { Operator } from '../catalogue';
import type { Minor } from '../money';
import type { Scalar } from './fields';

export type Predicate = (v: Scalar) => boolean;

/** A number or an exact amount past 2^53 (comparisons with a Number threshold are exact for both). */
const isNum = (v: Scalar): v is Minor => typeof v === 'number' || typeof v === 'bigint';

/** `v` is a non-zero multiple of `x` (x a whole number ≥ 1), exactly. */
function multipleOf(v: Minor, x: number): boolean {
  return typeof v === 'bigint' ? v % BigInt(x) === 0n : v !== 0 && v % x === 0;
}

/** Numbers: elapsed days, counts, cents, epoch ms (dates compare against 00:00 of the day). */
export function numberPredicate(op: Operator, x: number): Predicate {
  switch (op) {
    case 'equal_to':
      return (v) => isNum(v) && v === x;
    case 'not_equal_to':
      return (v) => !isNum(v) || v !== x;
    case 'greater_than':
    case 'becomes_greater_than':
    case 'after':
      return (v) => isNum(v) && v > x;
    case 'greater_than_or_equal_to':
    case 'reaches_or_exceeds':
    case 'more_than_or_exactly':
    case 'after_or_exactly':
      return (v) => isNum(v) && v >= x;
    case 'less_than':
    case 'before':
      return (v) => isNum(v) && v < x;
    case 'less_than_or_equal_to':
    case 'before_or_exactly':
      return (v) => isNum(v) && v <= x;
    case 'is_empty':
      return (v) => v === null;
    case 'is_not_empty':
      return (v) => v !== null;
    case 'is_multiple_of':
      return (v) => isNum(v) && multipleOf(v, x);
    default:
      throw new Error(`operator ${op} does not apply to numbers`);
  }
}

/** Single strings (group, tier, keys, stages, currency). Empty text counts as empty. */
export function stringPredicate(op: Operator, value: unknown): Predicate {
  const one = typeof value === 'string' ? value : '';
  const set = new Set(Array.isArray(value) ? (value as string[]) : []);
  const has = (v: Scalar): v is string => typeof v === 'string' && v !== '';
  switch (op) {
    case 'equal_to':
      return (v) => has(v) && v === one;
    case 'not_equal_to':
      return (v) => !has(v) || v !== one;
    case 'is_empty':
      return (v) => !has(v);
    case 'is_not_empty':
      return (v) => has(v);
    case 'is_in':
      return (v) => has(v) && set.has(v);
    case 'is_not_in':
      return (v) => !has(v) || !set.has(v);
    default:
      throw new Error(`operator ${op} does not apply to text`);
  }
}

/** Tags are a set: equal_to X ⇔ has X; is_in L ⇔ has any of L; is_empty ⇔ no tags. */
export function tagsPredicate(op: Operator, value: unknown): Predicate {
  const one = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? (value as string[]) : [];
  const tags = (v: Scalar): readonly string[] => (Array.isArray(v) ? (v as readonly string[]) : []);
  switch (op) {
    case 'equal_to':
      return (v) => tags(v).includes(one);
    case 'not_equal_to':
      return (v) => !tags(v).includes(one);
    case 'is_empty':
      return (v) => tags(v).length === 0;
    case 'is_not_empty':
      return (v) => tags(v).length > 0;
    case 'is_in':
      return (v) => tags(v).some((t) => list.includes(t));
    case 'is_not_in':
      return (v) => !tags(v).some((t) => list.includes(t));
    default:
      throw new Error(`operator ${op} does not apply to tags`);
  }
}

export function booleanPredicate(op: Operator, value: unknown): Predicate {
  if (op !== 'is') throw new Error(`operator ${op} does not apply to booleans`);
  return (v) => typeof v === 'boolean' && v === value;
}

/**
 * Aggregates compare `after` (the value including the current event); `becomes_greater_than`
 * and `reaches_or_exceeds` look at the crossing from `before`; emptiness is "no object counted".
 */
export function aggregatePredicate(op: Operator, x: number): (after: Minor, before: Minor, count: number) => boolean {
  switch (op) {
    case 'becomes_greater_than':
      return (a, b) => b <= x && x < a;
    case 'reaches_or_exceeds':
      return (a, b) => b < x && x <= a;
    case 'is_empty':
      return (_a, _b, n) => n === 0;
    case 'is_not_empty':
      return (_a, _b, n) => n > 0;
    case 'is_multiple_of':
      return (a) => multipleOf(a, x);
    default: {
      const p = numberPredicate(op, x);
      return (a) => p(a);
    }
  }
}

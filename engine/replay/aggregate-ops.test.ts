/**
 * Every aggregate operator at its boundaries, on partner and customer slots, counts and sums:
 * the generated fast path and the traced path must both give the semantics of ENGINE.md
 * (after = value including this event, before = value before it).
 */
import { describe, expect, it } from 'vitest';
import { customer, eventSet, program, run, sale, trigger } from '../test-helpers';

/** Five sales of 1.00 by one customer: after = 1…5 (count) or 1.00…5.00 (sum), before = after − 1. */
const SALES = 5;
const CASES: [op: string, value: number, expected: (after: number, before: number) => boolean][] = [
  ['becomes_greater_than', 2, (a, b) => b <= 2 && 2 < a],
  ['reaches_or_exceeds', 2, (a, b) => b < 2 && 2 <= a],
  ['is_multiple_of', 2, (a) => a !== 0 && a % 2 === 0],
  ['greater_than', 2, (a) => a > 2],
  ['greater_than_or_equal_to', 2, (a) => a >= 2],
  ['less_than', 2, (a) => a < 2],
  ['less_than_or_equal_to', 2, (a) => a <= 2],
  ['equal_to', 2, (a) => a === 2],
  ['not_equal_to', 2, (a) => a !== 2],
  ['is_not_empty', 0, (a) => a > 0],
  ['is_empty', 0, (a) => a === 0],
];

describe('aggregate operators at their boundaries', () => {
  for (const object of ['partnership', 'customer'] as const) {
    for (const field of ['transaction_count', 'transaction_amount_sum'] as const) {
      it.each(CASES)(`${object}.${field} %s %s`, (op, value, expected) => {
        const sum = field === 'transaction_amount_sum';
        const rule = { object, field, op, ...(op.startsWith('is_') && op !== 'is_multiple_of' ? {} : { value: sum ? `${value}.00` : value }) };
        const p = program({ triggers: [trigger('t', { rules: { all: [rule] } })] });
        const e = eventSet([customer('c1'), ...Array.from({ length: SALES }, () => sale('c1', '1.00'))]);
        const want = Array.from({ length: SALES }, (_, k) => k + 1)
          .filter((after) => expected(after, after - 1))
          .map((after) => e.events[after]!.id);
        const fast = run(p, e).rewards.map((r) => r.eventId);
        const traced = run(p, e, { trace: true }).rewards.map((r) => r.eventId);
        expect(fast).toEqual(want);
        expect(traced).toEqual(want);
      });
    }
  }

  it.each(CASES)('an aggregate whose filters match nothing stays 0: partnership.transaction_count %s %s', (op, value, expected) => {
    const rule = { object: 'partnership', field: 'transaction_count', op, ...(op.startsWith('is_') && op !== 'is_multiple_of' ? {} : { value }), filters: [{ object: 'transaction', field: 'product_key', op: 'equal_to', value: 'nothing' }] };
    const p = program({ triggers: [trigger('t', { rules: { all: [rule] } })] });
    const e = eventSet([customer('c1'), sale('c1', '1.00'), sale('c1', '1.00')]);
    const want = expected(0, 0) ? [e.events[1]!.id, e.events[2]!.id] : [];
    expect(run(p, e).rewards.map((r) => r.eventId)).toEqual(want);
    expect(run(p, e, { trace: true }).rewards.map((r) => r.eventId)).toEqual(want);
  });
});

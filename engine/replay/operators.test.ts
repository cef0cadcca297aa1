import { describe, expect, it } from 'vitest';
import type { Operator } from '../catalogue';
import { aggregatePredicate, booleanPredicate, numberPredicate, stringPredicate, tagsPredicate } from './operators';

describe('number operators on their boundaries (value 10)', () => {
  const cases: [Operator, number | null, boolean][] = [
    ['equal_to', 10, true], ['equal_to', 9, false], ['equal_to', null, false],
    ['not_equal_to', 10, false], ['not_equal_to', 11, true], ['not_equal_to', null, true],
    ['greater_than', 10, false], ['greater_than', 11, true], ['greater_than', null, false],
    ['greater_than_or_equal_to', 9, false], ['greater_than_or_equal_to', 10, true],
    ['less_than', 10, false], ['less_than', 9, true], ['less_than', null, false],
    ['less_than_or_equal_to', 10, true], ['less_than_or_equal_to', 11, false],
    ['more_than_or_exactly', 9, false], ['more_than_or_exactly', 10, true],
    ['before', 10, false], ['before', 9, true],
    ['before_or_exactly', 10, true], ['before_or_exactly', 11, false],
    ['after', 10, false], ['after', 11, true],
    ['after_or_exactly', 10, true], ['after_or_exactly', 9, false],
    ['becomes_greater_than', 11, true], ['reaches_or_exceeds', 10, true],
    ['is_empty', null, true], ['is_empty', 0, false],
    ['is_not_empty', 0, true], ['is_not_empty', null, false],
  ];
  it.each(cases)('%s with actual %s → %s', (op, actual, result) => {
    expect(numberPredicate(op, op === 'is_empty' || op === 'is_not_empty' ? 0 : 10)(actual)).toBe(result);
  });
});

describe('aggregate operators with before/after (value 10)', () => {
  const cases: [Operator, number, number, number, boolean][] = [
    // op, before, after, count, result
    ['becomes_greater_than', 9, 10, 1, false],
    ['becomes_greater_than', 10, 11, 1, true],
    ['becomes_greater_than', 9, 11, 1, true],
    ['becomes_greater_than', 11, 12, 1, false],
    ['reaches_or_exceeds', 9, 10, 1, true],
    ['reaches_or_exceeds', 9, 12, 1, true],
    ['reaches_or_exceeds', 10, 11, 1, false],
    ['reaches_or_exceeds', 8, 9, 1, false],
    ['is_multiple_of', 0, 20, 2, true],
    ['is_multiple_of', 0, 21, 2, false],
    ['is_multiple_of', 0, 0, 0, false],
    ['is_empty', 0, 0, 0, true],
    ['is_empty', 0, 0, 1, false], // one object summing to zero is not empty
    ['is_not_empty', 0, 0, 1, true],
    ['greater_than', 100, 10, 1, false], // compares after only
    ['equal_to', 9, 10, 1, true],
  ];
  it.each(cases)('%s before %d after %d count %d → %s', (op, before, after, count, result) => {
    expect(aggregatePredicate(op, op === 'is_empty' || op === 'is_not_empty' ? 0 : 10)(after, before, count)).toBe(result);
  });
});

describe('text operators', () => {
  const cases: [Operator, unknown, string | null, boolean][] = [
    ['equal_to', 'pro', 'pro', true], ['equal_to', 'pro', 'Pro', false], ['equal_to', 'pro', null, false],
    ['not_equal_to', 'pro', 'pro', false], ['not_equal_to', 'pro', null, true],
    ['is_empty', undefined, null, true], ['is_empty', undefined, '', true], ['is_empty', undefined, 'x', false],
    ['is_not_empty', undefined, 'x', true], ['is_not_empty', undefined, null, false],
    ['is_in', ['a', 'b'], 'b', true], ['is_in', ['a', 'b'], 'c', false], ['is_in', ['a'], null, false],
    ['is_not_in', ['a', 'b'], 'c', true], ['is_not_in', ['a', 'b'], 'a', false], ['is_not_in', ['a'], null, true],
  ];
  it.each(cases)('%s %j on %j → %s', (op, value, actual, result) => {
    expect(stringPredicate(op, value)(actual)).toBe(result);
  });
});

describe('tags are a set', () => {
  const cases: [Operator, unknown, string[], boolean][] = [
    ['equal_to', 'vip', ['new', 'vip'], true], ['equal_to', 'vip', ['new'], false],
    ['not_equal_to', 'vip', ['new'], true], ['not_equal_to', 'vip', ['vip'], false],
    ['is_in', ['vip', 'gold'], ['gold'], true], ['is_in', ['vip'], [], false],
    ['is_not_in', ['vip', 'gold'], ['new'], true], ['is_not_in', ['vip'], ['vip', 'new'], false],
    ['is_empty', undefined, [], true], ['is_empty', undefined, ['x'], false],
    ['is_not_empty', undefined, ['x'], true],
  ];
  it.each(cases)('%s %j on %j → %s', (op, value, tags, result) => {
    expect(tagsPredicate(op, value)(tags)).toBe(result);
  });
});

describe('boolean', () => {
  it.each([
    [true, true, true], [true, false, false], [false, false, true], [false, null, false],
  ])('is %s on %s → %s', (value, actual, result) => expect(booleanPredicate('is', value)(actual)).toBe(result));
});

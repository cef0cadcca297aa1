import { describe, expect, it } from 'vitest';
import { closestReward, diffValues, expectationSummary, failureView, flatten, pickFields, showValue } from './expectation-diff';

describe('expectation diff', () => {
  it('shows values readably', () => {
    expect(showValue(undefined)).toBe('—');
    expect(showValue(null)).toBe('none');
    expect(showValue(['a', 'b'])).toBe('[a, b]');
    expect(showValue('5.00')).toBe('5.00');
    expect(showValue('')).toBe('""');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });

  it('flattens nested objects', () => {
    expect([...flatten({ a: 1, b: { c: 'x' }, d: [1] })]).toEqual([['a', 1], ['b.c', 'x'], ['d', [1]]]);
    expect([...flatten('e5')]).toEqual([['value', 'e5']]);
  });

  it('diffs a partner state field by field', () => {
    const lines = diffValues({ key: 'alice', group: 'silver', tags: [] }, { key: 'alice', group: 'bronze', tags: ['vip'], tier: null });
    expect(lines).toEqual([
      { path: 'key', expected: 'alice', actual: 'alice', mark: 'same' },
      { path: 'group', expected: 'silver', actual: 'bronze', mark: 'changed' },
      { path: 'tags', expected: '[]', actual: '[vip]', mark: 'changed' },
      { path: 'tier', expected: '—', actual: 'none', mark: 'actual-only' },
    ]);
  });

  it('marks a missing reward as expected-only', () => {
    const v = failureView({ kind: 'missing_reward', message: 'no reward matched', expected: { partnerKey: 'ana', amount: '5.00' } });
    expect(v.title).toBe('Expected reward not found');
    expect(v.lines.map((l) => l.mark)).toEqual(['expected-only', 'expected-only']);
  });

  it('has no lines without values', () => {
    expect(failureView({ kind: 'rejected', message: 'e3 was not rejected' }).lines).toEqual([]);
  });

  it('summarises', () => {
    expect(expectationSummary({ passed: true, failures: [] }, true)).toBe('All expectations passed');
    expect(expectationSummary({ passed: false, failures: [{ kind: 'partner', message: 'x' }] }, true)).toBe('1 expectation failed');
    expect(expectationSummary({ passed: true, failures: [] }, false)).toBeNull();
  });
});

describe('closest reward', () => {
  it('picks the candidate agreeing on most fields and diffs only the expected fields', () => {
    const expected = { partnerKey: 'ana', triggerId: 'bronze', amount: '7.00' };
    const rows = [
      { id: 'r1', partnerKey: 'ana', triggerId: 'silver', amount: '10.00' },
      { id: 'r2', partnerKey: 'ana', triggerId: 'bronze', amount: '5.00' },
    ];
    const best = closestReward(expected, rows);
    expect(best?.id).toBe('r2');
    expect(diffValues(expected, pickFields(best!, expected)).filter((l) => l.mark === 'changed')).toEqual([
      { path: 'amount', expected: '7.00', actual: '5.00', mark: 'changed' },
    ]);
    expect(closestReward(expected, [])).toBeNull();
  });
});

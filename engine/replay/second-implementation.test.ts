/**
 * Where a second, independent implementation of ENGINE.md and FORMATS.md disagreed with this
 * one (issue 13): each case is the spec's answer, replayed end to end.
 */
import { describe, expect, it } from 'vitest';
import { customer, eventSet, program, run, sale, trigger } from '../test-helpers';

describe('zone offsets after a lookup exactly on a DST transition', () => {
  it('a daily drip stays at 07:00 New York time across spring-forward', () => {
    const p = program({
      timeZone: 'America/New_York',
      triggers: [
        trigger('drip', {
          action: { type: 'drip', offer: { description: 'd', type: 'flat', amount: '1.00', currency: 'USD' }, drip: { delay: { count: 0, unit: 'day' }, cycle: { count: 1, unit: 'day' }, occurrences: 3 } },
        }),
      ],
    });
    const r = run(p, eventSet([customer('c1', 'ana', '2026-03-01T00:00:00Z'), sale('c1', '10.00', '2026-03-06T12:00:00Z')]));
    expect(r.rewards.map((x) => x.dueAt)).toEqual(['2026-03-06T12:00:00Z', '2026-03-07T12:00:00Z', '2026-03-08T11:00:00Z']);
  });
});

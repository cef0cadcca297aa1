import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart, EMPTY_EVENT_FILTER, eventQuery, filterProblem, outcomeLabel } from './event-browser-model';

describe('event browser query', () => {
  it('leaves out empty fields', () => {
    expect(eventQuery('es1', 'run1', EMPTY_EVENT_FILTER, 'UTC', 400, 200)).toEqual({ eventSetId: 'es1', runId: 'run1', offset: 400, limit: 200 });
  });

  it("turns typed days into the shown zone's midnights, the last day inclusive", () => {
    const q = eventQuery('es1', 'run1', { ...EMPTY_EVENT_FILTER, fromDate: '2026-01-31', toDate: '2026-01-31', type: 'lead.closed', text: '  ana ', outcome: 'nothing' }, 'America/New_York', 0, 50);
    expect(q).toMatchObject({ from: '2026-01-31T05:00:00Z', to: '2026-02-01T05:00:00Z', type: 'lead.closed', text: 'ana', outcome: 'nothing' });
    // Across a clock change the day is 23 hours long, not 24.
    expect([dayStart('2026-03-08', 'America/New_York'), dayEnd('2026-03-08', 'America/New_York')]).toEqual(['2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z']);
    expect(dayStart('2026-01-31', 'UTC')).toBe('2026-01-31T00:00:00Z');
  });

  it('names a range that ends before it starts', () => {
    expect(filterProblem({ ...EMPTY_EVENT_FILTER, fromDate: '2026-02-02', toDate: '2026-02-01' })).toMatch(/before/);
    expect(filterProblem({ ...EMPTY_EVENT_FILTER, fromDate: '2026-02-01', toDate: '2026-02-01' })).toBeNull();
  });

  it('says what the run did in words', () => {
    expect(outcomeLabel({ kind: 'fired', rewards: 1 })).toBe('1 reward');
    expect(outcomeLabel({ kind: 'fired', rewards: 3 })).toBe('3 rewards');
    expect(outcomeLabel({ kind: 'fired', rewards: 0 })).toBe('Fired (no reward)');
    expect(outcomeLabel({ kind: 'nothing', rewards: 0 })).toBe('Nothing fired');
    expect(outcomeLabel({ kind: 'rejected', reason: 'x', rewards: 0 })).toBe('Rejected');
  });
});

import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@service/contract';
import { monthIn, monthlyEarnings, timelinePage } from './timeline-model';

const entry = (at: string, kind: TimelineEntry['kind'], amountUsd: string | null): TimelineEntry => ({
  at, kind, eventId: 'e', label: '', triggerId: null, amountUsd, occurrence: null, status: null, runningUsd: '0.00', runningRewards: 0,
});

describe('partner timeline', () => {
  it('puts an instant in the month of the program clock', () => {
    expect(monthIn('2026-02-01T03:00:00Z', 'UTC')).toBe('2026-02');
    // 03:00 UTC on Feb 1 is still January 31 in New York.
    expect(monthIn('2026-02-01T03:00:00Z', 'America/New_York')).toBe('2026-01');
    expect(monthIn('2025-12-31T20:00:00Z', 'Asia/Tokyo')).toBe('2026-01');
  });

  it('sums one-off rewards and drip payments per month, months in order, other entries left out', () => {
    const entries = [
      entry('2026-03-05T12:00:00Z', 'reward', '10.00'),
      entry('2026-01-05T12:00:00Z', 'drip', '2.50'),
      entry('2026-01-20T12:00:00Z', 'reward', '5.00'),
      entry('2026-01-21T12:00:00Z', 'reward', '0.10'),
      entry('2026-01-22T12:00:00Z', 'event', null),
      entry('2026-02-22T12:00:00Z', 'group', null),
    ];
    expect(monthlyEarnings(entries, 'UTC')).toEqual([
      { month: '2026-01', reward: '5.10', drip: '2.50' },
      { month: '2026-03', reward: '10.00', drip: '0.00' },
    ]);
    expect(monthlyEarnings([], 'UTC')).toEqual([]);
  });

  it('pages the entries, keeping the page within the list when a filter shrinks it', () => {
    expect(timelinePage(0, 0, 200)).toEqual({ at: 0, pages: 1, first: 0, last: 0 });
    expect(timelinePage(450, 0, 200)).toEqual({ at: 0, pages: 3, first: 1, last: 200 });
    expect(timelinePage(450, 2, 200)).toEqual({ at: 2, pages: 3, first: 401, last: 450 });
    expect(timelinePage(150, 2, 200)).toEqual({ at: 0, pages: 1, first: 1, last: 150 });
    expect(timelinePage(400, 1, 200)).toEqual({ at: 1, pages: 2, first: 201, last: 400 });
  });
});

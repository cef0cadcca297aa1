import { describe, expect, it } from 'vitest';
import { countOf } from './plural';

describe('countOf', () => {
  it('uses the singular for exactly one, and groups digits', () => {
    expect(countOf(1, 'event set')).toBe('1 event set');
    expect(countOf(0, 'run')).toBe('0 runs');
    expect(countOf(2, 'run')).toBe('2 runs');
    expect(countOf(1885, 'event')).toBe('1,885 events');
    expect(countOf(3, 'entry', 'entries')).toBe('3 entries');
  });
});

import { describe, expect, it } from 'vitest';
import { clockLabel, displayZone, formatInstant } from './format-instant';

describe('formatInstant', () => {
  it('writes the instant in the program zone with the zone shown', () => {
    expect(formatInstant('2026-02-01T00:07:00Z', 'America/New_York')).toBe('Jan 31, 2026 19:07 EST');
    expect(formatInstant('2026-07-01T12:00:00Z', 'America/New_York')).toBe('Jul 1, 2026 08:00 EDT');
  });
  it('writes UTC as UTC, with seconds on request', () => {
    expect(formatInstant('2026-01-30T20:03:00Z', 'UTC')).toBe('Jan 30, 2026 20:03 UTC');
    expect(formatInstant('2026-01-30T20:03:09Z', 'UTC', { seconds: true })).toBe('Jan 30, 2026 20:03:09 UTC');
  });
  it('reads offsets, not only Z', () => {
    expect(formatInstant('2026-01-31T01:30:00+01:00', 'UTC')).toBe('Jan 31, 2026 00:30 UTC');
  });
  it('uses 00 for midnight, not 24', () => {
    expect(formatInstant('2026-03-01T05:00:00Z', 'America/New_York')).toBe('Mar 1, 2026 00:00 EST');
  });
  it('gives dates alone in the zone (a UTC date can be the next day)', () => {
    expect(formatInstant('2026-02-01T00:07:00Z', 'America/New_York', { dateOnly: true })).toBe('Jan 31, 2026');
  });
  it('leaves text that is not an instant as it is, and falls back to UTC for an unknown zone', () => {
    expect(formatInstant('soon', 'UTC')).toBe('soon');
    expect(formatInstant('2026-01-30T20:03:00Z', 'Mars/Olympus')).toBe('Jan 30, 2026 20:03 UTC');
  });
  it('shows the program zone unless the clock is UTC', () => {
    expect(displayZone('Europe/Paris', 'program')).toBe('Europe/Paris');
    expect(displayZone('Europe/Paris', 'utc')).toBe('UTC');
    expect(displayZone(undefined, 'program')).toBe('UTC');
    expect(clockLabel('Europe/Paris', 'program')).toBe('Europe/Paris (program time zone)');
  });
});

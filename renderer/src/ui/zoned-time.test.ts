import { describe, expect, it } from 'vitest';
import { noonIn, parseTypedTime, zonedInstant, zonedParts } from './zoned-time';

describe('typed times', () => {
  it.each([
    ['09:30', '09:30'],
    ['9:30', '09:30'],
    ['0930', '09:30'],
    ['930', '09:30'],
    ['23:59', '23:59'],
    ['24:00', null],
    ['12:60', null],
    ['9.30', null],
    ['9:30pm', null],
    ['', null],
  ] as const)('%s → %s', (text, hhmm) => expect(parseTypedTime(text)).toBe(hhmm));
});

describe('a wall-clock moment in the program zone as a UTC instant', () => {
  it('uses the offset of that day (winter EST, summer EDT)', () => {
    expect(zonedInstant('2026-03-01', '00:00', 'America/New_York')).toEqual({ instant: '2026-03-01T05:00:00Z', note: null });
    expect(zonedInstant('2026-07-01', '00:00', 'America/New_York')).toEqual({ instant: '2026-07-01T04:00:00Z', note: null });
    expect(zonedInstant('2026-03-01', '00:00', 'UTC')).toEqual({ instant: '2026-03-01T00:00:00Z', note: null });
    expect(zonedInstant('2026-01-01', '09:00', 'Asia/Kolkata')).toEqual({ instant: '2026-01-01T03:30:00Z', note: null });
  });

  it('on the spring-forward day: the minute before and after the jump, and a time inside it refused in words', () => {
    // 2026-03-08 in New York: 02:00 EST becomes 03:00 EDT (07:00Z).
    expect(zonedInstant('2026-03-08', '01:59', 'America/New_York')).toEqual({ instant: '2026-03-08T06:59:00Z', note: null });
    expect(zonedInstant('2026-03-08', '03:00', 'America/New_York')).toEqual({ instant: '2026-03-08T07:00:00Z', note: null });
    expect(zonedInstant('2026-03-08', '02:30', 'America/New_York')).toEqual({
      problem: '02:30 does not exist on 2026-03-08 in America/New_York: the clocks jump from 02:00 to 03:00',
    });
  });

  it('on the fall-back day: a repeated time is the first of the two, and says so', () => {
    // 2026-11-01 in New York: 02:00 EDT becomes 01:00 EST; 01:30 happens at 05:30Z and 06:30Z.
    const r = zonedInstant('2026-11-01', '01:30', 'America/New_York');
    expect(r).toMatchObject({ instant: '2026-11-01T05:30:00Z' });
    expect('note' in r && r.note).toBe('01:30 happens twice on 2026-11-01 in America/New_York (clocks go back); this is the first, UTC-4, not the second, UTC-5');
    expect(zonedInstant('2026-11-01', '02:00', 'America/New_York')).toEqual({ instant: '2026-11-01T07:00:00Z', note: null });
  });

  it('names what it cannot read', () => {
    expect(zonedInstant('2026-02-30', '10:00', 'UTC')).toEqual({ problem: '2026-02-30 10:00 is not a date and time' });
    expect(zonedInstant('2026-02-03', '10:00', 'Mars/Olympus')).toEqual({ problem: '“Mars/Olympus” is not a time zone this app knows' });
  });

  it('reads an instant back as the wall clock of the zone (round trip, both sides of the change)', () => {
    for (const iso of ['2026-03-08T06:59:00Z', '2026-03-08T07:00:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z']) {
      const { date, time } = zonedParts(iso, 'America/New_York');
      const back = zonedInstant(date, time, 'America/New_York');
      // The second 01:30 reads back as the first: the one wall time the clocks repeat.
      expect('instant' in back && back.instant).toBe(iso === '2026-11-01T06:30:00Z' ? '2026-11-01T05:30:00Z' : iso);
    }
    expect(zonedParts('2026-03-01T05:00:00Z', 'America/New_York')).toEqual({ date: '2026-03-01', time: '00:00' });
  });

  it('noon of a day in the zone', () => {
    expect(noonIn('2026-02-01', 'America/New_York')).toBe('2026-02-01T17:00:00Z');
    expect(noonIn('2026-02-01', 'UTC')).toBe('2026-02-01T12:00:00Z');
    expect(noonIn('2026-02-30', 'UTC')).toBeNull();
    expect(noonIn('02/01/2026', 'UTC')).toBeNull();
  });
});

import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addWallClock, formatInstant, isDate, parseInstant, payoutDates, Zone, type CalendarUnit } from './time';

const t = (s: string) => parseInstant(s)!;

describe('instants and dates', () => {
  it.each([
    ['2026-02-01T09:00:00Z', '2026-02-01T09:00:00Z'],
    ['2026-02-01T09:00:00+02:00', '2026-02-01T07:00:00Z'],
    ['2026-02-01T09:00Z', '2026-02-01T09:00:00Z'],
    ['2026-02-01T09:00:00.250Z', '2026-02-01T09:00:00.250Z'],
    ['2026-02-01T00:30:00-05:00', '2026-02-01T05:30:00Z'],
  ])('%s → %s', (input, out) => expect(formatInstant(t(input))).toBe(out));
  it.each(['2026-02-30T00:00:00Z', '2026-02-01', '2026-02-01T09:00:00', '2026-13-01T00:00:00Z', '2026-02-01T24:00:00Z', 'yesterday'])(
    'refuses %s',
    (s) => expect(parseInstant(s)).toBeNull(),
  );
  it('formats and parses any instant of years 0–9999 like Date does, milliseconds included', () => {
    const reference = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), fc.integer({ min: 0, max: 2 }), (ms, repeat) => {
        for (let k = 0; k <= repeat; k++) expect(formatInstant(ms)).toBe(reference(ms));
        const iso = new Date(ms).toISOString();
        if (ms >= Date.UTC(100, 0, 1) && iso.length === 24) {
          expect(parseInstant(iso)).toBe(ms);
          expect(parseInstant(iso.replace(/Z$/, '+00:00'))).toBe(ms);
        }
      }),
      { numRuns: 20_000, seed: 11 },
    );
    expect(formatInstant(Date.UTC(-1, 0, 1))).toBe(reference(Date.UTC(-1, 0, 1)));
    expect(formatInstant(Date.UTC(1969, 11, 31, 23, 59, 59, 1))).toBe('1969-12-31T23:59:59.001Z');
  });
  it.each(['2026-02-29T00:00:00.000Z', '2100-02-29T00:00:00Z', '2026-04-31T00:00:00.5Z', '2026-02-01T09:00:00.12xZ'])('refuses %s on the fast path too', (s) => expect(parseInstant(s)).toBeNull());
  it('accepts leap days of leap years only', () => {
    expect(parseInstant('2000-02-29T00:00:00.000Z')).toBe(Date.UTC(2000, 1, 29));
    expect(parseInstant('2028-02-29T12:00:00Z')).toBe(Date.UTC(2028, 1, 29, 12));
  });
  it('adds days, weeks, months and years to a wall-clock time like Date arithmetic does, months clamped', () => {
    const reference = (local: number, count: number, unit: CalendarUnit): number | null => {
      if (unit === 'day' || unit === 'week') return local + count * (unit === 'week' ? 7 : 1) * 86_400_000;
      const d = new Date(local);
      const months = d.getUTCMonth() + (unit === 'month' ? count : count * 12);
      const year = d.getUTCFullYear() + Math.floor(months / 12);
      if (year < 1000 || year > 9999) return null;
      const month = months - Math.floor(months / 12) * 12;
      const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      const timeOfDay = local - Math.floor(local / 86_400_000) * 86_400_000;
      return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)) + timeOfDay;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(900, 0, 1), max: Date.UTC(10100, 0, 1) }),
        fc.integer({ min: -1300, max: 1300 }),
        fc.constantFrom<CalendarUnit>('day', 'week', 'month', 'year'),
        (local, count, unit) => {
          expect(addWallClock(local, count, unit)).toBe(reference(local, count, unit));
        },
      ),
      { numRuns: 30_000, seed: 3 },
    );
    expect(addWallClock(Date.UTC(2026, 0, 31, 9), 1, 'month')).toBe(Date.UTC(2026, 1, 28, 9));
    expect(addWallClock(Date.UTC(2028, 0, 31, 9), 1, 'month')).toBe(Date.UTC(2028, 1, 29, 9));
    expect(addWallClock(Date.UTC(2028, 1, 29), 1, 'year')).toBe(Date.UTC(2029, 1, 28));
    expect(addWallClock(Date.UTC(2026, 2, 31), -1, 'month')).toBe(Date.UTC(2026, 1, 28));
  });
  it('checks calendar dates', () => {
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-2-01')).toBe(false);
  });
});

describe('elapsed days in the program zone', () => {
  const ny = new Zone('America/New_York');
  const utc = new Zone('UTC');
  it.each([
    // created, moment, NY days, UTC days
    ['2026-03-01T05:00:00Z', '2026-03-02T04:59:59Z', 0, 1], // 00:00 to 23:59:59 NY on one day
    ['2026-03-01T05:00:00Z', '2026-03-02T05:00:00Z', 1, 1], // NY midnight crossed
    ['2026-03-01T04:59:59Z', '2026-03-01T05:00:00Z', 1, 0], // one second, across NY midnight
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0, 0], // day 0
  ])('%s → %s', (a, b, nyDays, utcDays) => {
    expect(ny.elapsedDays(t(a), t(b))).toBe(nyDays);
    expect(utc.elapsedDays(t(a), t(b))).toBe(utcDays);
  });
  it('counts calendar days across a DST change (23-hour day)', () => {
    // 2026-03-08 is the US spring-forward day.
    expect(ny.elapsedDays(t('2026-03-07T12:00:00-05:00'), t('2026-03-09T00:30:00-04:00'))).toBe(2);
  });
  it('12am on a date is local midnight', () => {
    expect(formatInstant(ny.startOfDay('2026-07-04'))).toBe('2026-07-04T04:00:00Z');
    expect(formatInstant(ny.startOfDay('2026-01-04'))).toBe('2026-01-04T05:00:00Z');
    expect(formatInstant(new Zone('Asia/Tokyo').startOfDay('2026-01-04'))).toBe('2026-01-03T15:00:00Z');
  });
});

describe('calendar arithmetic', () => {
  const utc = new Zone('UTC');
  it.each([
    ['2026-01-31T10:00:00Z', 1, 'month', '2026-02-28T10:00:00Z'],
    ['2028-01-31T10:00:00Z', 1, 'month', '2028-02-29T10:00:00Z'],
    ['2026-01-31T10:00:00Z', 2, 'month', '2026-03-31T10:00:00Z'],
    ['2026-03-31T10:00:00Z', 1, 'month', '2026-04-30T10:00:00Z'],
    ['2028-02-29T10:00:00Z', 1, 'year', '2029-02-28T10:00:00Z'],
    ['2026-01-01T10:00:00Z', 2, 'week', '2026-01-15T10:00:00Z'],
    ['2026-01-01T10:00:00Z', 30, 'day', '2026-01-31T10:00:00Z'],
  ] as const)('%s + %d %s = %s', (from, n, unit, to) => {
    expect(formatInstant(utc.add(t(from), n, unit))).toBe(to);
  });
  it('adds days on the wall clock of the zone across DST', () => {
    const ny = new Zone('America/New_York');
    expect(formatInstant(ny.add(t('2026-03-07T12:00:00-05:00'), 1, 'day'))).toBe('2026-03-08T16:00:00Z');
  });
  it('payout dates follow the due month in the zone', () => {
    const ny = new Zone('America/New_York');
    // 2026-02-01T03:00Z is still January 31 in New York.
    expect(payoutDates(ny, t('2026-02-01T03:00:00Z'))).toEqual({ invoiceDate: '2026-02-01', chargeDate: '2026-02-08', payoutDate: '2026-02-13' });
    expect(payoutDates(new Zone('UTC'), t('2026-12-15T00:00:00Z'))).toEqual({ invoiceDate: '2027-01-01', chargeDate: '2027-01-08', payoutDate: '2027-01-13' });
  });
});

describe('fast calendar arithmetic agrees with Temporal', () => {
  it('for random instants and units in zones with DST and odd offsets, near transitions too', async () => {
    const fc = (await import('fast-check')).default;
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Asia/Kolkata', 'Pacific/Apia', 'America/St_Johns', 'UTC'].map((z) => new Zone(z));
    const transitions = [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 3, 5, 15), Date.UTC(2026, 10, 1, 6)];
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
      fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 })).map(([t, d]) => t + d),
    );
    fc.assert(
      fc.property(fc.constantFrom(...zones), instant, fc.integer({ min: 0, max: 40 }), fc.constantFrom('day', 'week', 'month', 'year' as const), (zone, ms, n, unit) => {
        expect(zone.add(ms, n, unit)).toBe(zone.exactAdd(ms, n, unit));
        const zdt = new Date(ms);
        expect(zone.offsetAt(ms)).toBe(new Zone(zone.id).offsetAt(zdt.getTime()));
      }),
      { numRuns: 5000, seed: 11 },
    );
  });

  it('offsets match Temporal on both sides of a transition', async () => {
    const { Temporal } = await import('temporal-polyfill');
    const ny = new Zone('America/New_York');
    for (const ms of [Date.UTC(2026, 2, 8, 6, 59, 59, 999), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 5, 59, 59, 999), Date.UTC(2026, 10, 1, 6)]) {
      const ref = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO('America/New_York').offsetNanoseconds / 1e6;
      expect(ny.offsetAt(ms)).toBe(ref);
    }
  });
});

/** Transitions of a zone between 2020 and 2040 (epoch ms), as Temporal reports them. */
function transitionsOf(id: string): number[] {
  const out: number[] = [];
  let zdt = Temporal.Instant.fromEpochMilliseconds(Date.UTC(2020, 0, 1)).toZonedDateTimeISO(id);
  for (;;) {
    const next = zdt.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds > Date.UTC(2040, 0, 1)) return out;
    out.push(next.epochMilliseconds);
    zdt = next;
  }
}

const temporalOffset = (id: string, ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(id).offsetNanoseconds / 1e6;

/**
 * A fresh zone whose first lookup is exactly on a transition must still answer every instant
 * around it as Temporal does (the span cached by that lookup once started at the previous
 * transition, so the hour before a change got the new offset).
 */
function checkLookupOnTransition(id: string, t: number): void {
  const zone = new Zone(id);
  expect(zone.offsetAt(t)).toBe(temporalOffset(id, t));
  for (const d of [-1, -60_000, -3_600_000, -86_400_000, 1, 3_600_000, 86_400_000]) {
    expect(zone.offsetAt(t + d), `${id} at ${new Date(t).toISOString()} ${d >= 0 ? '+' : ''}${d} ms`).toBe(temporalOffset(id, t + d));
  }
}

describe('a lookup exactly on an offset transition', () => {
  it('does not cache the new offset for the hour before it (America/New_York, both changes)', () => {
    checkLookupOnTransition('America/New_York', Date.UTC(2026, 2, 8, 7));
    checkLookupOnTransition('America/New_York', Date.UTC(2026, 10, 1, 6));
  });

  it('leaves a daily drip on the wall clock (issue 13 repro: occurrence 3 at 07:00 local)', () => {
    const ny = new Zone('America/New_York');
    ny.offsetAt(Date.UTC(2026, 2, 8, 7)); // the lookup on the transition that poisoned the cache
    const first = t('2026-03-06T12:00:00Z');
    expect(formatInstant(ny.add(first, 2, 'day'))).toBe('2026-03-08T11:00:00Z');
    expect(ny.elapsedDays(t('2026-03-08T04:30:00Z'), t('2026-03-08T05:30:00Z'))).toBe(1);
  });

  // Every zone the polyfill ships, 2020–2040: sampled here; FUZZ_RUNS sweeps all of them.
  const zones = Intl.supportedValuesOf('timeZone');
  const fuzz = Number(process.env.FUZZ_RUNS ?? 0);
  it(`answers around it as Temporal does in ${fuzz > 0 ? 'every zone and every' : 'sampled zones and'} transition 2020–2040`, () => {
    if (fuzz > 0) {
      for (const id of zones) for (const tr of transitionsOf(id)) checkLookupOnTransition(id, tr);
      return;
    }
    // A zone and an instant of 2020–2040; the case is the first transition after that instant.
    const onTransition = fc
      .tuple(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }))
      .map(([id, from]) => ({ id, tr: Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(id).getTimeZoneTransition('next')?.epochMilliseconds }))
      .filter((c): c is { id: string; tr: number } => c.tr !== undefined && c.tr <= Date.UTC(2040, 0, 1));
    fc.assert(
      fc.property(onTransition, ({ id, tr }) => checkLookupOnTransition(id, tr)),
      { numRuns: 150, seed: 13 },
    );
  });
});

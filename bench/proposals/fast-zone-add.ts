/**
 * PROPOSAL for `engine/time.ts` (owned by the engine; not applied there): `Zone.add` without
 * Temporal on the hot path. Drip schedules call `Zone.add` once per occurrence, and Temporal's
 * ZonedDateTime.add was the largest single cost of the bench replay (see docs/performance.md).
 *
 * Wall-clock arithmetic is done on plain UTC dates; the result is converted back with the
 * zone's offset, and only a result within a day of an offset transition falls back to
 * Temporal (whose "compatible" disambiguation stays the reference). `check.ts` compares it with
 * Temporal on random instants around DST transitions in several zones.
 */
import { Temporal } from 'temporal-polyfill';
import { Zone, type CalendarUnit } from '../../engine/index';

const DAY_MS = 86_400_000;

/** Adds units to a wall-clock time held as "UTC" epoch ms; null outside years 1000–9999. */
export function addWallClock(local: number, count: number, unit: CalendarUnit): number | null {
  if (unit === 'day' || unit === 'week') return local + count * (unit === 'week' ? 7 : 1) * DAY_MS;
  const d = new Date(local);
  const months = d.getUTCMonth() + (unit === 'month' ? count : count * 12);
  const year = d.getUTCFullYear() + Math.floor(months / 12);
  if (year < 1000 || year > 9999) return null;
  const month = months - Math.floor(months / 12) * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const timeOfDay = local - Math.floor(local / DAY_MS) * DAY_MS;
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)) + timeOfDay;
}

/** The reference: what `Zone.add` does today. */
export function exactAdd(zoneId: string, ms: number, count: number, unit: CalendarUnit): number {
  if (count === 0) return ms;
  const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zoneId);
  const duration = unit === 'day' ? { days: count } : unit === 'week' ? { weeks: count } : unit === 'month' ? { months: count } : { years: count };
  return zdt.add(duration, { overflow: 'constrain' }).epochMilliseconds;
}

/** The proposed `Zone.add`. */
export function fastAdd(zone: Zone, ms: number, count: number, unit: CalendarUnit): number {
  if (count === 0) return ms;
  const target = addWallClock(ms + zone.offsetAt(ms), count, unit);
  if (target !== null) {
    const before = zone.offsetAt(target - DAY_MS);
    if (before === zone.offsetAt(target + DAY_MS) && before === zone.offsetAt(target - before)) return target - before;
  }
  return exactAdd(zone.id, ms, count, unit);
}

/** Replaces `Zone.prototype.add` in this process (bench `--proposals` runs only). */
export function installFastZoneAdd(): void {
  Zone.prototype.add = function add(this: Zone, ms: number, count: number, unit: CalendarUnit): number {
    return fastAdd(this, ms, count, unit);
  };
}

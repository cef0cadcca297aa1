/**
 * A moment typed as a person reads a clock — a date and a 24-hour time in the program's time
 * zone — turned into the UTC instant the program stores, and back. Wall-clock times that a
 * daylight-saving change skips or repeats are said in words rather than silently moved.
 */
import { Temporal } from 'temporal-polyfill';

/** `H:MM`, `HH:MM` or bare digits (`930`, `0930`) as `HH:MM`, or null when not a time of day. */
export function parseTypedTime(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{1,2}):(\d{2})$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** The answer of `zonedInstant`: the instant (ISO, `Z`), with a note when the time was repeated. */
export type ZonedResult = { instant: string; note: string | null } | { problem: string };

function offsetText(zdt: Temporal.ZonedDateTime): string {
  return `UTC${zdt.offset === '+00:00' ? '' : zdt.offset.replace(/:00$/, '').replace(/^([+-])0/, '$1')}`;
}

/**
 * The UTC instant of wall-clock `time` (HH:MM) on `date` (YYYY-MM-DD) in `timeZone`. A time the
 * clocks skip (spring forward) is a problem naming the gap; a time they pass twice (fall back)
 * is the first of the two, and the note says so with both offsets.
 */
export function zonedInstant(date: string, time: string, timeZone: string): ZonedResult {
  let local: Temporal.PlainDateTime;
  try {
    local = Temporal.PlainDateTime.from(`${date}T${time}`, { overflow: 'reject' });
  } catch {
    return { problem: `${date} ${time} is not a date and time` };
  }
  let earlier: Temporal.ZonedDateTime;
  let later: Temporal.ZonedDateTime;
  try {
    earlier = local.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
    later = local.toZonedDateTime(timeZone, { disambiguation: 'later' });
  } catch {
    return { problem: `“${timeZone}” is not a time zone this app knows` };
  }
  const instant = (z: Temporal.ZonedDateTime) => z.toInstant().toString({ smallestUnit: 'second' });
  if (earlier.epochMilliseconds === later.epochMilliseconds) return { instant: instant(earlier), note: null };
  // In a gap, 'earlier' lands before the typed wall clock and 'later' after it.
  if (earlier.toPlainDateTime().equals(local)) {
    return { instant: instant(earlier), note: `${time} happens twice on ${date} in ${timeZone} (clocks go back); this is the first, ${offsetText(earlier)}, not the second, ${offsetText(later)}` };
  }
  // The gap, as the clocks show it: the last wall time of the old offset and the first of the new.
  const jump = earlier.getTimeZoneTransition('next') ?? later;
  const before = jump.toInstant().toZonedDateTimeISO(earlier.offset).toPlainTime().toString({ smallestUnit: 'minute' });
  const after = jump.toPlainTime().toString({ smallestUnit: 'minute' });
  return { problem: `${time} does not exist on ${date} in ${timeZone}: the clocks jump from ${before} to ${after}` };
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant in `timeZone`. */
export function zonedParts(instant: string | number, timeZone: string): { date: string; time: string } {
  const i = typeof instant === 'number' ? Temporal.Instant.fromEpochMilliseconds(instant) : Temporal.Instant.from(instant);
  const z = i.toZonedDateTimeISO(timeZone);
  return { date: z.toPlainDate().toString(), time: z.toPlainTime().toString({ smallestUnit: 'minute' }) };
}

/** 12:00 on `date` (YYYY-MM-DD) in `timeZone` as an ISO instant, or null when `date` is not a day. */
export function noonIn(date: string, timeZone: string): string | null {
  const r = /^\d{4}-\d{2}-\d{2}$/.test(date) ? zonedInstant(date, '12:00', timeZone) : null;
  return r && 'instant' in r ? r.instant : null;
}

/**
 * The traces behind one trigger row of a program comparison: the events where the trigger's
 * payments differ between A and B (first ones in event order), each with the trigger's trace on
 * both sides, replayed only up to the last of them (`stopAfterTraced`).
 */
import type { EventSet } from '../../engine/formats/events-schema';
import type { EventTrace, Report } from '../../engine/formats/report';
import { formatScaled, parseDecimal } from '../../engine/money';
import type { Program } from '../../engine/formats/program-schema';
import { replay } from '../../engine/replay/replay';
import { eventIdOf } from '../../engine/replay/prepare';
import type { CompareTraceEvent, CompareTraces } from '../contract-imports';

/** Events listed with their traces; the rest are counted. */
export const MAX_TRACED_EVENTS = 10;

function cents(usd: string): bigint {
  const d = parseDecimal(usd);
  if (!d) return 0n;
  return d.scale >= 2 ? d.units / 10n ** BigInt(d.scale - 2) : d.units * 10n ** BigInt(2 - d.scale);
}

/** USD cents per event id of one trigger's rewards in a report. */
function paidByEvent(report: Report, triggerId: string | null): Map<string, bigint> {
  const out = new Map<string, bigint>();
  if (triggerId === null) return out;
  for (const r of report.rewards) if (r.triggerId === triggerId) out.set(r.eventId, (out.get(r.eventId) ?? 0n) + cents(r.amountUsd));
  return out;
}

function tracesOf(program: Program, events: EventSet, ids: ReadonlySet<string>): Map<string, EventTrace> {
  const report = replay(program, events, { traceEventIds: ids, stopAfterTraced: true });
  return new Map((report.trace ?? []).map((t) => [t.eventId, t]));
}

export function compareTraces(sides: { a: Program; b: Program; events: EventSet }, triggers: { a: string | null; b: string | null }): CompareTraces {
  const { a, b, events } = sides;
  const paidA = paidByEvent(replay(a, events), triggers.a);
  const paidB = paidByEvent(replay(b, events), triggers.b);
  const position = new Map(events.events.map((e, i) => [eventIdOf(e, i), i]));
  const differing = [...new Set([...paidA.keys(), ...paidB.keys()])]
    .filter((id) => (paidA.get(id) ?? 0n) !== (paidB.get(id) ?? 0n))
    .sort((x, y) => (position.get(x) ?? Infinity) - (position.get(y) ?? Infinity) || (x < y ? -1 : x > y ? 1 : 0));
  const shown = differing.slice(0, MAX_TRACED_EVENTS);
  if (shown.length === 0) return { events: [], total: 0 };
  const ids = new Set(shown);
  const traceA = tracesOf(a, events, ids);
  const traceB = tracesOf(b, events, ids);
  const rows: CompareTraceEvent[] = shown.map((eventId) => {
    const ta = traceA.get(eventId);
    const tb = traceB.get(eventId);
    const any = ta ?? tb;
    return {
      eventId,
      type: any?.type ?? '',
      moment: any?.moment ?? '',
      partnerKey: any?.partnerKey ?? null,
      aUsd: formatScaled(paidA.get(eventId) ?? 0n, 2),
      bUsd: formatScaled(paidB.get(eventId) ?? 0n, 2),
      a: (triggers.a !== null && ta?.triggers.find((t) => t.triggerId === triggers.a)) || null,
      b: (triggers.b !== null && tb?.triggers.find((t) => t.triggerId === triggers.b)) || null,
    };
  });
  return { events: rows, total: differing.length };
}

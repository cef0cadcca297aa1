/** Evaluation order: the listed ids of each event type first, then its other triggers in file order. */
import { TRIGGER_EVENTS, type TriggerEvent } from './catalogue';
import type { Program, Trigger } from './formats/program-schema';

export function evaluationOrderOf(program: Program): Record<TriggerEvent, Trigger[]> {
  const byId = new Map(program.triggers.map((t) => [t.id, t]));
  const out = {} as Record<TriggerEvent, Trigger[]>;
  for (const event of TRIGGER_EVENTS) {
    const seen = new Set<string>();
    const list: Trigger[] = [];
    for (const id of program.evaluationOrder[event] ?? []) {
      const t = byId.get(id);
      if (t && t.event === event && !seen.has(id)) {
        seen.add(id);
        list.push(t);
      }
    }
    for (const t of program.triggers) {
      if (t.event === event && !seen.has(t.id)) {
        seen.add(t.id);
        list.push(t);
      }
    }
    out[event] = list;
  }
  return out;
}

/**
 * The one sentence that says why an expected reward is missing, built from the engine's trace
 * (the same per-event, per-trigger, per-rule record `replay --trace` writes): "trigger 'Gold
 * 12%' did not fire for event e42: partnership group was silver, expected gold".
 */
import { OPERATOR_LABELS } from '../../engine/catalogue';
import type { EventSet, ExpectedReward } from '../../engine/formats/events-schema';
import type { Program } from '../../engine/formats/program-schema';
import type { EventTrace, RuleTrace, TraceNode, TriggerTrace } from '../../engine/formats/report';
import { replayToLedger } from '../../engine/replay/replay';

function shown(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (Array.isArray(v)) return v.length ? v.map(shown).join(', ') : 'none';
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** The first rule that made `node` false, in evaluation order. */
function firstFailingRule(node: TraceNode): RuleTrace | null {
  if (!('block' in node)) return node.result ? null : node;
  if (node.result) return null;
  for (const child of node.children) {
    const r = firstFailingRule(child);
    if (r) return r;
  }
  return null;
}

/** "partnership group was silver, expected gold" for one rule that did not pass. */
export function ruleSentence(rule: RuleTrace): string {
  const what = `${rule.object} ${rule.field.replace(/_/g, ' ')}`;
  // A trace read back from a file may name an operator this build does not know.
  const label = (OPERATOR_LABELS as Readonly<Record<string, string | undefined>>)[rule.op] ?? rule.op.replace(/_/g, ' ');
  const wanted = rule.op === 'equal_to' ? shown(rule.value) : `"${label}${rule.value === undefined ? '' : ` ${shown(rule.value)}`}"`;
  const filters = rule.filters?.length ? ` (counting ${rule.filters.join(' and ')})` : '';
  return `${what}${filters} was ${shown(rule.actual)}, expected ${wanted}`;
}

function whyNot(t: TriggerTrace): string {
  if (t.verdict === 'skipped') return t.reason;
  const rule = t.rules ? firstFailingRule(t.rules) : null;
  return rule ? ruleSentence(rule) : t.reason;
}

interface Context {
  program: Program;
  set: EventSet;
  asOf?: string;
}

/** Replays again, tracing only what is needed to explain `exp`. */
function tracesFor(ctx: Context, exp: ExpectedReward): EventTrace[] {
  const options = exp.eventId !== undefined ? { traceEventIds: new Set([exp.eventId]), stopAfterTraced: true } : { trace: true };
  return replayToLedger(ctx.program, ctx.set, { ...options, ...(ctx.asOf !== undefined ? { asOf: ctx.asOf } : {}) }).report.trace ?? [];
}

/**
 * Why no reward of the run matched `exp`, in one sentence; null when the expectation names
 * no trigger (there is no single trigger to explain).
 */
export function explainMissingReward(ctx: Context, exp: ExpectedReward): string | null {
  if (exp.triggerId === undefined) return null;
  const trigger = ctx.program.triggers.find((t) => t.id === exp.triggerId);
  if (!trigger) return `the program has no trigger with id '${exp.triggerId}'`;
  const name = `trigger '${trigger.name}'`;
  const events = tracesFor(ctx, exp);
  if (exp.eventId !== undefined && !events.some((e) => e.eventId === exp.eventId)) return `the event set has no event ${exp.eventId}`;
  const rejected = events.find((e) => e.applied.startsWith('rejected: '));
  if (exp.eventId !== undefined && rejected) return `event ${exp.eventId} was ${rejected.applied}`;
  const seen: { event: EventTrace; t: TriggerTrace }[] = [];
  for (const event of events) {
    if (exp.partnerKey !== undefined && event.partnerKey !== exp.partnerKey) continue;
    for (const t of event.triggers) if (t.triggerId === trigger.id) seen.push({ event, t });
  }
  const forPartner = exp.partnerKey !== undefined ? ` for partner ${exp.partnerKey}` : '';
  if (seen.length === 0) {
    if (exp.eventId !== undefined) {
      const ev = events.find((e) => e.eventId === exp.eventId) as EventTrace;
      if (exp.partnerKey !== undefined && ev.partnerKey !== exp.partnerKey) return `event ${ev.eventId} belongs to partner ${shown(ev.partnerKey)}, not ${exp.partnerKey}`;
      return `${name} did not run for event ${ev.eventId}: it listens to ${trigger.event} and ${ev.eventId} is ${ev.type}`;
    }
    return `${name} never ran${forPartner}: the set has no ${trigger.event} event${forPartner}`;
  }
  const miss = seen.find((s) => s.t.verdict !== 'passed');
  if (miss) return `${name} did not fire for event ${miss.event.eventId}: ${whyNot(miss.t)}`;
  const first = seen[0] as { event: EventTrace; t: TriggerTrace };
  if (seen.length === 1) return `${name} fired for event ${first.event.eventId} (${first.t.outcome ?? 'no outcome'}), which does not match the expected reward`;
  return `${name} fired for each of the ${seen.length} events it saw${forPartner}; none of its rewards matches the expected one`;
}

/**
 * A trace as rows to read: every trigger in evaluation order with its verdict, and its rule
 * tree flattened to indented lines that show what each rule compared and what it saw.
 */
import type { BlockTrace, EventTrace, RuleTrace, TraceNode, TriggerTrace } from '@engine/formats/report';
import { showValue } from './expectation-diff';
import type { Readable } from './readable';

/** Ids and raw ISO text, for callers with no program at hand. */
const PLAIN: Pick<Readable, 'partner' | 'instant'> = { partner: (k) => k, instant: (iso) => iso.replace('T', ' ').slice(0, 16) };

export interface TraceLine {
  depth: number;
  kind: 'block' | 'rule';
  label: string;
  expected: string;
  actual: string;
  before: string | null;
  filters: string[];
  result: boolean;
}

function isBlock(n: TraceNode): n is BlockTrace {
  return 'block' in n;
}

function ruleLine(r: RuleTrace, depth: number): TraceLine {
  return {
    depth,
    kind: 'rule',
    label: r.rule,
    expected: r.value === undefined ? '' : showValue(r.value),
    actual: showValue(r.actual),
    before: r.before === undefined ? null : showValue(r.before),
    filters: r.filters ?? [],
    result: r.result,
  };
}

/** Depth-first lines of a rule tree; a block line reads "ALL of" / "ANY of". */
export function traceLines(node: TraceNode | null, depth = 0): TraceLine[] {
  if (!node) return [];
  if (!isBlock(node)) return [ruleLine(node, depth)];
  const head: TraceLine = { depth, kind: 'block', label: node.block === 'all' ? 'ALL of' : 'ANY of', expected: '', actual: '', before: null, filters: [], result: node.result };
  return [head, ...node.children.flatMap((c) => traceLines(c, depth + 1))];
}

export const VERDICT_LABELS: Readonly<Record<TriggerTrace['verdict'], string>> = { skipped: 'Skipped', passed: 'Passed', failed: 'Failed' };

export interface TraceCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export function verdictCounts(traces: readonly EventTrace[]): TraceCounts {
  const c: TraceCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const e of traces) for (const t of e.triggers) c[t.verdict] += 1;
  return c;
}

/** Heading of one traced event ("e5 · transaction.created · Ana Studio · Feb 4, 2026 08:00:00 EST"). */
export function eventHeading(e: EventTrace, r: Pick<Readable, 'partner' | 'instant'> = PLAIN): string {
  const parts = [e.eventId, e.type, e.partnerKey === null ? 'no partner' : r.partner(e.partnerKey), r.instant(e.moment, { seconds: true })];
  return `${parts.join(' · ')}${e.cascadeOf ? ` (cascade of ${e.cascadeOf})` : ''}`;
}

/** The rule that decided a failed tree: depth-first, the first false rule under false blocks. */
export function firstFailingRule(node: TraceNode | null): RuleTrace | null {
  if (!node || node.result) return null;
  if (!isBlock(node)) return node;
  for (const c of node.children) {
    const r = firstFailingRule(c);
    if (r) return r;
  }
  return null;
}

/**
 * "Why didn't trigger X fire for this event?" in one sentence: the first failing rule and the
 * value it saw, or why the trigger did not run at all.
 */
export function whyNot(t: TriggerTrace, name: string): string {
  if (t.verdict === 'passed') return `${name} fired${t.outcome ? `: ${t.outcome}` : ''}.`;
  if (t.verdict === 'skipped') return `${name} did not run: ${t.reason}.`;
  const r = firstFailingRule(t.rules);
  if (!r) return `${name} did not fire: ${t.reason}.`;
  const before = r.before === undefined ? '' : ` (${showValue(r.before)} before this event)`;
  return `${name} did not fire: “${r.rule}” saw ${showValue(r.actual)}${before}.`;
}

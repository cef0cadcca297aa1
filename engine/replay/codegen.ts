/**
 * Generates one straight-line predicate per rule tree with `new Function`, so the replay's hot
 * path runs monomorphic code instead of walking a tree of closures. Common leaves (group, tier,
 * key, product/category/currency equality, aggregate comparisons) are inlined; every other leaf
 * calls its compiled closure. The engine runs in Node (CLI, worker, main process), never in the
 * renderer, so its CSP does not apply.
 */
import { fieldSpec } from '../catalogue';
import { isAll, isRule, type Rule, type RuleNode } from '../formats/program-schema';
import type { SlotDef } from './compile';
import { SLOT_WIDTH, type EvalContext } from './state';

export type Test = (ctx: EvalContext) => boolean;

interface Gen {
  leaves: Test[];
  slotOf: (rule: Rule) => SlotDef | null;
  thresholdOf: (rule: Rule) => number;
}

const PARTNER_FIELDS: Record<string, string> = { group: 'group', tier: 'tier', partner_key: 'key' };
const TX_FIELDS: Record<string, string> = { product_key: 'productKey', category_key: 'categoryKey', currency: 'currency' };
const CMP: Record<string, string> = { equal_to: '===', not_equal_to: '!==', greater_than: '>', greater_than_or_equal_to: '>=', less_than: '<', less_than_or_equal_to: '<=' };

function inlineLeaf(rule: Rule, g: Gen): string | null {
  const lit = typeof rule.value === 'string' && rule.value !== '' ? JSON.stringify(rule.value) : null;
  if (rule.object === 'partnership' && PARTNER_FIELDS[rule.field] && lit) {
    const f = PARTNER_FIELDS[rule.field];
    if (rule.op === 'equal_to') return `(p.${f} === ${lit})`;
    if (rule.op === 'not_equal_to') return `(p.${f} !== ${lit})`;
  }
  if (rule.object === 'transaction' && TX_FIELDS[rule.field] && lit) {
    const f = TX_FIELDS[rule.field];
    if (rule.op === 'equal_to') return `(c.transaction !== null && c.transaction.${f} === ${lit})`;
    if (rule.op === 'not_equal_to') return `(c.transaction === null || c.transaction.${f} !== ${lit})`;
  }
  const spec = fieldSpec(rule.object, rule.field);
  if (spec?.aggregate) return inlineAggregate(rule, spec.aggregate.scope, spec.aggregate.measure === 'sum', g);
  return null;
}

/**
 * An aggregate leaf over the partner's (`p.slots`) or the customer's slots, with the same
 * semantics as `aggregatePredicate` (after = current value, before = value before this event).
 */
function inlineAggregate(rule: Rule, scope: 'partner' | 'customer', sum: boolean, g: Gen): string | null {
  const slot = g.slotOf(rule);
  // A live count (filtered at the moment) is counted by its compiled leaf, not read from a slot.
  if (!slot || slot.live !== null) return null;
  const i = slot.index;
  const S = scope === 'partner' ? 'p.slots' : 'c.customer.slots';
  const base = i * SLOT_WIDTH;
  const guard = (expr: string) => (scope === 'partner' ? `(${expr})` : `(c.customer !== null && ${expr})`);
  if (rule.op === 'is_empty') return guard(`${S}.v[${base}] === 0`);
  if (rule.op === 'is_not_empty') return guard(`${S}.v[${base}] > 0`);
  const x = g.thresholdOf(rule);
  if (!Number.isFinite(x)) return null;
  const after = `${S}.v[${sum ? base + 1 : base}]`;
  const before = `${S}.before(${i}, c.seq, ${sum})`;
  if (CMP[rule.op]) return guard(`${after} ${CMP[rule.op]} ${x}`);
  if (rule.op === 'becomes_greater_than') return guard(`${before} <= ${x} && ${x} < ${after}`);
  if (rule.op === 'reaches_or_exceeds') return guard(`${before} < ${x} && ${x} <= ${after}`);
  // A sum may pass 2^53, where only its exact value answers "is a multiple of": the compiled leaf.
  if (rule.op === 'is_multiple_of') return sum ? null : guard(`${after} !== 0 && ${after} % ${x} === 0`);
  return null;
}

function gen(node: RuleNode, g: Gen, leafTests: Map<Rule, Test>): string {
  if (isRule(node)) {
    const inline = inlineLeaf(node, g);
    if (inline) return inline;
    const t = leafTests.get(node);
    if (!t) throw new Error('leaf without a compiled test');
    g.leaves.push(t);
    return `L[${g.leaves.length - 1}](c)`;
  }
  const all = isAll(node);
  const kids = (all ? node.all : node.any).map((k) => gen(k, g, leafTests));
  if (kids.length === 0) return all ? 'true' : 'false';
  return `(${kids.join(all ? ' && ' : ' || ')})`;
}

/**
 * The JavaScript expression of a rule tree over `c` (context) and `p` (partner); leaves that are
 * not inlined are appended to `leaves` and called as `L[i](c)`.
 */
export function emitCondition(node: RuleNode, leafTests: Map<Rule, Test>, slotOf: Gen['slotOf'], thresholdOf: Gen['thresholdOf'], leaves: Test[]): string {
  return gen(node, { leaves, slotOf, thresholdOf }, leafTests);
}

/**
 * One function per event type that walks its whole evaluation order: each trigger's condition
 * inlined, `fire(k)` called for every trigger whose rules pass, in order. No call per trigger
 * and no megamorphic call site; rules still see what earlier actions changed, because every
 * condition reads the live state.
 */
export function generateDispatcher(conditions: readonly (string | null)[], leaves: Test[], activatedMs: readonly number[]): (c: EvalContext, fire: (k: number) => void) => void {
  const lines = conditions.map((cond, k) => (cond === null ? '' : `  if (m >= A[${k}] && ${cond}) fire(${k});`)).filter(Boolean);
  const src = `return function generatedDispatcher(c, fire) {\n  const p = c.partner; const m = c.momentMs;\n${lines.join('\n')}\n};`;
  return (fromSource('L', 'A', src) as (l: Test[], a: readonly number[]) => (c: EvalContext, fire: (k: number) => void) => void)(leaves, activatedMs);
}

/**
 * The one place generated source becomes a function. The fast path is code generation by design:
 * sources are built here from the program's validated fields, with literals JSON-quoted.
 */
function fromSource(...paramsAndBody: string[]): unknown {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling generated rule code is this module's purpose (see above).
  return new Function(...paramsAndBody);
}

/**
 * A generated test for `node`; `leafTests` holds the compiled closure of every leaf (used where
 * a leaf is not inlined), `slotOf` / `thresholdOf` give the aggregate slot and numeric value.
 */
export function generateTest(node: RuleNode, leafTests: Map<Rule, Test>, slotOf: Gen['slotOf'], thresholdOf: Gen['thresholdOf']): Test {
  const g: Gen = { leaves: [], slotOf, thresholdOf };
  const body = emitCondition(node, leafTests, slotOf, thresholdOf, g.leaves);
  // `p` is the event's partner: triggers only run for events that have one.
  const factory = fromSource('L', `return function generatedRuleTest(c) { const p = c.partner; return ${body}; };`) as (l: Test[]) => Test;
  return factory(g.leaves);
}

const OBJECT_FIELDS: Record<string, Record<string, string>> = {
  transaction: { product_key: 'productKey', category_key: 'categoryKey', currency: 'currency' },
  action: { action_key: 'actionKey' },
  deal: { stage: 'stage', name: 'name' },
  lead: { stage: 'stage', name: 'name' },
};

/** A generated conjunction of an aggregate's filters over the aggregated object `o`. */
export function generateFilter(rules: readonly Rule[], tests: readonly ((o: never) => boolean)[]): (o: never) => boolean {
  const leaves: ((o: never) => boolean)[] = [];
  const parts = rules.map((r, i) => {
    const f = OBJECT_FIELDS[r.object]?.[r.field];
    const lit = typeof r.value === 'string' && r.value !== '' ? JSON.stringify(r.value) : null;
    if (f && lit && r.op === 'equal_to') return `(o.${f} === ${lit})`;
    if (f && lit && r.op === 'not_equal_to') return `(o.${f} !== ${lit})`;
    leaves.push(tests[i] as (o: never) => boolean);
    return `F[${leaves.length - 1}](o)`;
  });
  const factory = fromSource('F', `return function generatedFilter(o) { return ${parts.join(' && ') || 'true'}; };`) as (f: typeof leaves) => (o: never) => boolean;
  return factory(leaves);
}

/**
 * Compiles rule trees once per replay into closures over the evaluation context, registering
 * every distinct aggregate (scope × object × filters) as a slot that the apply step keeps up to
 * date in O(1). Each compiled node can `test` (short-circuit, no allocation) or `explain`
 * (every child evaluated, values recorded for the trace).
 */
import { fieldSpec, type AggregatedObject, type FieldSpec } from '../catalogue';
import { isAll, isRule, type Rule, type RuleNode } from '../formats/program-schema';
import { decimalText, formatMinor, parseMinor } from '../money';
import type { RuleTrace, TraceNode } from '../formats/report';
import { formatInstant, type Zone } from '../time';
import { describeRule } from '../visibility';
import { contextGetter, OBJECT_GETTERS, type ObjectGetter, type Scalar } from './fields';
import { aggregatePredicate, booleanPredicate, numberPredicate, stringPredicate, tagsPredicate, type Predicate } from './operators';
import type { CustomerState, EvalContext, PartnerState, Slots } from './state';
import { emitCondition, generateFilter, generateTest, type Test } from './codegen';

export interface CompiledNode {
  // Function-valued properties, not methods: they are closures (no `this`), passed around bare.
  test: (ctx: EvalContext) => boolean;
  explain: (ctx: EvalContext) => TraceNode;
  /** The tree as one JavaScript expression (see codegen.ts), appending called leaves to `leaves`. */
  emit?: (leaves: Test[]) => string;
}

/** A registered aggregate: which objects it counts and which of them match its filters. */
export interface SlotDef {
  readonly index: number;
  readonly scope: 'partner' | 'customer';
  readonly of: AggregatedObject;
  readonly filter: ((obj: never) => boolean) | null;
  /**
   * For a count whose filters read elapsed days (judged at the moment of the event, ENGINE §4):
   * the filter over an object and the moment. Such a slot is not kept up to date by the apply
   * step; its value is counted when a rule reads it (see `liveCount`).
   */
  readonly live: ((obj: never, moment: number) => boolean) | null;
}

/** Filter fields whose value depends on the moment they are judged at. */
function judgedAtMoment(rule: Rule): boolean {
  return fieldSpec(rule.object, rule.field)?.kind === 'elapsed_days';
}

/** A customer as it was before event `seq` paid for the first time (for a live count's `before`). */
function beforeFirstPayment(c: CustomerState): CustomerState {
  return { ...c, firstPaidMs: NaN, paidOrder: 0, firstPaidSeq: -1 };
}

/**
 * A live customer count of `partner` at `moment`: the customers whose filters pass then. With
 * `before`, the count without event `seq`'s effect (a customer it created is left out; one it
 * made pay for the first time is judged unpaid).
 */
export function liveCount(def: SlotDef, partner: PartnerState, seq: number, moment: number, before: boolean): number {
  const test = def.live as (c: CustomerState, moment: number) => boolean;
  const list = partner.customers;
  let n = 0;
  for (let k = 0; k < list.length; k++) {
    const c = list[k] as CustomerState;
    if (!before) {
      if (test(c, moment)) n++;
    } else if (c.createdSeq !== seq && test(c.firstPaidSeq === seq ? beforeFirstPayment(c) : c, moment)) n++;
  }
  return n;
}

export class SlotRegistry {
  readonly partner: SlotDef[] = [];
  readonly customer: SlotDef[] = [];
  private readonly byKey = new Map<string, SlotDef>();

  constructor(private readonly zone: Zone) {}

  /** The slot of an aggregate rule (shared by every rule with the same scope, object and filters). */
  slotFor(spec: FieldSpec, filters: readonly Rule[] | undefined): SlotDef {
    const agg = spec.aggregate;
    if (!agg) throw new Error(`${spec.object}.${spec.field} is not an aggregate`);
    const key = `${agg.scope}|${agg.of}|${JSON.stringify(filters ?? [])}`;
    const found = this.byKey.get(key);
    if (found) return found;
    const list = agg.scope === 'partner' ? this.partner : this.customer;
    const tests = (filters ?? []).map((f) => this.filterTest(f));
    const live = (filters ?? []).some(judgedAtMoment);
    if (live && (agg.of !== 'customer' || agg.scope !== 'partner')) throw new Error(`elapsed-day filters on ${spec.object}.${spec.field} are not supported`);
    const filter = tests.length === 0 || live ? null : generateFilter(filters ?? [], tests);
    const liveFilter = live ? (obj: never, moment: number) => tests.every((t) => t(obj, moment)) : null;
    const def: SlotDef = { index: list.length, scope: agg.scope, of: agg.of, filter, live: liveFilter };
    list.push(def);
    this.byKey.set(key, def);
    return def;
  }

  /** A filter rule over the aggregated object; `moment` serves elapsed-day fields only. */
  private filterTest(rule: Rule): (obj: never, moment?: number) => boolean {
    const spec = fieldSpec(rule.object, rule.field);
    const getter = (OBJECT_GETTERS[rule.object] as Record<string, ObjectGetter<never>>)[rule.field];
    if (!spec || !getter) throw new Error(`unknown filter field ${rule.object}.${rule.field}`);
    const pred = scalarPredicate(spec, rule, this.zone);
    const zone = this.zone;
    return (obj: never, moment = 0) => pred(getter(obj, moment, zone));
  }

  /** Slot definitions of one scope that the apply step keeps up to date for objects of kind `of`. */
  defsOf(scope: 'partner' | 'customer', of: AggregatedObject): SlotDef[] {
    return (scope === 'partner' ? this.partner : this.customer).filter((d) => d.of === of && d.live === null);
  }
}

function moneyCents(value: unknown): number {
  const text = typeof value === 'string' || typeof value === 'number' ? decimalText(value) : null;
  const minor = text === null ? NaN : parseMinor(text, 'USD');
  if (typeof minor !== 'number' || Number.isNaN(minor)) throw new Error(`invalid money value ${String(value)}`);
  return minor;
}

/** The numeric threshold of a rule value: cents for money, 00:00 in the zone for dates. */
function threshold(spec: FieldSpec, value: unknown, zone: Zone): number {
  if (spec.kind === 'date') return zone.startOfDay(String(value));
  if (spec.kind === 'money' || (spec.kind === 'aggregate_sum' && spec.aggregate?.unit === 'usd')) return moneyCents(value);
  return typeof value === 'number' ? value : NaN;
}

function scalarPredicate(spec: FieldSpec, rule: Rule, zone: Zone): Predicate {
  switch (spec.kind) {
    case 'elapsed_days':
    case 'number':
    case 'money':
    case 'date':
      return rule.op === 'is_empty' || rule.op === 'is_not_empty'
        ? numberPredicate(rule.op, 0)
        : numberPredicate(rule.op, threshold(spec, rule.value, zone));
    case 'selector':
    case 'text':
      return spec.object === 'partnership' && spec.field === 'tag' ? tagsPredicate(rule.op, rule.value) : stringPredicate(rule.op, rule.value);
    case 'boolean':
      return booleanPredicate(rule.op, rule.value);
    case 'aggregate_count':
    case 'aggregate_sum':
      throw new Error('aggregates are not scalar');
    default: {
      const never: never = spec.kind;
      return never;
    }
  }
}

/** Formats a read value for the trace: money as USD decimals, instants as ISO. */
function display(spec: FieldSpec, v: Scalar): unknown {
  // A copy: the partner's tag list changes later in the replay, the trace must not.
  if (Array.isArray(v)) return [...(v as readonly string[])];
  if (v === null || (typeof v !== 'number' && typeof v !== 'bigint')) return v;
  if (spec.kind === 'money' || (spec.kind === 'aggregate_sum' && spec.aggregate?.unit === 'usd')) return formatMinor(v, 'USD');
  // Past 2^53 (a click sum): the exact digits, as JSON has no BigInt.
  if (typeof v === 'bigint') return v.toString();
  if (spec.kind === 'date') return formatInstant(v);
  return v;
}

function compileAggregate(spec: FieldSpec, rule: Rule, slots: SlotRegistry, zone: Zone): CompiledNode {
  const def = slots.slotFor(spec, rule.filters);
  const i = def.index;
  const sum = spec.aggregate?.measure === 'sum';
  const pred = aggregatePredicate(rule.op, rule.op === 'is_empty' || rule.op === 'is_not_empty' ? 0 : threshold(spec, rule.value, zone));
  const scopeOf = def.scope === 'partner' ? (ctx: EvalContext) => ctx.partner?.slots ?? null : (ctx: EvalContext) => ctx.customer?.slots ?? null;
  // Sums read exactly (a BigInt past 2^53) for "is a multiple of" and the trace.
  const read = (s: Slots, seq: number) => {
    const after = sum ? s.exactSum(i) : s.count(i);
    return { after, before: sum ? s.exactBefore(i, seq) : s.before(i, seq, false), count: s.count(i) };
  };
  // A count filtered at the moment is counted now (only partner customer counts are live).
  const readLive = (ctx: EvalContext) => {
    const p = ctx.partner as PartnerState;
    const after = liveCount(def, p, ctx.seq, ctx.momentMs, false);
    return { after, before: liveCount(def, p, ctx.seq, ctx.momentMs, true), count: after };
  };
  const test =
    def.live !== null
      ? (ctx: EvalContext): boolean => {
          if (!ctx.partner) return false;
          const v = readLive(ctx);
          return pred(v.after, v.before, v.count);
        }
      : (ctx: EvalContext): boolean => {
          const s = scopeOf(ctx);
          if (!s) return false;
          return pred(sum ? s.exactSum(i) : s.count(i), s.before(i, ctx.seq, sum), s.count(i));
        };
  const desc = describeRule(rule);
  return {
    test,
    explain: (ctx) => {
      const s = scopeOf(ctx);
      const v = def.live !== null ? (ctx.partner ? readLive(ctx) : null) : s ? read(s, ctx.seq) : null;
      const trace: RuleTrace = {
        rule: desc,
        object: rule.object,
        field: rule.field,
        op: rule.op,
        ...(rule.value !== undefined ? { value: rule.value } : {}),
        actual: v ? display(spec, v.after) : null,
        before: v ? display(spec, v.before) : null,
        result: test(ctx),
      };
      if (rule.filters?.length) trace.filters = rule.filters.map(describeRule);
      return trace;
    },
  };
}

function compileLeaf(rule: Rule, slots: SlotRegistry, zone: Zone): CompiledNode {
  const spec = fieldSpec(rule.object, rule.field);
  if (!spec) throw new Error(`unknown field ${rule.object}.${rule.field}`);
  if (spec.aggregate) return compileAggregate(spec, rule, slots, zone);
  const get = contextGetter(rule.object, rule.field, zone);
  if (!get) throw new Error(`no getter for ${rule.object}.${rule.field}`);
  const pred = scalarPredicate(spec, rule, zone);
  const desc = describeRule(rule);
  const test = (ctx: EvalContext) => pred(get(ctx));
  return {
    test,
    explain: (ctx) => ({
      rule: desc,
      object: rule.object,
      field: rule.field,
      op: rule.op,
      ...(rule.value !== undefined ? { value: rule.value } : {}),
      actual: display(spec, get(ctx)),
      result: test(ctx),
    }),
  };
}

/** Compiles a rule tree; an absent tree always passes. `test` is generated straight-line code. */
export function compileTree(node: RuleNode | undefined, slots: SlotRegistry, zone: Zone): CompiledNode | null {
  if (!node) return null;
  const leafTests = new Map<Rule, Test>();
  const tree = compileNode(node, slots, zone, leafTests);
  const slotOf = (rule: Rule): SlotDef | null => {
    const spec = fieldSpec(rule.object, rule.field);
    return spec?.aggregate ? slots.slotFor(spec, rule.filters) : null;
  };
  const thresholdOf = (rule: Rule): number => {
    const spec = fieldSpec(rule.object, rule.field);
    return spec ? threshold(spec, rule.value, zone) : NaN;
  };
  return {
    test: generateTest(node, leafTests, slotOf, thresholdOf),
    explain: tree.explain,
    emit: (leaves) => emitCondition(node, leafTests, slotOf, thresholdOf, leaves),
  };
}

function compileNode(node: RuleNode, slots: SlotRegistry, zone: Zone, leafTests: Map<Rule, Test>): CompiledNode {
  if (isRule(node)) {
    const leaf = compileLeaf(node, slots, zone);
    leafTests.set(node, leaf.test);
    return leaf;
  }
  const all = isAll(node);
  const children = (all ? node.all : node.any).map((c) => compileNode(c, slots, zone, leafTests));
  const n = children.length;
  const test = all
    ? (ctx: EvalContext) => {
        for (let k = 0; k < n; k++) if (!(children[k] as CompiledNode).test(ctx)) return false;
        return true;
      }
    : (ctx: EvalContext) => {
        for (let k = 0; k < n; k++) if ((children[k] as CompiledNode).test(ctx)) return true;
        return false;
      };
  return {
    test,
    explain: (ctx) => {
      const traces = children.map((c) => c.explain(ctx));
      return { block: all ? 'all' : 'any', result: test(ctx), children: traces };
    },
  };
}

/**
 * Lint: warnings beside validation, for triggers that are valid but probably not what their
 * author meant. Never blocking (a draft with lint warnings saves and activates); the editor
 * shows them on the node and in Problems, `offerflow validate` prints them.
 *
 * - a rule that can never pass (`less than 0` days, `is a multiple of 0`), or AND siblings that
 *   contradict each other (group = A and group = B, count > 5 and count < 3);
 * - a rule that always passes (`more than or exactly 0` days, a count `≥ 0`, a multiple of 1);
 * - an offer description that names another amount or type than the reward (stale after the
 *   reward changed: the seed asks to update the description too), or no description at all.
 *
 * The double-reward order is a validation warning already (`validate.ts`).
 */
import { fieldSpec, OPERATOR_LABELS, type FieldSpec } from './catalogue';
import { isAll, isAny, isRule, type Offer, type Program, type Rule, type RuleNode, type Trigger } from './formats/program-schema';
import type { ProgramIssue } from './validate';

/** Lint findings are warnings with a `lint.*` code and the same paths as validation issues. */
export type LintCode = 'lint.never_passes' | 'lint.always_passes' | 'lint.contradiction' | 'lint.offer_stale' | 'lint.offer_no_description';

type Push = (code: LintCode, path: string, message: string) => void;

function numberOf(v: Rule['value']): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return null;
}

/** Counts, elapsed days and clicks are never negative; money sums can be (refunds). */
function nonNegative(spec: FieldSpec): boolean {
  return spec.kind === 'elapsed_days' || spec.kind === 'aggregate_count' || (spec.kind === 'aggregate_sum' && spec.aggregate?.unit === 'clicks') || spec.kind === 'number';
}

function describe(rule: Rule, spec: FieldSpec): string {
  const v = rule.value === undefined ? '' : ` ${Array.isArray(rule.value) ? rule.value.join(', ') : String(rule.value)}`;
  return `“${spec.label} ${OPERATOR_LABELS[rule.op]}${v}”`;
}

function lintRule(rule: Rule, path: string, push: Push): void {
  const spec = fieldSpec(rule.object, rule.field);
  if (!spec) return;
  const n = numberOf(rule.value);
  if (n === null) return;
  const what = describe(rule, spec);
  if (nonNegative(spec)) {
    if ((rule.op === 'less_than' && n <= 0) || (rule.op === 'less_than_or_equal_to' && n < 0)) {
      push('lint.never_passes', path, `${what} can never pass: the value is never below 0. Use a number above 0, or another operator.`);
    } else if ((rule.op === 'more_than_or_exactly' || rule.op === 'greater_than_or_equal_to') && n <= 0) {
      push('lint.always_passes', path, `${what} always passes, so it checks nothing. Use a number above 0, or remove the rule.`);
    }
  }
  if (rule.op === 'is_multiple_of' && n === 1 && spec.kind !== 'money' && spec.kind !== 'aggregate_sum') {
    push('lint.always_passes', path, `${what} always passes: every whole number is a multiple of 1.`);
  }
}

interface Bounds {
  lo: number;
  loIn: boolean;
  hi: number;
  hiIn: boolean;
}

/** The numeric range an operator allows, or null when it is not a range. */
function rangeOf(op: Rule['op'], n: number): Bounds | null {
  const all = { lo: -Infinity, loIn: false, hi: Infinity, hiIn: false };
  switch (op) {
    case 'equal_to':
      return { lo: n, loIn: true, hi: n, hiIn: true };
    case 'greater_than':
      return { ...all, lo: n };
    case 'greater_than_or_equal_to':
    case 'more_than_or_exactly':
    case 'reaches_or_exceeds':
      return { ...all, lo: n, loIn: true };
    case 'less_than':
      return { ...all, hi: n };
    case 'less_than_or_equal_to':
      return { ...all, hi: n, hiIn: true };
    default:
      return null;
  }
}

function emptyIntersection(a: Bounds, b: Bounds): boolean {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  if (lo < hi) return false;
  if (lo > hi) return true;
  const loIn = a.lo === lo ? a.loIn && (b.lo !== lo || b.loIn) : b.loIn;
  const hiIn = a.hi === hi ? a.hiIn && (b.hi !== hi || b.hiIn) : b.hiIn;
  return !(loIn && hiIn);
}

/** Whether two rules on the same field can never both pass. */
function contradiction(a: Rule, b: Rule): boolean {
  const ops = new Set([a.op, b.op]);
  if (ops.has('is_empty') && (ops.has('is_not_empty') || ops.has('equal_to'))) return true;
  if (a.filters?.length || b.filters?.length) return false;
  const same = JSON.stringify(a.value) === JSON.stringify(b.value);
  if (a.op === 'is' && b.op === 'is') return !same;
  if (ops.has('equal_to') && ops.has('not_equal_to') && same) return true;
  const na = numberOf(a.value);
  const nb = numberOf(b.value);
  if (na === null || nb === null) return a.op === 'equal_to' && b.op === 'equal_to' && typeof a.value === 'string' && typeof b.value === 'string' && !same;
  const ra = rangeOf(a.op, na);
  const rb = rangeOf(b.op, nb);
  return ra !== null && rb !== null && emptyIntersection(ra, rb);
}

/** Rules directly inside one AND block that cannot all pass together. */
function lintAllBlock(children: readonly RuleNode[], path: string, push: Push): void {
  const rules = children.map((c, i) => ({ c, i })).filter((x): x is { c: Rule; i: number } => isRule(x.c));
  for (let x = 0; x < rules.length; x += 1) {
    for (let y = x + 1; y < rules.length; y += 1) {
      const a = rules[x];
      const b = rules[y];
      if (!a || !b || a.c.object !== b.c.object || a.c.field !== b.c.field) continue;
      const spec = fieldSpec(a.c.object, a.c.field);
      if (!spec || !contradiction(a.c, b.c)) continue;
      push('lint.contradiction', `${path}.all[${b.i}]`, `${describe(b.c, spec)} contradicts ${describe(a.c, spec)} in the same AND block: no event passes both, so the trigger never fires. Put one of them in an OR block, or remove it.`);
    }
  }
}

function lintTree(node: RuleNode, path: string, push: Push): void {
  if (isRule(node)) return lintRule(node, path, push);
  if (isAll(node)) {
    lintAllBlock(node.all, path, push);
    node.all.forEach((c, i) => lintTree(c, `${path}.all[${i}]`, push));
  } else if (isAny(node)) {
    node.any.forEach((c, i) => lintTree(c, `${path}.any[${i}]`, push));
  }
}

/** Amounts a description names: "$50", "50 USD", "€5", "10%". */
function namedAmounts(text: string): { money: number[]; percents: number[] } {
  const money: number[] = [];
  const percents: number[] = [];
  const num = (s: string) => Number(s.replace(/,/g, ''));
  for (const m of text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*%/g)) percents.push(num(m[1] ?? ''));
  for (const m of text.matchAll(/[$€£¥]\s*(\d[\d,]*(?:\.\d+)?)/g)) money.push(num(m[1] ?? ''));
  for (const m of text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(?:USD|EUR|GBP|JPY|CAD|AUD|dollars?)\b/gi)) money.push(num(m[1] ?? ''));
  return { money, percents };
}

/** Why an offer's description no longer matches its reward, or null. */
export function staleOfferReason(offer: Offer): string | null {
  const { money, percents } = namedAmounts(offer.description);
  if (offer.type === 'percentage') {
    const p = Number(offer.percent);
    if (percents.length > 0 && !percents.includes(p)) return `names ${percents[0]}%, but the reward is ${offer.percent}%`;
    if (percents.length === 0 && money.length > 0) return `names an amount (${money[0]}), but the reward is ${offer.percent}% of the transaction`;
    return null;
  }
  const a = Number(offer.amount);
  if (money.length > 0 && !money.includes(a)) return `names ${money[0]}, but the reward is ${offer.amount} ${offer.currency}`;
  if (money.length === 0 && percents.length > 0) return `names ${percents[0]}%, but the reward is a flat ${offer.amount} ${offer.currency}`;
  return null;
}

function lintOffer(t: Trigger, path: string, push: Push): void {
  const offer = t.action.type === 'reward' || t.action.type === 'drip' ? t.action.offer : null;
  if (!offer) return;
  if (offer.description.trim() === '') {
    push('lint.offer_no_description', `${path}.action.offer.description`, 'The reward has no offer description: partners see this text on their dashboard, so say what they earn and for what.');
    return;
  }
  const stale = staleOfferReason(offer);
  if (stale) push('lint.offer_stale', `${path}.action.offer.description`, `The offer description “${offer.description}” ${stale}. Update it so partners see the reward they will get.`);
}

/** The lint warnings of one trigger (at `path`, e.g. `triggers[3]`). */
export function lintTrigger(t: Trigger, path: string): ProgramIssue[] {
  const out: ProgramIssue[] = [];
  const push: Push = (code, p, message) => out.push({ severity: 'warning', code, path: p, message, triggerId: t.id });
  if (t.rules) lintTree(t.rules, `${path}.rules`, push);
  lintOffer(t, path, push);
  return out;
}

/** Every lint warning of a program, in trigger order. */
export function lintProgram(program: Program): ProgramIssue[] {
  return program.triggers.flatMap((t, i) => lintTrigger(t, `triggers[${i}]`));
}

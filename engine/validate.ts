/**
 * Program validation. Program-level problems (duplicate keys, unknown references in partners,
 * bad evaluation order, offer currencies with no FX rate) make the program invalid input. A
 * trigger-level error makes that trigger invalid: it cannot be activated, and when the
 * trigger is active or inactive the program is invalid input; on a draft it is reported only.
 */
import {
  EVENT_OBJECTS,
  fieldSpec,
  filterFieldsFor,
  OPERATOR_LABELS,
  TRIGGER_EVENTS,
  valueTypeOf,
  type FieldSpec,
  type Operator,
} from './catalogue';
import { isAll, isAny, isRule, type DripSettings, type Offer, type Period, type Program, type Rule, type RuleNode, type Trigger } from './formats/program-schema';
import { decimalText, isCurrencyCode, parseDecimal, parseMinor, parseMinorExact } from './money';
import { evaluationOrderOf } from './order';
import { isDate } from './time';

export interface ProgramIssue {
  severity: 'error' | 'warning';
  /** Stable machine code, e.g. `rule.object_not_offered`, `order.double_reward`. */
  code: string;
  /** JSON path in the program file, e.g. `triggers[2].rules.all[0].op`. */
  path: string;
  message: string;
  /** The trigger the problem belongs to; absent for program-level problems. */
  triggerId?: string;
}

/** Deepest rule tree accepted: AND/OR blocks inside blocks (FORMATS); a rule leaf adds none. */
export const MAX_RULE_DEPTH = 64;

type Push = (code: string, path: string, message: string, severity?: 'error' | 'warning') => void;

interface Refs {
  groups: Set<string>;
  tiers: Set<string>;
  tags: Set<string>;
  partners: Set<string>;
}

function checkValue(spec: FieldSpec, rule: Rule, path: string, refs: Refs, push: Push): void {
  const vt = valueTypeOf(spec, rule.op);
  const v = rule.value;
  const where = `${path}.value`;
  const fieldName = `${spec.object}.${spec.field}`;
  if (vt === 'none') {
    if (v !== undefined) push('rule.value_not_expected', where, `"${OPERATOR_LABELS[rule.op]}" takes no value`);
    return;
  }
  if (v === undefined) {
    push('rule.value_missing', where, `${fieldName} ${OPERATOR_LABELS[rule.op]} needs a value`);
    return;
  }
  switch (vt) {
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) push('rule.value_kind', where, `${fieldName} takes a whole number ≥ 0`);
      else if (rule.op === 'is_multiple_of' && v === 0) push('rule.value_kind', where, 'is a multiple of 0 is never true; use a number ≥ 1');
      return;
    case 'money': {
      const text = typeof v === 'string' || typeof v === 'number' ? decimalText(v) : null;
      const minor = text === null ? 'is not a decimal amount' : parseMinor(text, 'USD');
      if (typeof minor === 'string') push('rule.value_kind', where, `${fieldName} takes a USD amount such as "100.00": ${minor}`);
      else if (rule.op === 'is_multiple_of' && minor <= 0) push('rule.value_kind', where, 'is a multiple of takes an amount greater than 0');
      return;
    }
    case 'date':
      if (typeof v !== 'string' || !isDate(v)) push('rule.value_kind', where, `${fieldName} takes a date YYYY-MM-DD`);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') push('rule.value_kind', where, `${fieldName} takes true or false`);
      return;
    case 'string':
      if (typeof v !== 'string' || v === '') push('rule.value_kind', where, `${fieldName} takes a non-empty text value`);
      else checkRef(spec, v, where, refs, push);
      return;
    case 'string_list':
      if (!Array.isArray(v)) push('rule.value_kind', where, `"${OPERATOR_LABELS[rule.op]}" takes a list of values`);
      else {
        if (v.length === 0) push('rule.empty_list', where, 'the list is empty', 'warning');
        v.forEach((item, i) => checkRef(spec, item, `${where}[${i}]`, refs, push));
      }
      return;
    default: {
      const never: never = vt;
      return never;
    }
  }
}

function checkRef(spec: FieldSpec, value: string, where: string, refs: Refs, push: Push): void {
  switch (spec.selector) {
    case 'group':
      if (!refs.groups.has(value)) push('ref.unknown_group', where, `group "${value}" is not defined in the program`);
      return;
    case 'tier':
      if (!refs.tiers.has(value)) push('ref.unknown_tier', where, `tier "${value}" is not defined in the program`);
      return;
    case 'tag':
      if (!refs.tags.has(value)) push('ref.unknown_tag', where, `tag "${value}" is not defined in the program`);
      return;
    case 'currency':
      if (!isCurrencyCode(value)) push('ref.unknown_currency', where, `"${value}" is not an ISO 4217 currency code`);
      return;
    case undefined:
      if (spec.object === 'partnership' && spec.field === 'partner_key' && !refs.partners.has(value)) {
        push('ref.unknown_partner', where, `partner "${value}" is not among the sample partners (it may still arrive in an event set)`, 'warning');
      }
      return;
  }
}

function checkRule(trigger: Trigger, rule: Rule, path: string, refs: Refs, push: Push, isFilter: FieldSpec | null): void {
  const spec = fieldSpec(rule.object, rule.field);
  if (!isFilter && !EVENT_OBJECTS[trigger.event].includes(rule.object)) {
    push('rule.object_not_offered', `${path}.object`, `${trigger.event} does not offer ${rule.object} rules (it offers ${EVENT_OBJECTS[trigger.event].join(', ')})`);
    return;
  }
  if (!spec) {
    push('rule.unknown_field', `${path}.field`, `${rule.object} has no field "${rule.field}"`);
    return;
  }
  if (isFilter) {
    const allowed = filterFieldsFor(isFilter);
    if (!allowed.includes(spec)) {
      push('rule.bad_filter', path, `${spec.object}.${spec.field} cannot filter ${isFilter.object}.${isFilter.field}${allowed.length ? ` (use ${allowed.map((f) => f.field).join(', ')})` : ' (it takes no filters)'}`);
      return;
    }
  }
  if (!spec.operators.includes(rule.op)) {
    push('rule.operator_not_allowed', `${path}.op`, `${rule.object}.${rule.field} does not allow "${OPERATOR_LABELS[rule.op]}" (allowed: ${spec.operators.map((o: Operator) => OPERATOR_LABELS[o]).join(', ')})`);
    return;
  }
  checkValue(spec, rule, path, refs, push);
  if (rule.filters && rule.filters.length > 0) {
    if (isFilter || !spec.aggregate) {
      push('rule.filters_not_allowed', `${path}.filters`, `only aggregate fields (counts and sums) take filters`);
      return;
    }
    rule.filters.forEach((f, i) => checkRule(trigger, f, `${path}.filters[${i}]`, refs, push, spec));
  }
}

/** `blocks` is how many blocks hold `node` (0 for the root); a block at depth 65 is one too many. */
function checkNode(trigger: Trigger, node: RuleNode, path: string, blocks: number, refs: Refs, push: Push): void {
  if (isRule(node)) {
    checkRule(trigger, node, path, refs, push, null);
    return;
  }
  if (blocks + 1 > MAX_RULE_DEPTH) {
    push('rule.too_deep', path, `rule blocks are nested more than ${MAX_RULE_DEPTH} deep`);
    return;
  }
  const [key, children] = isAll(node) ? ['all', node.all] : ['any', node.any];
  if (children.length === 0 && key === 'any') push('rule.empty_any', path, 'an empty OR block never passes', 'warning');
  children.forEach((c, i) => checkNode(trigger, c, `${path}.${key}[${i}]`, blocks + 1, refs, push));
}

/** Which field of an offer is not greater than 0 (FORMATS: the trigger is invalid), or null. */
export function offerNotPositive(offer: Offer): { field: 'amount' | 'percent'; message: string } | null {
  if (offer.type === 'flat') {
    const minor = isCurrencyCode(offer.currency) ? parseMinorExact(offer.amount, offer.currency) : null;
    // A malformed amount is the schema's to report; here only its sign matters.
    return typeof minor !== 'string' && minor !== null && minor <= 0 ? { field: 'amount', message: `the offer amount must be greater than 0 (it is ${offer.amount})` } : null;
  }
  const d = parseDecimal(offer.percent);
  return d && d.units <= 0n ? { field: 'percent', message: `the offer percentage must be greater than 0 (it is ${offer.percent})` } : null;
}

/** Most occurrences a drip may have (FORMATS). */
export const MAX_DRIP_OCCURRENCES = 1000;
/** Longest span from the moment to a drip's last occurrence, in years (FORMATS). */
export const MAX_DRIP_YEARS = 100;
/** Days in 400 Gregorian years: a year of the span bound is the Gregorian average, 146097 / 400 days. */
const DAYS_PER_400_YEARS = 146_097;

/** How far delay + (occurrences − 1) × cycle reaches, as months and days (a week is 7 days, a year 12 months). */
function dripReach(drip: DripSettings): { months: number; days: number } {
  const out = { months: 0, days: 0 };
  const add = (p: Period | undefined, times: number) => {
    if (!p) return;
    if (p.unit === 'day' || p.unit === 'week') out.days += p.count * times * (p.unit === 'week' ? 7 : 1);
    else out.months += p.count * times * (p.unit === 'year' ? 12 : 1);
  };
  add(drip.delay, 1);
  add(drip.cycle, Math.max(0, drip.occurrences - 1));
  return out;
}

/** A drip's problems against its bounds (FORMATS), with paths relative to the `drip` object. */
export interface DripIssue {
  code: string;
  /** `occurrences`, `delay.count`, `cycle.count`, or '' for the drip as a whole. */
  path: string;
  message: string;
}

/**
 * Checks a drip's settings: occurrences 1–1000, delay ≥ 0, cycle ≥ 1 (needed with more than one
 * occurrence), and delay + (occurrences − 1) × cycle spanning at most 100 years, where a year is
 * 12 months or the Gregorian average 365.2425 days. Shared by validation and the drip preview.
 */
export function dripIssues(d: DripSettings): DripIssue[] {
  const out: DripIssue[] = [];
  if (d.occurrences < 1) out.push({ code: 'drip.occurrences', path: 'occurrences', message: 'a drip needs at least 1 occurrence' });
  if (d.occurrences > MAX_DRIP_OCCURRENCES) out.push({ code: 'drip.occurrences', path: 'occurrences', message: `a drip has at most ${MAX_DRIP_OCCURRENCES} occurrences` });
  if (d.delay.count < 0) out.push({ code: 'drip.delay', path: 'delay.count', message: 'the delay cannot be negative' });
  if (d.cycle && d.cycle.count < 1) out.push({ code: 'drip.cycle', path: 'cycle.count', message: 'the cycle must be at least 1' });
  if (!d.cycle && d.occurrences > 1) out.push({ code: 'drip.cycle', path: '', message: 'a drip with more than one occurrence needs a cycle' });
  if (out.length > 0) return out;
  const { months, days } = dripReach(d);
  // months / 12 + days × 400 / 146097 ≤ 100, in integers (exact below 2^53; beyond it far over).
  if (months * DAYS_PER_400_YEARS + days * 4800 > MAX_DRIP_YEARS * 12 * DAYS_PER_400_YEARS) {
    const delayOnly = dripReach({ ...d, occurrences: 1 });
    const delayTooLong = delayOnly.months * DAYS_PER_400_YEARS + delayOnly.days * 4800 > MAX_DRIP_YEARS * 12 * DAYS_PER_400_YEARS;
    const where = delayTooLong || !d.cycle ? 'delay.count' : 'cycle.count';
    out.push({ code: 'drip.too_long', path: where, message: `the delay plus ${d.occurrences - 1} cycle${d.occurrences === 2 ? '' : 's'} reaches more than ${MAX_DRIP_YEARS} years after the reward is earned` });
  }
  return out;
}

function checkAction(trigger: Trigger, path: string, program: Program, refs: Refs, push: Push, pushProgram: Push): void {
  const a = trigger.action;
  switch (a.type) {
    case 'reward':
    case 'drip': {
      if (a.offer.type === 'percentage' && trigger.event !== 'transaction.created') {
        push('action.percentage_event', `${path}.offer.type`, `a percentage reward needs the transaction.created event (this trigger listens to ${trigger.event})`);
      }
      if (a.offer.type === 'flat' && a.offer.currency !== 'USD' && program.fxRates[a.offer.currency] === undefined) {
        pushProgram('action.currency_without_rate', `${path}.offer.currency`, `${a.offer.currency} has no FX rate in the program's fxRates`);
      }
      const notPositive = offerNotPositive(a.offer);
      if (notPositive) push('action.offer_not_positive', `${path}.offer.${notPositive.field}`, notPositive.message);
      if (a.offer.description.trim() === '') push('action.no_description', `${path}.offer.description`, 'partners see the offer description: write one', 'warning');
      if (a.type === 'drip') for (const d of dripIssues(a.drip)) push(d.code, d.path ? `${path}.drip.${d.path}` : `${path}.drip`, d.message);
      return;
    }
    case 'change_group':
      if (!refs.groups.has(a.group)) push('ref.unknown_group', `${path}.group`, `group "${a.group}" is not defined in the program`);
      return;
    case 'apply_tag':
      if (!refs.tags.has(a.tag)) push('ref.unknown_tag', `${path}.tag`, `tag "${a.tag}" is not defined in the program`);
      return;
    default: {
      const never: never = a;
      return never;
    }
  }
}

function duplicates(keys: string[], path: string, what: string, push: Push): void {
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (seen.has(k)) push('program.duplicate_key', `${path}[${i}].key`, `${what} "${k}" is defined twice`);
    seen.add(k);
  });
}

/** Rule leaves of a tree that require partnership.group = G (reachable through any blocks). */
function groupsRequired(node: RuleNode | undefined, out: Set<string>): void {
  if (!node) return;
  if (isRule(node)) {
    if (node.object === 'partnership' && node.field === 'group' && node.op === 'equal_to' && typeof node.value === 'string') out.add(node.value);
    return;
  }
  for (const c of isAll(node) ? node.all : isAny(node) ? node.any : []) groupsRequired(c, out);
}

function checkOrder(program: Program, push: Push): void {
  const byId = new Map(program.triggers.map((t) => [t.id, t]));
  // The record is partial: a program built in memory (not parsed) may hold an event set to undefined.
  for (const [event, ids] of Object.entries(program.evaluationOrder) as [string, string[] | undefined][]) {
    const seen = new Set<string>();
    (ids ?? []).forEach((id, i) => {
      const where = `evaluationOrder.${event}[${i}]`;
      const t = byId.get(id);
      if (seen.has(id)) push('order.duplicate', where, `trigger "${id}" is listed twice`);
      else if (!t) push('order.unknown_trigger', where, `no trigger has id "${id}"`);
      else if (t.event !== event) push('order.wrong_event', where, `trigger "${id}" listens to ${t.event}, not ${event}`);
      seen.add(id);
    });
  }
}

/** The seed's double-reward pattern: a group move evaluated before a reward for its destination. */
export function doubleRewardWarnings(program: Program): ProgramIssue[] {
  const out: ProgramIssue[] = [];
  const order = evaluationOrderOf(program);
  const index = new Map(program.triggers.map((t, i) => [t.id, i]));
  for (const event of TRIGGER_EVENTS) {
    const list = order[event];
    list.forEach((mover, i) => {
      if (mover.action.type !== 'change_group' || mover.status === 'draft') return;
      const dest = mover.action.group;
      for (const later of list.slice(i + 1)) {
        if ((later.action.type !== 'reward' && later.action.type !== 'drip') || later.status === 'draft') continue;
        const req = new Set<string>();
        groupsRequired(later.rules, req);
        if (!req.has(dest)) continue;
        out.push({
          severity: 'warning',
          code: 'order.double_reward',
          path: `triggers[${index.get(later.id)}]`,
          triggerId: later.id,
          message: `"${mover.name}" moves partners to ${dest} before "${later.name}" (a reward for ${dest}) is evaluated on the same ${event}: one event can pay twice. Evaluate the move last.`,
        });
      }
    });
  }
  return out;
}

/** Every problem in a program, program-level and per trigger, in file order. */
export function validateProgram(program: Program): ProgramIssue[] {
  const issues: ProgramIssue[] = [];
  const pushProgram: Push = (code, path, message, severity = 'error') => issues.push({ severity, code, path, message });
  const refs: Refs = {
    groups: new Set(program.groups.map((g) => g.key)),
    tiers: new Set(program.tiers.map((t) => t.key)),
    tags: new Set(program.tags.map((t) => t.key)),
    partners: new Set(program.partners.map((p) => p.key)),
  };
  duplicates(program.groups.map((g) => g.key), 'groups', 'group', pushProgram);
  duplicates(program.tiers.map((g) => g.key), 'tiers', 'tier', pushProgram);
  duplicates(program.tags.map((g) => g.key), 'tags', 'tag', pushProgram);
  duplicates(program.partners.map((g) => g.key), 'partners', 'partner', pushProgram);
  const ids = new Set<string>();
  program.triggers.forEach((t, i) => {
    if (ids.has(t.id)) pushProgram('program.duplicate_key', `triggers[${i}].id`, `trigger id "${t.id}" is used twice`);
    ids.add(t.id);
  });
  program.partners.forEach((p, i) => {
    if (p.group !== null && !refs.groups.has(p.group)) pushProgram('ref.unknown_group', `partners[${i}].group`, `group "${p.group}" is not defined in the program`);
    if (p.tier !== null && !refs.tiers.has(p.tier)) pushProgram('ref.unknown_tier', `partners[${i}].tier`, `tier "${p.tier}" is not defined in the program`);
    p.tags.forEach((tag, j) => {
      if (!refs.tags.has(tag)) pushProgram('ref.unknown_tag', `partners[${i}].tags[${j}]`, `tag "${tag}" is not defined in the program`);
    });
  });
  for (const [code, rate] of Object.entries(program.fxRates)) {
    if (code === 'USD' && decimalText(rate) !== null && Number(rate) !== 1) pushProgram('fx.usd_rate', `fxRates.USD`, 'the USD rate must be 1 (USD is the ledger currency)');
  }
  checkOrder(program, pushProgram);
  program.triggers.forEach((t, i) => {
    const push: Push = (code, path, message, severity = 'error') => issues.push({ severity, code, path, message, triggerId: t.id });
    if (t.rules) checkNode(t, t.rules, `triggers[${i}].rules`, 0, refs, push);
    checkAction(t, `triggers[${i}].action`, program, refs, push, (code, path, message, severity = 'error') =>
      issues.push({ severity, code, path, message, triggerId: t.id }),
    );
    if (t.status === 'draft' && t.activatedAt) push('trigger.draft_activated_at', `triggers[${i}].activatedAt`, 'a draft has no activation time; it is ignored', 'warning');
  });
  issues.push(...doubleRewardWarnings(program));
  return issues;
}

/** Codes that make the program invalid whatever the trigger's status. */
const ALWAYS_BLOCKING = new Set(['action.currency_without_rate']);

/**
 * The issues that make the program invalid input: program-level errors, and errors of
 * triggers that are active or inactive. Errors on drafts are only reported.
 */
export function blockingIssues(program: Program, issues: readonly ProgramIssue[]): ProgramIssue[] {
  const status = new Map(program.triggers.map((t) => [t.id, t.status]));
  return issues.filter(
    (i) => i.severity === 'error' && (i.triggerId === undefined || status.get(i.triggerId) !== 'draft' || ALWAYS_BLOCKING.has(i.code)),
  );
}

/** Errors that keep one trigger from being activated. */
export function triggerErrors(issues: readonly ProgramIssue[], triggerId: string): ProgramIssue[] {
  return issues.filter((i) => i.triggerId === triggerId && i.severity === 'error' && i.code !== 'order.double_reward');
}

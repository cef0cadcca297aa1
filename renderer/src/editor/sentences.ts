/**
 * Triggers in the seed's words: a rule reads "Partnership · Joined the program · more than or
 * exactly 90 days", a whole trigger "When a transaction is created, if … and (… or …), reward
 * 10% of the transaction". Issue messages of the validator name fields as `object.field`; here
 * they get the same words. Pure functions: nodes, inspector, header and Problems read them.
 */
import { CATALOGUE, fieldSpec, OPERATOR_LABELS, valueTypeOf, type FieldSpec } from '@engine/catalogue';
import { isAll, isAny, isRule, type Action, type Program, type Rule, type RuleNode, type Trigger } from '@engine/formats/program-schema';
import { ACTION_LABELS, EVENT_LABELS } from './action-model';
import type { EditorNode } from './graph-types';

const OBJECT_WORDS: Readonly<Record<Rule['object'], string>> = {
  partnership: 'Partnership',
  customer: 'Customer',
  transaction: 'Transaction',
  action: 'Action',
  deal: 'Deal',
  lead: 'Lead',
};

/** A field's name without the unit hint the inspector shows: "Joined the program". */
export function fieldWords(spec: Pick<FieldSpec, 'label'>): string {
  return spec.label.replace(/\s*\((days ago|date|USD)\)$/, '');
}

function money(v: string | number): string {
  const n = Number(v);
  return Number.isFinite(n) ? `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : String(v);
}

/** The names the program gives its groups, tiers and tags, by selector and key. */
function nameOf(spec: FieldSpec, key: string, program?: Program): string {
  const list = spec.selector === 'group' ? program?.groups : spec.selector === 'tier' ? program?.tiers : spec.selector === 'tag' ? program?.tags : undefined;
  return list?.find((x) => x.key === key)?.name || key;
}

function valueWords(rule: Rule, spec: FieldSpec, program?: Program): string {
  const v = rule.value;
  if (v === undefined) return valueTypeOf(spec, rule.op) === 'none' ? '' : ' …';
  if (Array.isArray(v)) return ` ${v.map((x) => nameOf(spec, x, program)).join(', ') || '…'}`;
  switch (valueTypeOf(spec, rule.op)) {
    case 'integer':
      return spec.kind === 'elapsed_days' ? ` ${String(v)} day${v === 1 ? '' : 's'}` : ` ${String(v)}`;
    case 'money':
      return spec.aggregate?.unit === 'clicks' ? ` ${String(v)}` : ` ${money(v as string | number)}`;
    case 'boolean':
      return v === true ? ' yes' : ' no';
    default:
      return ` ${nameOf(spec, String(v), program)}`;
  }
}

/** "Partnership · Joined the program · more than or exactly 90 days". */
export function ruleSentence(rule: Rule, program?: Program): string {
  const spec = fieldSpec(rule.object, rule.field);
  if (!spec) return `${OBJECT_WORDS[rule.object]} · ${rule.field} · ${OPERATOR_LABELS[rule.op]}`;
  return `${OBJECT_WORDS[rule.object]} · ${fieldWords(spec)} · ${OPERATOR_LABELS[rule.op]}${valueWords(rule, spec, program)}`;
}

/** The rule inside a sentence: "partnership joined the program more than or exactly 90 days". */
function ruleClause(rule: Rule, program?: Program): string {
  const spec = fieldSpec(rule.object, rule.field);
  if (!spec) return `${rule.object} ${rule.field} ${rule.op}`;
  const where = (rule.filters ?? []).map((f) => ruleClause(f, program));
  const base = `${rule.object} ${fieldWords(spec).toLowerCase()} ${OPERATOR_LABELS[rule.op]}${valueWords(rule, spec, program)}`;
  return where.length > 0 ? `${base} (where ${where.join(' and ')})` : base;
}

function treeClause(node: RuleNode, program: Program | undefined, nested: boolean): string {
  if (isRule(node)) return ruleClause(node, program);
  const kids = isAll(node) ? node.all : isAny(node) ? node.any : [];
  if (kids.length === 0) return isAll(node) ? '(no rules yet)' : '(no rules yet)';
  const joined = kids.map((k) => treeClause(k, program, true)).join(isAll(node) ? ' and ' : ' or ');
  return nested && kids.length > 1 ? `(${joined})` : joined;
}

/** "reward 10% of the transaction", "move the partner to Silver". */
export function actionClause(action: Action, program?: Program): string {
  switch (action.type) {
    case 'reward':
    case 'drip': {
      const o = action.offer;
      const amount = o.type === 'flat' ? `${o.amount} ${o.currency}` : `${o.percent}% of the transaction`;
      if (action.type === 'reward') return `reward ${amount}`;
      const every = action.drip.cycle ? `, every ${action.drip.cycle.count} ${action.drip.cycle.unit}${action.drip.cycle.count === 1 ? '' : 's'}` : '';
      return `drip ${amount} ${action.drip.occurrences} time${action.drip.occurrences === 1 ? '' : 's'}${every}`;
    }
    case 'change_group':
      return `move the partner to ${program?.groups.find((g) => g.key === action.group)?.name || action.group || '(no group chosen)'}`;
    case 'apply_tag':
      return `tag the partner ${program?.tags.find((t) => t.key === action.tag)?.name || action.tag || '(no tag chosen)'}`;
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The whole trigger as one sentence. */
export function triggerSentence(trigger: Pick<Trigger, 'event' | 'rules' | 'action'>, program?: Program): string {
  const when = `When ${EVENT_LABELS[trigger.event].replace(/^A /, 'a ').replace(/^An /, 'an ')}`;
  const rules = trigger.rules ? `, if ${treeClause(trigger.rules, program, false)}` : '';
  return `${when}${rules}, ${actionClause(trigger.action, program)}.`;
}

const FIELD_NAMES = new Map(CATALOGUE.map((f) => [`${f.object}.${f.field}`, `${OBJECT_WORDS[f.object]} · ${fieldWords(f)}`]));

/**
 * A validator message in the editor's words: `partnership.group equal to needs a value` reads
 * "Partnership · Group equal to needs a value"; event and path names are left out.
 */
export function plainMessage(message: string): string {
  const named = message.replace(/\b([a-z]+)\.([a-z_]+)\b/g, (whole, o: string, f: string) => FIELD_NAMES.get(`${o}.${f}`) ?? whole);
  const event = named.replace(/\b(transaction|customer|action|deal|lead|partner)\.(created|joined_group|stage_changed|closed|qualified)\b/g, (whole) => {
    const label = (EVENT_LABELS as Record<string, string>)[whole];
    return label ? `“${label}”` : whole;
  });
  return event.charAt(0).toUpperCase() + event.slice(1);
}

/** What a node is, in words, for its accessible name and tooltip. */
export function nodeWords(node: EditorNode, program?: Program): string {
  switch (node.type) {
    case 'event':
      return `Event: ${EVENT_LABELS[node.data.event]}`;
    case 'block':
      return node.data.kind === 'all' ? 'AND block: every rule inside must pass' : 'OR block: at least one rule inside must pass';
    case 'rule':
      return `Rule: ${ruleSentence(node.data.rule, program)}`;
    case 'action':
      return `${ACTION_LABELS[node.data.action.type]}: ${actionClause(node.data.action, program)}`;
    default: {
      const never: never = node;
      return never;
    }
  }
}

/**
 * What the inspector offers, read from the engine's catalogue: the fields an event type offers,
 * the operators a field allows, the value editor an operator needs, and the filters an
 * aggregate takes. Pure functions; the React panels only render what these return.
 */
import {
  EVENT_OBJECTS,
  fieldSpec,
  fieldsForEvent,
  filterFieldsFor,
  OPERATOR_LABELS,
  valueTypeOf,
  type FieldSpec,
  type Operator,
  type RuleObject,
  type TriggerEvent,
} from '@engine/catalogue';
import type { Program, Rule, RuleValue } from '@engine/formats/program-schema';

export interface Choice {
  value: string;
  label: string;
  group?: string;
}

export type ValueEditor =
  | { kind: 'none' }
  | { kind: 'integer' }
  | { kind: 'money' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'text' }
  | { kind: 'select'; options: Choice[] }
  | { kind: 'multi_select'; options: Choice[] }
  | { kind: 'text_list' };

const OBJECT_LABELS: Readonly<Record<RuleObject, string>> = {
  partnership: 'Partnership',
  customer: 'Customer',
  transaction: 'Transaction',
  action: 'Action',
  deal: 'Deal',
  lead: 'Lead',
};

export function objectLabel(o: RuleObject): string {
  return OBJECT_LABELS[o];
}

export function fieldKey(spec: Pick<FieldSpec, 'object' | 'field'>): string {
  return `${spec.object}.${spec.field}`;
}

/** The fields a rule on this event may use, grouped by object. */
export function fieldChoices(event: TriggerEvent): Choice[] {
  return fieldsForEvent(event).map((f) => ({ value: fieldKey(f), label: f.label, group: OBJECT_LABELS[f.object] }));
}

export function operatorChoices(spec: FieldSpec): Choice[] {
  return spec.operators.map((op) => ({ value: op, label: OPERATOR_LABELS[op] }));
}

function selectorChoices(spec: FieldSpec, program: Program): Choice[] {
  switch (spec.selector) {
    case 'group':
      return program.groups.map((g) => ({ value: g.key, label: g.name || g.key }));
    case 'tier':
      return program.tiers.map((t) => ({ value: t.key, label: t.name || t.key }));
    case 'tag':
      return program.tags.map((t) => ({ value: t.key, label: t.name || t.key }));
    case 'currency':
      return currencyChoices(program);
    case undefined:
      return [];
  }
}

/** USD and every currency the program has an FX rate for. */
export function currencyChoices(program: Program): Choice[] {
  const codes = ['USD', ...Object.keys(program.fxRates).filter((c) => c !== 'USD').sort()];
  return codes.map((c) => ({ value: c, label: c }));
}

export function valueEditorFor(spec: FieldSpec, op: Operator, program: Program): ValueEditor {
  const vt = valueTypeOf(spec, op);
  switch (vt) {
    case 'none':
    case 'integer':
    case 'money':
    case 'date':
    case 'boolean':
      return { kind: vt };
    case 'string':
      return spec.selector ? { kind: 'select', options: selectorChoices(spec, program) } : { kind: 'text' };
    case 'string_list':
      return spec.selector ? { kind: 'multi_select', options: selectorChoices(spec, program) } : { kind: 'text_list' };
    default: {
      const never: never = vt;
      return never;
    }
  }
}

/** A starting value of the right kind, or undefined where the user must choose. */
export function defaultValue(spec: FieldSpec, op: Operator): RuleValue | undefined {
  const vt = valueTypeOf(spec, op);
  switch (vt) {
    // Never an impossible or an always-true start (lint): not "less than 0", not "a multiple of 1".
    case 'integer':
      return op === 'is_multiple_of' ? 5 : spec.kind === 'elapsed_days' ? 30 : 1;
    case 'money':
      return '100.00';
    case 'boolean':
      return true;
    case 'string_list':
      return [];
    case 'none':
    case 'date':
    case 'string':
      return undefined;
    default: {
      const never: never = vt;
      return never;
    }
  }
}

function withValue(rule: Rule, value: RuleValue | undefined): Rule {
  const { value: _old, ...rest } = rule;
  return value === undefined ? rest : { ...rest, value };
}

/** A new rule for the event: its first field and operator, a value of the right kind. */
export function newRule(event: TriggerEvent): Rule {
  const spec = fieldsForEvent(event)[0];
  if (!spec) throw new Error(`the catalogue offers no field for ${event}`);
  return ruleFor(spec);
}

function ruleFor(spec: FieldSpec): Rule {
  // Elapsed days start as "more than or exactly 30 days" (the seed's usual question), not "less than".
  const op = spec.kind === 'elapsed_days' && spec.operators.includes('more_than_or_exactly') ? 'more_than_or_exactly' : (spec.operators[0] ?? 'equal_to');
  return withValue({ object: spec.object, field: spec.field, op }, defaultValue(spec, op));
}

/** The rule on another field; keeps the operator and value when they still fit. */
export function changeField(rule: Rule, key: string): Rule {
  const [object, field] = key.split('.') as [RuleObject, string];
  const spec = fieldSpec(object, field);
  if (!spec) return rule;
  const old = fieldSpec(rule.object, rule.field);
  const fresh = ruleFor(spec);
  if (old && spec.operators.includes(rule.op) && valueTypeOf(old, rule.op) === valueTypeOf(spec, rule.op) && old.selector === spec.selector) {
    return withValue({ ...fresh, op: rule.op }, rule.value);
  }
  return fresh;
}

/** The rule with another operator; keeps the value when its kind does not change. */
export function changeOperator(rule: Rule, op: Operator): Rule {
  const spec = fieldSpec(rule.object, rule.field);
  if (!spec) return { ...rule, op };
  const same = spec.operators.includes(rule.op) && valueTypeOf(spec, rule.op) === valueTypeOf(spec, op);
  const next = { ...rule, op };
  // "is a multiple of" 0 or 1 never or always passes: such a kept value starts over.
  const trivial = op === 'is_multiple_of' && typeof rule.value === 'number' && rule.value <= 1;
  return same && !trivial ? next : withValue(next, defaultValue(spec, op));
}

export function changeValue(rule: Rule, value: RuleValue | undefined): Rule {
  return withValue(rule, value);
}

/** Fields a "where" row under this aggregate rule may use; empty when it takes no filters. */
export function filterChoices(rule: Rule): Choice[] {
  const spec = fieldSpec(rule.object, rule.field);
  return spec ? filterFieldsFor(spec).map((f) => ({ value: fieldKey(f), label: f.label, group: OBJECT_LABELS[f.object] })) : [];
}

export function addFilter(rule: Rule): Rule {
  const spec = fieldSpec(rule.object, rule.field);
  const first = spec ? filterFieldsFor(spec)[0] : undefined;
  if (!first) return rule;
  return { ...rule, filters: [...(rule.filters ?? []), ruleFor(first)] };
}

export function updateFilter(rule: Rule, index: number, filter: Rule): Rule {
  return { ...rule, filters: (rule.filters ?? []).map((f, i) => (i === index ? filter : f)) };
}

export function removeFilter(rule: Rule, index: number): Rule {
  const filters = (rule.filters ?? []).filter((_, i) => i !== index);
  const { filters: _old, ...rest } = rule;
  return filters.length > 0 ? { ...rest, filters } : rest;
}

/** Why a rule's object does not fit the event, or null. */
export function objectProblem(event: TriggerEvent, rule: Rule): string | null {
  return EVENT_OBJECTS[event].includes(rule.object) ? null : `${event} does not offer ${rule.object} rules`;
}

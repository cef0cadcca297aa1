/**
 * The rule catalogue as data: every object × field a rule may use, its kind, the operators it
 * allows, the kind of value it takes and the trigger events that offer its object. The engine's
 * validator and compiler and the editor's inspector all read this one table.
 */

export const TRIGGER_EVENTS = [
  'transaction.created',
  'customer.created',
  'action.created',
  'partner.joined_group',
  'deal.stage_changed',
  'lead.closed',
  'lead.qualified',
] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export const DATA_EVENTS = ['partner.created', 'link.clicked', 'partner.group_changed'] as const;
/** Event types an event-set file may contain (`partner.joined_group` is fired by the engine). */
export const FILE_EVENTS = [
  'partner.created',
  'customer.created',
  'transaction.created',
  'action.created',
  'deal.stage_changed',
  'lead.closed',
  'lead.qualified',
  'partner.group_changed',
  'link.clicked',
] as const;
export type FileEventType = (typeof FILE_EVENTS)[number];

export const RULE_OBJECTS = ['partnership', 'customer', 'transaction', 'action', 'deal', 'lead'] as const;
export type RuleObject = (typeof RULE_OBJECTS)[number];

/** Which objects each trigger event offers to its rules (ENGINE.md §3). */
export const EVENT_OBJECTS: Readonly<Record<TriggerEvent, readonly RuleObject[]>> = {
  'transaction.created': ['partnership', 'customer', 'transaction'],
  'customer.created': ['partnership', 'customer'],
  'action.created': ['partnership', 'customer', 'action'],
  'partner.joined_group': ['partnership'],
  'deal.stage_changed': ['partnership', 'deal'],
  'lead.closed': ['partnership', 'lead'],
  'lead.qualified': ['partnership', 'lead'],
};

export const OPERATORS = [
  'equal_to',
  'not_equal_to',
  'greater_than',
  'greater_than_or_equal_to',
  'less_than',
  'less_than_or_equal_to',
  'becomes_greater_than',
  'reaches_or_exceeds',
  'is_empty',
  'is_not_empty',
  'is_in',
  'is_not_in',
  'is_multiple_of',
  'more_than_or_exactly',
  'before',
  'before_or_exactly',
  'after',
  'after_or_exactly',
  'is',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const OPERATOR_LABELS: Readonly<Record<Operator, string>> = {
  equal_to: 'equal to',
  not_equal_to: 'not equal to',
  greater_than: 'greater than',
  greater_than_or_equal_to: 'greater than or equal to',
  less_than: 'less than',
  less_than_or_equal_to: 'less than or equal to',
  becomes_greater_than: 'becomes greater than',
  reaches_or_exceeds: 'reaches or exceeds',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  is_in: 'is in',
  is_not_in: 'is not in',
  is_multiple_of: 'is a multiple of',
  more_than_or_exactly: 'more than or exactly',
  before: 'before 12am on',
  before_or_exactly: 'before or exactly 12am on',
  after: 'after 12am on',
  after_or_exactly: 'after or exactly 12am on',
  is: 'is',
};

export type FieldKind =
  | 'elapsed_days'
  | 'date'
  | 'selector'
  | 'text'
  | 'number'
  | 'money'
  | 'aggregate_count'
  | 'aggregate_sum'
  | 'boolean';

/** The kind of value a rule carries, decided by field kind and operator. */
export type ValueType = 'integer' | 'money' | 'date' | 'boolean' | 'string' | 'string_list' | 'none';

export type SelectorSource = 'group' | 'tier' | 'tag' | 'currency';
/** Objects an aggregate can count or sum. */
export type AggregatedObject = 'customer' | 'transaction' | 'action' | 'deal' | 'lead' | 'link_click';

export interface AggregateSpec {
  /** The objects counted or summed; their fields are the filters the rule may carry. */
  readonly of: AggregatedObject;
  readonly scope: 'partner' | 'customer';
  readonly measure: 'count' | 'sum';
  /** Sums are in USD cents, except link clicks (a whole number). */
  readonly unit: 'count' | 'usd' | 'clicks';
}

export interface FieldSpec {
  readonly object: RuleObject;
  readonly field: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly operators: readonly Operator[];
  readonly selector?: SelectorSource;
  readonly aggregate?: AggregateSpec;
  readonly help: string;
}

const ELAPSED: readonly Operator[] = ['less_than', 'more_than_or_exactly'];
const DATE_OPS: readonly Operator[] = ['before', 'before_or_exactly', 'after', 'after_or_exactly'];
const NUMERIC6: readonly Operator[] = [
  'equal_to',
  'not_equal_to',
  'greater_than',
  'greater_than_or_equal_to',
  'less_than',
  'less_than_or_equal_to',
];
const EMPTINESS: readonly Operator[] = ['is_empty', 'is_not_empty'];
/** Operators that hold only at the event whose running total crosses the value. */
export const CROSSING_OPERATORS: readonly Operator[] = ['becomes_greater_than', 'reaches_or_exceeds'];
const STATIC_NUM: readonly Operator[] = [...NUMERIC6, ...EMPTINESS];
const STATIC_NUM_PLUS: readonly Operator[] = [...NUMERIC6, ...CROSSING_OPERATORS, ...EMPTINESS];
const AGGREGATE: readonly Operator[] = [...STATIC_NUM_PLUS, 'is_multiple_of'];
const SELECT4: readonly Operator[] = ['equal_to', 'not_equal_to', ...EMPTINESS];
const SELECT5: readonly Operator[] = [...SELECT4, 'is_in'];
const SELECT6: readonly Operator[] = [...SELECT4, 'is_in', 'is_not_in'];

function agg(of: AggregatedObject, scope: 'partner' | 'customer', measure: 'count' | 'sum'): AggregateSpec {
  const unit = measure === 'count' ? 'count' : of === 'link_click' ? 'clicks' : 'usd';
  return { of, scope, measure, unit };
}

/**
 * Every field, in the order the inspector lists them. Declared `as const` so each entry's object
 * and field are literal types: `StaticField` (below) keys the replay's field getters by them.
 */
export const CATALOGUE = [
  { object: 'partnership', field: 'joined_days', label: 'Joined the program (days ago)', kind: 'elapsed_days', operators: ELAPSED, help: 'Days between the partner joining and the event; the joining day is day 0.' },
  { object: 'partnership', field: 'joined_date', label: 'Joined the program (date)', kind: 'date', operators: DATE_OPS, help: 'The date the partner joined the program.' },
  { object: 'partnership', field: 'group', label: 'Group', kind: 'selector', selector: 'group', operators: SELECT4, help: 'The group the partner is in at the time of the event; earlier triggers may have changed it.' },
  { object: 'partnership', field: 'tag', label: 'Tag', kind: 'selector', selector: 'tag', operators: SELECT6, help: 'Tags the partner has at the time of the event.' },
  { object: 'partnership', field: 'tier', label: 'Tier', kind: 'selector', selector: 'tier', operators: SELECT6, help: 'The partner’s tier.' },
  { object: 'partnership', field: 'partner_key', label: 'Partner key', kind: 'text', operators: SELECT4, help: 'The partner’s unique key (case sensitive).' },
  { object: 'partnership', field: 'customer_count', label: 'Customer count', kind: 'aggregate_count', operators: AGGREGATE, aggregate: agg('customer', 'partner', 'count'), help: 'Customers of the partner, the current one included.' },
  { object: 'partnership', field: 'lead_count', label: 'Lead count', kind: 'aggregate_count', operators: AGGREGATE, aggregate: agg('lead', 'partner', 'count'), help: 'Leads of the partner, the current one included.' },
  { object: 'partnership', field: 'transaction_count', label: 'Transaction count', kind: 'aggregate_count', operators: AGGREGATE, aggregate: agg('transaction', 'partner', 'count'), help: 'Transactions of the partner’s customers, the current one included.' },
  { object: 'partnership', field: 'deal_count', label: 'Deal count', kind: 'aggregate_count', operators: AGGREGATE, aggregate: agg('deal', 'partner', 'count'), help: 'Deals of the partner, the current one included.' },
  { object: 'partnership', field: 'action_value_sum', label: 'Action value sum', kind: 'aggregate_sum', operators: AGGREGATE, aggregate: agg('action', 'partner', 'sum'), help: 'Sum of action values (USD) of the partner’s customers.' },
  { object: 'partnership', field: 'transaction_amount_sum', label: 'Transaction amount sum', kind: 'aggregate_sum', operators: AGGREGATE, aggregate: agg('transaction', 'partner', 'sum'), help: 'Sum of transaction amounts in USD of the partner’s customers.' },
  { object: 'partnership', field: 'deal_amount_sum', label: 'Deal amount sum', kind: 'aggregate_sum', operators: AGGREGATE, aggregate: agg('deal', 'partner', 'sum'), help: 'Sum of deal amounts in USD of the partner.' },
  { object: 'partnership', field: 'link_click_sum', label: 'Link click sum', kind: 'aggregate_sum', operators: AGGREGATE, aggregate: agg('link_click', 'partner', 'sum'), help: 'Clicks on the partner’s links (a whole number).' },
  { object: 'customer', field: 'signed_up_date', label: 'Signed up (date)', kind: 'date', operators: DATE_OPS, help: 'The date the customer was created.' },
  { object: 'customer', field: 'signed_up_days', label: 'Signed up (days ago)', kind: 'elapsed_days', operators: ELAPSED, help: 'Days since the customer was created; the first day is day 0.' },
  { object: 'customer', field: 'first_purchase_days', label: 'Made their first purchase (days ago)', kind: 'elapsed_days', operators: ELAPSED, help: 'Days since the customer’s first transaction was received; empty until they pay.' },
  { object: 'customer', field: 'has_paid', label: 'Has paid', kind: 'boolean', operators: ['is'], help: 'True once the customer has a transaction (the current one included).' },
  { object: 'customer', field: 'transaction_amount_sum', label: 'Transaction amount sum', kind: 'aggregate_sum', operators: AGGREGATE, aggregate: agg('transaction', 'customer', 'sum'), help: 'Sum of the customer’s transactions in USD.' },
  { object: 'customer', field: 'action_value_sum', label: 'Action value sum', kind: 'aggregate_sum', operators: AGGREGATE, aggregate: agg('action', 'customer', 'sum'), help: 'Sum of the customer’s action values (USD).' },
  { object: 'customer', field: 'transaction_count', label: 'Transaction count', kind: 'aggregate_count', operators: AGGREGATE, aggregate: agg('transaction', 'customer', 'count'), help: 'The customer’s transactions, the current one included.' },
  { object: 'customer', field: 'paid_order', label: 'Order that paid customer was created', kind: 'number', operators: STATIC_NUM, help: 'The customer’s 1-based rank among the partner’s paying customers; empty until they pay.' },
  { object: 'transaction', field: 'created_date', label: 'Was created (date)', kind: 'date', operators: DATE_OPS, help: 'The transaction’s created date (may be back- or future-dated).' },
  { object: 'transaction', field: 'amount', label: 'Amount (USD)', kind: 'money', operators: STATIC_NUM_PLUS, help: 'The transaction amount converted to USD.' },
  { object: 'transaction', field: 'product_key', label: 'Product key', kind: 'text', operators: SELECT5, help: 'The transaction’s product key.' },
  { object: 'transaction', field: 'category_key', label: 'Category key', kind: 'text', operators: SELECT4, help: 'The transaction’s category key.' },
  { object: 'transaction', field: 'currency', label: 'Currency', kind: 'selector', selector: 'currency', operators: SELECT6, help: 'The currency the transaction was sent in.' },
  { object: 'action', field: 'action_key', label: 'Action key', kind: 'text', operators: SELECT6, help: 'The key of the action (e.g. "onboarding_completed").' },
  { object: 'action', field: 'value', label: 'Value (USD)', kind: 'money', operators: STATIC_NUM, help: 'The action’s value in USD.' },
  { object: 'deal', field: 'stage', label: 'Stage', kind: 'text', operators: SELECT6, help: 'The deal’s stage after the change.' },
  { object: 'deal', field: 'name', label: 'Name', kind: 'text', operators: SELECT6, help: 'The deal’s name.' },
  { object: 'deal', field: 'amount', label: 'Amount (USD)', kind: 'money', operators: STATIC_NUM, help: 'The deal amount in USD.' },
  { object: 'lead', field: 'stage', label: 'Stage', kind: 'text', operators: SELECT6, help: 'The lead’s stage.' },
  { object: 'lead', field: 'name', label: 'Name', kind: 'text', operators: SELECT6, help: 'The lead’s name.' },
  { object: 'lead', field: 'submitted_date', label: 'Submitted (date)', kind: 'date', operators: DATE_OPS, help: 'The date the lead was submitted.' },
] as const satisfies readonly FieldSpec[];

/** One entry of the catalogue, with its object and field as literal types. */
export type CatalogueEntry = (typeof CATALOGUE)[number];

/**
 * The fields of `O` read straight off the object (not counted or summed over others): each has
 * a getter in engine/replay/fields.ts, and a catalogue field without one does not compile.
 */
export type StaticField<O extends RuleObject> = Exclude<Extract<CatalogueEntry, { object: O }>, { kind: 'aggregate_count' | 'aggregate_sum' }>['field'];


const BY_KEY = new Map<string, FieldSpec>(CATALOGUE.map((f) => [`${f.object}.${f.field}`, f]));

/** The catalogue entry of object.field, or undefined. */
export function fieldSpec(object: string, field: string): FieldSpec | undefined {
  return BY_KEY.get(`${object}.${field}`);
}

export function fieldsOf(object: RuleObject): readonly FieldSpec[] {
  return CATALOGUE.filter((f) => f.object === object);
}

/** Fields offered by an event type: the fields of every object it offers. */
export function fieldsForEvent(event: TriggerEvent): readonly FieldSpec[] {
  const objects = EVENT_OBJECTS[event];
  return CATALOGUE.filter((f) => objects.includes(f.object));
}

/** Catalogue object whose fields filter an aggregate over `of` (link clicks have none). */
export function filterObjectOf(of: AggregatedObject): RuleObject | null {
  return of === 'link_click' ? null : of;
}

/**
 * Fields usable as a "where" filter on an aggregate: the static (non-aggregate) fields of the
 * aggregated object. Elapsed-day fields are among them, judged at the moment of the event
 * (ENGINE §4), so such a count can change between events without a new object.
 */
export function filterFieldsFor(spec: FieldSpec): readonly FieldSpec[] {
  const obj = spec.aggregate ? filterObjectOf(spec.aggregate.of) : null;
  if (!obj) return [];
  return CATALOGUE.filter((f) => f.object === obj && f.kind !== 'aggregate_count' && f.kind !== 'aggregate_sum');
}

/** The kind of value a rule on `spec` with `op` takes. */
export function valueTypeOf(spec: FieldSpec, op: Operator): ValueType {
  if (op === 'is_empty' || op === 'is_not_empty') return 'none';
  if (op === 'is_in' || op === 'is_not_in') return 'string_list';
  switch (spec.kind) {
    case 'elapsed_days':
    case 'number':
    case 'aggregate_count':
      return 'integer';
    case 'aggregate_sum':
      return spec.aggregate?.unit === 'clicks' ? 'integer' : 'money';
    case 'money':
      return 'money';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'selector':
    case 'text':
      return 'string';
    default: {
      const never: never = spec.kind;
      return never;
    }
  }
}

export function isTriggerEvent(x: string): x is TriggerEvent {
  return (TRIGGER_EVENTS as readonly string[]).includes(x);
}

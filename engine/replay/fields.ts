/**
 * How each catalogue field reads its value from the replay's state. Values are numbers (days,
 * cents, counts, epoch ms), strings, tag lists or booleans; `null` is a missing value.
 */
import type { Minor } from '../money';
import type { Zone } from '../time';
import type { RuleObject, StaticField } from '../catalogue';
import type { ActionObj, CustomerState, DealState, EvalContext, LeadState, PartnerState, TransactionObj } from './state';

/** Money is a `Minor`: a BigInt only past 2^53 minor units. */
export type Scalar = Minor | string | boolean | readonly string[] | null;
/** Reads a field of an object; `moment` and `zone` serve elapsed-days fields only. */
export type ObjectGetter<O> = (obj: O, moment: number, zone: Zone) => Scalar;

/** The state each rule object is read from. */
export interface ObjectStates {
  partnership: PartnerState;
  customer: CustomerState;
  transaction: TransactionObj;
  action: ActionObj;
  deal: DealState;
  lead: LeadState;
}

/**
 * For every rule object, one getter per static field the catalogue gives it (`StaticField`):
 * a field added to the catalogue without its getter here, or a getter for a field the catalogue
 * does not have, does not compile (fields.test.ts shows both).
 */
export type GetterTables = { readonly [O in RuleObject]: { readonly [F in StaticField<O>]: ObjectGetter<ObjectStates[O]> } };

/** Object getters by catalogue object, for rules and filters (the aggregated object is the input). */
export const OBJECT_GETTERS: GetterTables = {
  partnership: {
    joined_days: (p, m, z) => z.elapsedDays(p.joinedMs, m),
    joined_date: (p) => p.joinedMs,
    group: (p) => p.group,
    tag: (p) => p.tags,
    tier: (p) => p.tier,
    partner_key: (p) => p.key,
  },
  customer: {
    signed_up_date: (c) => c.createdMs,
    signed_up_days: (c, m, z) => z.elapsedDays(c.createdMs, m),
    first_purchase_days: (c, m, z) => (Number.isNaN(c.firstPaidMs) ? null : z.elapsedDays(c.firstPaidMs, m)),
    has_paid: (c) => !Number.isNaN(c.firstPaidMs),
    paid_order: (c) => (c.paidOrder === 0 ? null : c.paidOrder),
  },
  transaction: {
    created_date: (t) => t.createdMs,
    amount: (t) => t.usd,
    product_key: (t) => t.productKey,
    category_key: (t) => t.categoryKey,
    currency: (t) => t.currency,
  },
  action: {
    action_key: (a) => a.actionKey,
    value: (a) => a.usd,
  },
  deal: {
    stage: (d) => d.stage,
    name: (d) => d.name,
    amount: (d) => d.usd,
  },
  lead: {
    stage: (l) => l.stage,
    name: (l) => l.name,
    submitted_date: (l) => l.submittedMs,
  },
};

/** The same tables looked up by a program's field name (any string). */
const BY_NAME: { readonly [O in RuleObject]: Readonly<Partial<Record<string, ObjectGetter<ObjectStates[O]>>>> } = OBJECT_GETTERS;

/** Where the evaluation context holds each rule object (null when the event lacks it). */
const IN_CONTEXT = {
  partnership: 'partner',
  customer: 'customer',
  transaction: 'transaction',
  action: 'action',
  deal: 'deal',
  lead: 'lead',
} as const satisfies { readonly [O in RuleObject]: keyof EvalContext };

/**
 * The getter of `object.field` (a program's field, so any string), or undefined when the
 * catalogue has no such static field. Own keys only: `constructor` is not a field.
 */
export function objectGetter<O extends RuleObject>(object: O, field: string): ObjectGetter<ObjectStates[O]> | undefined {
  const table = BY_NAME[object];
  return Object.hasOwn(table, field) ? table[field] : undefined;
}

/** A getter of object.field over the evaluation context (null when the event lacks the object). */
export function contextGetter(object: RuleObject, field: string, zone: Zone): ((ctx: EvalContext) => Scalar) | null {
  const g: ObjectGetter<ObjectStates[RuleObject]> | undefined = objectGetter(object, field);
  if (!g) return null;
  const key = IN_CONTEXT[object];
  return (ctx) => {
    const obj = ctx[key];
    return obj ? g(obj, ctx.momentMs, zone) : null;
  };
}

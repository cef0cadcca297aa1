/**
 * How each catalogue field reads its value from the replay's state. Values are numbers (days,
 * cents, counts, epoch ms), strings, tag lists or booleans; `null` is a missing value.
 */
import type { Minor } from '../money';
import type { Zone } from '../time';
import type { ActionObj, CustomerState, DealState, EvalContext, LeadState, PartnerState, TransactionObj } from './state';

/** Money is a `Minor`: a BigInt only past 2^53 minor units. */
export type Scalar = Minor | string | boolean | readonly string[] | null;
/** Reads a field of an object; `moment` and `zone` serve elapsed-days fields only. */
export type ObjectGetter<O> = (obj: O, moment: number, zone: Zone) => Scalar;

type GetterTable<O> = Readonly<Record<string, ObjectGetter<O>>>;

const PARTNERSHIP: GetterTable<PartnerState> = {
  joined_days: (p, m, z) => z.elapsedDays(p.joinedMs, m),
  joined_date: (p) => p.joinedMs,
  group: (p) => p.group,
  tag: (p) => p.tags,
  tier: (p) => p.tier,
  partner_key: (p) => p.key,
};

const CUSTOMER: GetterTable<CustomerState> = {
  signed_up_date: (c) => c.createdMs,
  signed_up_days: (c, m, z) => z.elapsedDays(c.createdMs, m),
  first_purchase_days: (c, m, z) => (Number.isNaN(c.firstPaidMs) ? null : z.elapsedDays(c.firstPaidMs, m)),
  has_paid: (c) => !Number.isNaN(c.firstPaidMs),
  paid_order: (c) => (c.paidOrder === 0 ? null : c.paidOrder),
};

const TRANSACTION: GetterTable<TransactionObj> = {
  created_date: (t) => t.createdMs,
  amount: (t) => t.usd,
  product_key: (t) => t.productKey,
  category_key: (t) => t.categoryKey,
  currency: (t) => t.currency,
};

const ACTION: GetterTable<ActionObj> = {
  action_key: (a) => a.actionKey,
  value: (a) => a.usd,
};

const DEAL: GetterTable<DealState> = {
  stage: (d) => d.stage,
  name: (d) => d.name,
  amount: (d) => d.usd,
};

const LEAD: GetterTable<LeadState> = {
  stage: (l) => l.stage,
  name: (l) => l.name,
  submitted_date: (l) => l.submittedMs,
};

/** Object getters by catalogue object, for filters (the aggregated object is the input). */
export const OBJECT_GETTERS = {
  partnership: PARTNERSHIP,
  customer: CUSTOMER,
  transaction: TRANSACTION,
  action: ACTION,
  deal: DEAL,
  lead: LEAD,
} as const;

/** A getter of object.field over the evaluation context (null when the event lacks the object). */
export function contextGetter(object: keyof typeof OBJECT_GETTERS, field: string, zone: Zone): ((ctx: EvalContext) => Scalar) | null {
  switch (object) {
    case 'partnership': {
      const g = PARTNERSHIP[field];
      return g ? (ctx) => (ctx.partner ? g(ctx.partner, ctx.momentMs, zone) : null) : null;
    }
    case 'customer': {
      const g = CUSTOMER[field];
      return g ? (ctx) => (ctx.customer ? g(ctx.customer, ctx.momentMs, zone) : null) : null;
    }
    case 'transaction': {
      const g = TRANSACTION[field];
      return g ? (ctx) => (ctx.transaction ? g(ctx.transaction, ctx.momentMs, zone) : null) : null;
    }
    case 'action': {
      const g = ACTION[field];
      return g ? (ctx) => (ctx.action ? g(ctx.action, ctx.momentMs, zone) : null) : null;
    }
    case 'deal': {
      const g = DEAL[field];
      return g ? (ctx) => (ctx.deal ? g(ctx.deal, ctx.momentMs, zone) : null) : null;
    }
    case 'lead': {
      const g = LEAD[field];
      return g ? (ctx) => (ctx.lead ? g(ctx.lead, ctx.momentMs, zone) : null) : null;
    }
    default: {
      const never: never = object;
      return never;
    }
  }
}

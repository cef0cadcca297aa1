/**
 * Stripe payments → `transaction.created` (IMPORTS.md "Payments", [D 18]–[D 22]): charges
 * (default) or invoices, never both, as PartnerStack's own Stripe integration does. Amounts are
 * what PartnerStack records: a charge's `amount`, an invoice's `subtotal`.
 */
import { stripeAmount } from './amounts';
import { int, keyOf, minorUnits, objAt, text } from './fields';
import { fail, isObj, type Obj } from './input';
import type { Draft } from './emit';
import { cmp, type ImportLog, type SkipReason } from './report';
import type { StripeCustomerRef } from './stripe-customers';
import type { StripeInput, StripeKind, Version } from './stripe-read';

/** Which Stripe objects are the payments. */
export type TransactionSource = 'charges' | 'invoices';

/** An imported payment, for linking its refunds. */
export interface Payment {
  readonly key: string;
  readonly customerKey: string;
  readonly currency: string;
  readonly productKey: string | null;
  readonly categoryKey: string | null;
  /** What was written, in Stripe minor units. */
  readonly minor: bigint;
  /** Invoices: `amount_paid`, to scale refunds of the charge to the subtotal. */
  readonly paid: bigint | null;
  /** Refunded so far, in Stripe minor units (never beyond `minor`). */
  refunded: bigint;
}

const CHARGE_TYPES = new Set(['charge.succeeded', 'charge.captured', 'charge.updated']);

/** The product of an invoice's first line: `price.product`, or basil's `pricing.price_details.product`. */
function firstLineProduct(o: Obj): string | null {
  const lines = objAt(o, 'lines');
  const first: unknown = lines && Array.isArray(lines.data) ? (lines.data as unknown[])[0] : undefined;
  if (!isObj(first)) return null;
  const price = objAt(first, 'price');
  const details = objAt(objAt(first, 'pricing') ?? {}, 'price_details');
  return (price ? keyOf(price, 'product', 'id') : null) ?? (details ? keyOf(details, 'product', 'id') : null);
}

interface Spec {
  readonly kind: 'charge' | 'invoice';
  qualifies(v: Version): boolean;
  seen(v: Version): boolean;
  amountField: string;
  at(latest: Version, firstQualifying: Version): number | null;
  product(o: Obj): string | null;
}

const SPECS: Record<TransactionSource, Spec> = {
  charges: {
    kind: 'charge',
    seen: (v) => v.type === null || CHARGE_TYPES.has(v.type),
    qualifies: (v) => (v.type === null || CHARGE_TYPES.has(v.type)) && v.o.status === 'succeeded',
    amountField: 'amount',
    at: (latest) => {
      const s = int(latest, 'created', 'epoch seconds');
      return s === null ? null : s * 1000;
    },
    product: (o) => text(objAt(o, 'metadata') ?? {}, 'product_key'),
  },
  invoices: {
    kind: 'invoice',
    seen: () => true,
    qualifies: (v) => v.type === 'invoice.payment_succeeded' || (v.type === null && v.o.status === 'paid'),
    amountField: 'subtotal',
    at: (latest, first) => {
      const t = objAt(latest.o, 'status_transitions');
      const paid = t ? int({ ...latest, o: t }, 'paid_at', 'epoch seconds') : null;
      return paid !== null ? paid * 1000 : first.eventAt;
    },
    product: (o) => text(objAt(o, 'metadata') ?? {}, 'product_key') ?? firstLineProduct(o),
  },
};

/** The Offerflow customer of a payment (or why there is none). */
function customerRef(o: Obj, refs: ReadonlyMap<string, StripeCustomerRef>): StripeCustomerRef | { skipped: 'no_customer' } {
  const id = keyOf(o, 'customer', 'id');
  return (id === null ? undefined : refs.get(id)) ?? { skipped: 'no_customer' };
}

/** Maps the chosen payments; the other kind is `other_source`. */
export function mapPayments(input: StripeInput, refs: ReadonlyMap<string, StripeCustomerRef>, mode: TransactionSource, includeTest: boolean, log: ImportLog): { drafts: Draft[]; payments: Map<string, Payment> } {
  const spec = SPECS[mode];
  const other: StripeKind = mode === 'charges' ? 'invoice' : 'charge';
  for (const id of input.objects[other].keys()) log.skip(id, other, 'other_source', `${other} ${id}: payments come from ${mode} (--transactions)`);
  const drafts: Draft[] = [];
  const payments = new Map<string, Payment>();
  for (const [id, versions] of [...input.objects[spec.kind]].sort(([a], [b]) => cmp(a, b))) {
    const latest = versions[versions.length - 1] as Version;
    const o = latest.o;
    const skip = (reason: SkipReason, message: string): void => log.skip(id, spec.kind, reason, message);
    const minor = minorUnits(latest, spec.amountField);
    const first = versions.find((v) => spec.qualifies(v));
    if (!includeTest && o.livemode === false) skip('test_mode', `${spec.kind} ${id} is a test-mode object`);
    else if (!versions.some((v) => spec.seen(v))) skip('refund_unlinked', `charge ${id} appears only in charge.refunded events: its payment is not in the input (add its charge.succeeded event or the /v1/charges list)`);
    else if (first === undefined) skip('not_succeeded', `${spec.kind} ${id} has status ${text(o, 'status') ?? '(none)'}`);
    else if (mode === 'invoices' && minorUnits(latest, 'amount_paid') === 0n) skip('zero_amount', `invoice ${id} paid nothing (amount_paid 0)`);
    else {
      if (minor === null) fail(latest, `a ${spec.kind} needs an integer ${spec.amountField}`, spec.amountField);
      const money = stripeAmount(minor, text(o, 'currency') ?? '');
      const at = spec.at(latest, first);
      const ref = customerRef(o, refs);
      if ('skip' in money) skip(money.skip, `${spec.kind} ${id}: ${minor} ${text(o, 'currency') ?? '(no currency)'} cannot be written in its ISO 4217 currency`);
      else if (at === null) skip('no_timestamp', `${spec.kind} ${id} has no time`);
      else if ('skipped' in ref) skip(ref.skipped === 'no_customer' ? 'no_customer' : 'customer_not_imported', ref.skipped === 'no_customer' ? `${spec.kind} ${id}: its customer is not in the input (add the /v1/customers list)` : `${spec.kind} ${id}: its customer was skipped (${ref.skipped})`);
      else if (at < ref.at) skip('before_attribution', `${spec.kind} ${id} was paid before its customer had a partner`);
      else {
        log.used++;
        const meta = objAt(o, 'metadata') ?? {};
        const productKey = spec.product(o);
        const categoryKey = text(meta, 'category_key');
        const received = first.eventAt;
        const transaction = { key: id, customerKey: ref.key, amount: money.amount, currency: money.currency, ...(productKey ? { productKey } : {}), ...(categoryKey ? { categoryKey } : {}) };
        drafts.push({ object: 'transaction', key: id, type: 'transaction.created', at, ...(received !== null && received > at ? { receivedAt: received } : {}), body: { transaction } });
        payments.set(id, { key: id, customerKey: ref.key, currency: money.currency, productKey, categoryKey, minor, paid: mode === 'invoices' ? minorUnits(latest, 'amount_paid') : null, refunded: 0n });
      }
    }
  }
  return { drafts, payments };
}

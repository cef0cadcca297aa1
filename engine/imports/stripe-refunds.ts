/**
 * Stripe refunds → negative `transaction.created` (IMPORTS.md "Refunds", [D 23]–[D 25]).
 * Refund objects win over `charge.refunded` deltas; a refund takes the refunded payment's
 * customer, currency, product and category. In invoices mode a refund links through its
 * charge's `invoice` and is scaled to the invoice's subtotal, never beyond what remains.
 */
import { divRoundHalfAway } from '../money';
import { stripeAmount } from './amounts';
import { int, keyOf, minorUnits, objAt, text } from './fields';
import { isObj } from './input';
import type { Draft } from './emit';
import { cmp, type ImportLog, type SkipReason } from './report';
import type { Payment, TransactionSource } from './stripe-payments';
import type { StripeInput, Version } from './stripe-read';

/** A refund with its versions (events and bare copies) and copies expanded inside charges. */
interface RefundSeen {
  readonly id: string;
  readonly versions: Version[];
  /** Whether an input item carries it (not only a charge's expanded `refunds.data`). */
  readonly itemBacked: boolean;
}

function collectRefunds(input: StripeInput): Map<string, RefundSeen[]> {
  const all = new Map<string, RefundSeen>();
  for (const [id, versions] of input.objects.refund) all.set(id, { id, versions: [...versions], itemBacked: true });
  for (const versions of input.objects.charge.values()) {
    for (const v of versions) {
      const list = objAt(v.o, 'refunds');
      const data = list && Array.isArray(list.data) ? list.data : [];
      data.forEach((r, i) => {
        const rid = isObj(r) ? text(r, 'id') : null;
        if (!isObj(r) || rid === null) return;
        const copy: Version = { file: v.file, path: `${v.path}.refunds.data[${i}]`, o: r, eventAt: v.eventAt, eventId: v.eventId, type: null, previous: null, eventLive: v.eventLive };
        const seen = all.get(rid);
        // Expanded copies come first: a refund's own events and bare copies are newer.
        if (seen) seen.versions.unshift(copy);
        else all.set(rid, { id: rid, versions: [copy], itemBacked: false });
      });
    }
  }
  const byCharge = new Map<string, RefundSeen[]>();
  for (const r of [...all.values()].sort((a, b) => cmp(a.id, b.id))) {
    const charge = keyOf((r.versions[r.versions.length - 1] as Version).o, 'charge', 'id') ?? '';
    byCharge.set(charge, [...(byCharge.get(charge) ?? []), r]);
  }
  return byCharge;
}

const latestOf = (versions: readonly Version[]): Version => versions[versions.length - 1] as Version;

/** Negative transaction drafts for every refund that can be linked to an imported payment. */
export function mapRefunds(input: StripeInput, payments: ReadonlyMap<string, Payment>, mode: TransactionSource, includeTest: boolean, log: ImportLog): Draft[] {
  const drafts: Draft[] = [];
  const byCharge = collectRefunds(input);
  const chargeIds = [...new Set([...byCharge.keys(), ...input.objects.charge.keys()])].sort(cmp);
  const paymentOf = (chargeId: string): Payment | undefined => {
    if (mode === 'charges') return payments.get(chargeId);
    const charge = input.objects.charge.get(chargeId);
    const invoice = charge ? keyOf(latestOf(charge).o, 'invoice', 'id') : null;
    return invoice === null ? undefined : payments.get(invoice);
  };
  const emit = (key: string, minor: bigint, payment: Payment, at: number, receivedAt: number | null): SkipReason | null => {
    let refund = payment.paid ? divRoundHalfAway(minor * payment.minor, payment.paid) : minor;
    if (refund > payment.minor - payment.refunded) refund = payment.minor - payment.refunded;
    const money = stripeAmount(-refund, payment.currency);
    if ('skip' in money) return money.skip;
    payment.refunded += refund;
    const transaction = { key, customerKey: payment.customerKey, amount: money.amount, currency: money.currency, ...(payment.productKey ? { productKey: payment.productKey } : {}), ...(payment.categoryKey ? { categoryKey: payment.categoryKey } : {}) };
    drafts.push({ object: 'transaction', key, type: 'transaction.created', at, ...(receivedAt !== null && receivedAt > at ? { receivedAt } : {}), body: { transaction } });
    return null;
  };
  for (const chargeId of chargeIds) {
    const refunds = byCharge.get(chargeId) ?? [];
    const chargeVersions = input.objects.charge.get(chargeId) ?? [];
    const chargeTest = chargeVersions.some((v) => v.o.livemode === false);
    const payment = paymentOf(chargeId);
    for (const r of refunds) {
      const latest = latestOf(r.versions);
      const skip = (reason: SkipReason, message: string): void => {
        log.skip(r.id, 'refund', reason, message);
        if (!r.itemBacked) log.derived++;
      };
      const status = text(latest.o, 'status') ?? '';
      const amount = minorUnits(latest, 'amount');
      const created = int(latest, 'created', 'epoch seconds');
      if (chargeTest && !includeTest) skip('test_mode', `refund ${r.id} is of a test-mode charge`);
      else if (status !== 'succeeded' && status !== 'pending') skip('not_succeeded', `refund ${r.id} has status ${status || '(none)'}`);
      else if (amount === null || created === null) skip('no_timestamp', `refund ${r.id} has no amount or created`);
      else if (!payment) skip('refund_unlinked', `refund ${r.id}: the payment it refunds (charge ${chargeId || '(none)'}${mode === 'invoices' ? ', through its invoice' : ''}) is not imported`);
      else {
        const first = r.versions.find((v) => v.eventAt !== null);
        const reason = emit(r.id, amount, payment, created * 1000, first?.eventAt ?? null);
        if (reason) skip(reason, `refund ${r.id} cannot be written in ${payment.currency}`);
        else if (r.itemBacked) log.used++;
      }
    }
    if (refunds.length > 0 || !payment) continue;
    const deltas = refundDeltas(chargeVersions);
    deltas.forEach((d, i) => emit(`${chargeId}-refund-${i + 1}`, d.minor, payment, d.at, null));
    const bareRefunded = chargeVersions.some((v) => v.eventAt === null && (minorUnits(v, 'amount_refunded') ?? 0n) > 0n);
    if (deltas.length === 0 && bareRefunded) {
      log.skip(chargeId, 'refund', 'refund_without_time', `charge ${chargeId} was refunded, but no refund object or charge.refunded event says when`);
      log.derived++;
    }
  }
  return drafts;
}

/** Each `charge.refunded` event's new refunded amount, in time order ([D 24] 2). */
function refundDeltas(versions: readonly Version[]): { minor: bigint; at: number }[] {
  const out: { minor: bigint; at: number }[] = [];
  let known = 0n;
  for (const v of versions) {
    const now = minorUnits(v, 'amount_refunded') ?? 0n;
    if (v.type === 'charge.refunded' && v.eventAt !== null) {
      const before = v.previous ? (minorUnits({ ...v, o: v.previous }, 'amount_refunded') ?? 0n) : 0n;
      const base = before > known ? before : known;
      if (now > base) out.push({ minor: now - base, at: v.eventAt });
    }
    if (now > known) known = now;
  }
  return out;
}

/**
 * Stripe customers → `customer.created` (IMPORTS.md "Customers", [D 17]): keyed by
 * `metadata.customer_key` (else `customer_id`), partner by `metadata.partner_key` or the
 * PartnerStack customer of that key; at the first moment a version had both. Stripe customers
 * sharing a key are one Offerflow customer: the earliest wins and the payments of all map to it.
 */
import { formatInstant } from '../time';
import { int, objAt, text } from './fields';
import type { Draft } from './emit';
import { cmp, type ImportLog, type SkipReason } from './report';
import type { StripeInput, Version } from './stripe-read';

/** What a Stripe customer id resolved to: the Offerflow customer (and when it became attributable). */
export type StripeCustomerRef = { key: string; at: number } | { skipped: SkipReason };

interface Attributable {
  readonly key: string;
  readonly partnerKey: string;
  readonly at: number;
}

function attribution(v: Version, partnersFrom: ReadonlyMap<string, string> | null): { key: string | null; partnerKey: string | null } {
  const meta = objAt(v.o, 'metadata') ?? {};
  const key = text(meta, 'customer_key') ?? text(meta, 'customer_id');
  const partnerKey = text(meta, 'partner_key') ?? (key !== null ? (partnersFrom?.get(key) ?? null) : null);
  return { key, partnerKey };
}

/** Maps customers; returns the drafts and every Stripe customer id's resolution. */
export function mapStripeCustomers(input: StripeInput, partnersFrom: ReadonlyMap<string, string> | null, includeTest: boolean, log: ImportLog): { drafts: Draft[]; refs: Map<string, StripeCustomerRef> } {
  const refs = new Map<string, StripeCustomerRef>();
  const winners = new Map<string, { id: string; first: Attributable; draft: Draft; members: string[] }>();
  for (const [id, versions] of [...input.objects.customer].sort(([a], [b]) => cmp(a, b))) {
    const latest = versions[versions.length - 1] as Version;
    const skip = (reason: SkipReason, message: string): void => {
      log.skip(id, 'customer', reason, message);
      refs.set(id, { skipped: reason });
    };
    if (!includeTest && latest.o.livemode === false) {
      skip('test_mode', `customer ${id} is a test-mode object`);
      continue;
    }
    const seen = versions.map((v) => ({ v, ...attribution(v, partnersFrom) }));
    const timed = seen
      .filter((s): s is typeof s & Attributable => s.key !== null && s.partnerKey !== null)
      .map((s) => ({ key: s.key, partnerKey: s.partnerKey, at: s.v.eventAt ?? (int(s.v, 'created', 'epoch seconds') ?? 0) * 1000 }))
      .sort((a, b) => a.at - b.at);
    const first = timed[0];
    if (first === undefined) {
      const keyed = seen.find((s) => s.key !== null);
      if (keyed) skip('no_partner', `customer ${keyed.key ?? id} has no partner_key in metadata${partnersFrom ? ' and no PartnerStack customer with that key' : ''}`);
      else skip('no_customer_key', `customer ${id} has no metadata.customer_key or customer_id`);
      continue;
    }
    if (timed.some((t) => t.partnerKey !== first.partnerKey)) log.warn(`customer ${first.key} changed partner later; Offerflow customers do not move, so ${first.partnerKey} is kept`);
    const createdS = int(latest, 'created', 'epoch seconds');
    const created = createdS === null ? null : createdS * 1000;
    const name = text(latest.o, 'name');
    const customer = { key: first.key, partnerKey: first.partnerKey, ...(name ? { name } : {}), ...(created !== null && created !== first.at ? { createdAt: formatInstant(created) } : {}) };
    const draft: Draft = { object: 'customer', key: first.key, type: 'customer.created', at: first.at, body: { customer } };
    const prev = winners.get(first.key);
    if (!prev) {
      log.used++;
      winners.set(first.key, { id, first, draft, members: [id] });
    } else {
      prev.members.push(id);
      if (first.at < prev.first.at) winners.set(first.key, { id, first, draft, members: prev.members });
    }
  }
  for (const w of winners.values()) for (const m of w.members) refs.set(m, { key: w.first.key, at: w.first.at });
  return { drafts: [...winners.values()].map((w) => w.draft), refs };
}

/**
 * PartnerStack customers (IMPORTS.md "Identity resolution"): each customer's partner and its
 * Offerflow key (`customer_key`, else its PartnerStack `key`), and the lookup transactions and
 * actions use to find their customer.
 */
import { flag, int, keyOf, text, type Item } from './fields';
import type { Draft } from './emit';
import type { ImportLog } from './report';
import type { Skeleton } from './partnerstack-skeleton';
import { mergeVersions, psKey } from './versions';

/** What a customer reference resolved to. */
export type CustomerRef = { key: string } | { skipped: string } | null;

/** Finds a transaction's or action's customer by PartnerStack key, then by `customer_key`. */
export interface CustomerIndex {
  resolve(item: Item): CustomerRef;
}

/** Maps customers to `customer.created` drafts and builds the lookup. */
export function mapCustomers(items: readonly Item[], sk: Skeleton, includeTest: boolean, log: ImportLog): { drafts: Draft[]; index: CustomerIndex } {
  const byPsKey = new Map<string, CustomerRef>();
  const byExternal = new Map<string, CustomerRef>();
  const winners = new Map<string, { at: number; psKey: string; draft: Draft }>();
  for (const c of mergeVersions(items, psKey, 'customer')) {
    const o = c.latest.o;
    const external = text(o, 'customer_key');
    const key = external ?? c.id;
    const at = int(c.earliest, 'created_at', 'epoch milliseconds');
    const skip = (reason: 'test_mode' | 'no_timestamp' | 'no_partner', message: string): void => {
      log.skip(c.id, 'customer', reason, message);
      byPsKey.set(c.id, { skipped: reason });
      if (external && !byExternal.has(external)) byExternal.set(external, { skipped: reason });
    };
    if (flag(o, 'test') && !includeTest) {
      skip('test_mode', `customer ${c.id} is test data`);
      continue;
    }
    if (at === null) {
      skip('no_timestamp', `customer ${c.id} has no created_at`);
      continue;
    }
    const viaPartnership = text(o, 'partnership_key');
    const partnerKey = (viaPartnership ? sk.byPartnershipKey.get(viaPartnership) : undefined) ?? partnerByKey(text(o, 'partner_key'), sk);
    if (!partnerKey) {
      skip('no_partner', `customer ${c.id} matches no partnership (partnership_key ${viaPartnership ?? 'absent'}, partner_key ${text(o, 'partner_key') ?? 'absent'})`);
      continue;
    }
    byPsKey.set(c.id, { key });
    if (external) byExternal.set(external, { key });
    const name = text(o, 'name');
    const draft: Draft = { object: 'customer', key, type: 'customer.created', at, body: { customer: { key, partnerKey, ...(name ? { name } : {}) } } };
    const prev = winners.get(key);
    // Two customers with one Offerflow key: the earlier created_at wins, the other is merged.
    if (prev && (prev.at < at || (prev.at === at && prev.psKey <= c.id))) continue;
    if (!prev) log.used++;
    winners.set(key, { at, psKey: c.id, draft });
  }
  const index: CustomerIndex = {
    resolve(item) {
      const ref = keyOf(item.o, 'customer') ?? text(item.o, 'customer_key');
      if (ref === null) return null;
      return byPsKey.get(ref) ?? byExternal.get(ref) ?? null;
    },
  };
  return { drafts: [...winners.values()].map((w) => w.draft), index };
}

function partnerByKey(key: string | null, sk: Skeleton): string | undefined {
  return key !== null && sk.partnerKeys.has(key) ? key : undefined;
}

/**
 * Ledger totals per (run, filter), kept between page requests: counting and summing two million
 * rows takes a few hundred ms, and a scrolling table asks for many pages with one filter.
 * A review (the only change to a finished run's ledger) drops that run's entries.
 */
import { ledgerTotals, type Db, type LedgerFilter } from '../store';

type Totals = ReturnType<typeof ledgerTotals>;
type Filter = Pick<LedgerFilter, 'runId' | 'partnerKey' | 'triggerId' | 'status' | 'month'>;

const LIMIT = 200;

export function totalsCache(db: Db) {
  const entries = new Map<string, Totals>();
  return {
    get(f: Filter): Totals {
      const key = JSON.stringify([f.runId, f.partnerKey ?? null, f.triggerId ?? null, f.status ?? null, f.month ?? null]);
      const hit = entries.get(key);
      if (hit) return hit;
      const value = ledgerTotals(db, f);
      if (entries.size >= LIMIT) entries.delete(entries.keys().next().value as string);
      entries.set(key, value);
      return value;
    },
    forget(runId: string): void {
      for (const k of [...entries.keys()]) if ((JSON.parse(k) as unknown[])[0] === runId) entries.delete(k);
    },
  };
}

export type TotalsCache = ReturnType<typeof totalsCache>;

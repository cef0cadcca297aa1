/**
 * The ledger's rows, fetched page by page for the visible window only (`usePages`). Each page
 * also brings the matching total and its USD sum (computed by the service).
 */
import type { LedgerRow, ServiceError } from '@service/contract';
import { ledgerQuery, queryKey, type LedgerFilter, type LedgerSort } from './ledger-model';
import { useSend } from './hooks';
import { usePages } from './use-pages';
import { useChangeCounts } from '../client/query-cache';

export const PAGE_SIZE = 200;

export interface LedgerPages {
  total: number | null;
  totalUsd: string | null;
  error: ServiceError | null;
  row: (index: number) => LedgerRow | undefined;
  /** Ensures the pages for rows [start, end] are loaded or loading. */
  request: (start: number, end: number) => void;
}

export function useLedgerPages(runId: string, filter: LedgerFilter, sort: LedgerSort): LedgerPages {
  const send = useSend();
  // A review changes rows' statuses and the totals: the pages are fetched again.
  const reviews = useChangeCounts((s) => s.reviews);
  const p = usePages<LedgerRow, string>(queryKey(runId, filter, sort, reviews), PAGE_SIZE, async (offset, limit) => {
    const r = await send('replay.ledger', ledgerQuery(runId, filter, sort, offset, limit));
    return r.ok ? { kind: 'rows', rows: r.value.rows, total: r.value.total, meta: r.value.totalUsd } : { kind: 'error', error: r.error };
  });
  return { total: p.total, totalUsd: p.meta, error: p.error, row: p.row, request: p.request };
}

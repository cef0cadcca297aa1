/**
 * The ledger's rows, fetched page by page for the visible window only. The first page also
 * brings the matching total and its USD sum (computed by the service).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LedgerRow, ServiceError } from '@service/contract';
import { ledgerQuery, queryKey, type LedgerFilter, type LedgerSort } from './ledger-model';
import { PageCache, pagesFor } from './page-cache';
import { useSend } from './hooks';

export const PAGE_SIZE = 200;

export interface LedgerPages {
  total: number | null;
  totalUsd: string | null;
  error: ServiceError | null;
  row: (index: number) => LedgerRow | undefined;
  /** Ensures the pages for rows [start, end] are loaded or loading. */
  request: (start: number, end: number) => void;
}

export function useLedgerPages(runId: string, filter: LedgerFilter, sort: LedgerSort, revision: number): LedgerPages {
  const send = useSend();
  const key = queryKey(runId, filter, sort, revision);
  const cache = useMemo(() => new PageCache<LedgerRow>(PAGE_SIZE), [key]);
  const [, setLoaded] = useState(0);
  const [meta, setMeta] = useState<{ key: string; total: number; totalUsd: string } | null>(null);
  const [error, setError] = useState<ServiceError | null>(null);
  const live = useRef(key);
  live.current = key;
  const args = useRef({ runId, filter, sort });
  args.current = { runId, filter, sort };

  const fetchPage = useCallback(
    async (page: number) => {
      const myKey = key;
      cache.markLoading(page);
      const { runId: id, filter: f, sort: s } = args.current;
      const r = await send('replay.ledger', ledgerQuery(id, f, s, page * PAGE_SIZE, PAGE_SIZE));
      if (live.current !== myKey) return;
      if (!r.ok) {
        cache.fail(page);
        setError(r.error);
        return;
      }
      cache.put(page, r.value.rows);
      setMeta((m) => (m && m.key === myKey && m.total === r.value.total ? m : { key: myKey, total: r.value.total, totalUsd: r.value.totalUsd }));
      setLoaded((n) => n + 1);
    },
    [cache, key, send],
  );

  useEffect(() => {
    setError(null);
    void fetchPage(0);
  }, [fetchPage]);

  const current = meta && meta.key === key ? meta : null;
  const request = useCallback(
    (start: number, end: number) => {
      if (!current) return;
      const w = pagesFor(start, end, PAGE_SIZE, current.total);
      if (w) for (const p of cache.missing(w)) void fetchPage(p);
    },
    [cache, current, fetchPage],
  );
  const row = useCallback((i: number) => cache.row(i), [cache]);
  return { total: current?.total ?? null, totalUsd: current?.totalUsd ?? null, error, row, request };
}

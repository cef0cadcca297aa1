/**
 * Rows of a long service-side list (the ledger, the event browser), fetched page by page for
 * the visible window only (`PageCache`). `load` asks the service for one page; it may answer
 * `again` (the service is still preparing: ask once more at once). Answers to an older `key`
 * (the filter changed meanwhile) are dropped.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ServiceError } from '@service/contract';
import { PageCache, pagesFor } from './page-cache';

export type PageLoad<T, M> = { kind: 'rows'; rows: readonly T[]; total: number; meta: M } | { kind: 'again' } | { kind: 'error'; error: ServiceError };

export interface Pages<T, M> {
  total: number | null;
  /** What the last page said besides its rows (totals), for the current key. */
  meta: M | null;
  error: ServiceError | null;
  row: (index: number) => T | undefined;
  /** Ensures the pages for rows [start, end] are loaded or loading. */
  request: (start: number, end: number) => void;
}

export function usePages<T, M>(key: string, pageSize: number, load: (offset: number, limit: number) => Promise<PageLoad<T, M>>): Pages<T, M> {
  const cache = useMemo(() => new PageCache<T>(pageSize), [key, pageSize]);
  const [, setLoaded] = useState(0);
  const [current, setCurrent] = useState<{ key: string; total: number; meta: M } | null>(null);
  const [error, setError] = useState<ServiceError | null>(null);
  const live = useRef(key);
  live.current = key;
  const loader = useRef(load);
  loader.current = load;

  const fetchPage = useCallback(
    async (page: number): Promise<void> => {
      const myKey = key;
      cache.markLoading(page);
      const r = await loader.current(page * pageSize, pageSize);
      if (live.current !== myKey) return;
      if (r.kind !== 'rows') {
        cache.fail(page);
        if (r.kind === 'error') {
          setError(r.error);
          return;
        }
        setError(null);
        return fetchPage(page);
      }
      setError(null);
      cache.put(page, r.rows);
      setCurrent((m) => (m && m.key === myKey && m.total === r.total ? m : { key: myKey, total: r.total, meta: r.meta }));
      setLoaded((n) => n + 1);
    },
    [cache, key, pageSize],
  );

  useEffect(() => {
    void fetchPage(0);
  }, [fetchPage]);

  const mine = current && current.key === key ? current : null;
  const request = useCallback(
    (start: number, end: number) => {
      if (!mine) return;
      const w = pagesFor(start, end, pageSize, mine.total);
      if (w) for (const p of cache.missing(w)) void fetchPage(p);
    },
    [cache, mine, fetchPage, pageSize],
  );
  const row = useCallback((i: number) => cache.row(i), [cache]);
  return { total: mine?.total ?? null, meta: mine?.meta ?? null, error, row, request };
}

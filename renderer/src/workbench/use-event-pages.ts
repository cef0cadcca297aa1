/**
 * The event browser's rows, fetched page by page for the visible window only (`usePages`).
 * While the service is still building the set's browsing index (first browse of a large set) it
 * answers with its progress; the page is asked for again until the index is whole.
 */
import { useState } from 'react';
import type { EventPage, EventRow, ServiceError } from '@service/contract';
import { eventQuery, type EventFilter } from './event-browser-model';
import { useSend } from './hooks';
import { usePages } from './use-pages';

export const EVENT_PAGE_SIZE = 200;

export interface EventPages {
  total: number | null;
  eventCount: number | null;
  /** While the service prepares (the set's index, the run's outcomes): what it reads and how far it is. */
  indexing: EventPage['indexing'];
  error: ServiceError | null;
  row: (index: number) => EventRow | undefined;
  request: (start: number, end: number) => void;
}

export function useEventPages(eventSetId: string, runId: string, filter: EventFilter, zone: string): EventPages {
  const send = useSend();
  const [indexing, setIndexing] = useState<EventPage['indexing']>(null);
  const p = usePages<EventRow, number>(JSON.stringify([eventSetId, runId, filter, zone]), EVENT_PAGE_SIZE, async (offset, limit) => {
    const r = await send('eventSets.events', eventQuery(eventSetId, runId, filter, zone, offset, limit));
    if (!r.ok) return { kind: 'error', error: r.error };
    setIndexing(r.value.indexing);
    return r.value.indexing ? { kind: 'again' } : { kind: 'rows', rows: r.value.rows, total: r.value.total, meta: r.value.eventCount };
  });
  return { total: p.total, eventCount: p.meta, indexing, error: p.error, row: p.row, request: p.request };
}

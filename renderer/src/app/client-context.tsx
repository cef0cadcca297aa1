/**
 * The renderer's service client, provided once by the app (`client.send(channel, args)` →
 * `Result`), and the views' query hook over the one query cache.
 */
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { keepPreviousData, QueryClientProvider, useQuery as useTanstackQuery } from '@tanstack/react-query';
import type { ArgsOf, Channel, ResultOf, ServiceClient, ServiceError } from '@service/contract';
import { GOING_RUN_REFRESH_MS, queryClient } from '../client/query-cache';

const ClientContext = createContext<ServiceClient | null>(null);

/** The client, and the query cache the views read its answers through. */
export function ClientProvider({ client, children }: { client: ServiceClient; children: ReactNode }) {
  return (
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ClientContext.Provider>
  );
}

/** The service client; throws outside `ClientProvider`. */
export function useClient(): ServiceClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientProvider>');
  return client;
}

export interface Query<T> {
  data: T | null;
  error: ServiceError | null;
  /** A call is under way (the previous data stays until it answers). */
  loading: boolean;
  reload: () => void;
}

export interface QueryOptions<T> {
  /** Ask again every `GOING_RUN_REFRESH_MS` while this holds of the answer (a run in progress). */
  refreshWhile?: (data: T) => boolean;
}

/**
 * The answer of `channel` for `args`, from the one query cache (`client/query-cache.ts`), keyed
 * by channel and arguments (by value) and fetched again when a change makes it stale; `null`
 * args skip the call. While other arguments are asked, the previous answer stays.
 */
export function useServiceQuery<C extends Channel>(channel: C, args: ArgsOf<C> | null, options: QueryOptions<ResultOf<C>> = {}): Query<ResultOf<C>> {
  const client = useClient();
  const { refreshWhile } = options;
  const q = useTanstackQuery({
    queryKey: [channel, args],
    // Never run without arguments (`enabled`); the check only narrows `args` for the call.
    queryFn: () => (args === null ? Promise.reject(new Error(`${channel} was asked without arguments`)) : client.send(channel, args)),
    enabled: args !== null,
    placeholderData: keepPreviousData,
    refetchInterval: refreshWhile ? (query) => (query.state.data?.ok && refreshWhile(query.state.data.value) ? GOING_RUN_REFRESH_MS : false) : undefined,
  });
  const { refetch } = q;
  const reload = useCallback(() => void refetch(), [refetch]);
  const answer = args === null ? undefined : q.data;
  const failed = q.error ? { message: q.error.message } : null;
  return { data: answer?.ok ? answer.value : null, error: answer && !answer.ok ? answer.error : failed, loading: q.isFetching, reload };
}

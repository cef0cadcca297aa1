/**
 * The renderer's service client, provided once by the app (`client.send(channel, args)` →
 * `Result`), and a query hook that re-fetches when the program revision changes.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ArgsOf, Channel, ResultOf, ServiceClient, ServiceError } from '@service/contract';
import { useAppStore } from './app-store';

const ClientContext = createContext<ServiceClient | null>(null);

export function ClientProvider({ client, children }: { client: ServiceClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
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

/** Calls `channel` whenever `args` (by value) or `revision` change; `null` args skip the call. */
export function useServiceQuery<C extends Channel>(channel: C, args: ArgsOf<C> | null, revision = 0): Query<ResultOf<C>> {
  const client = useClient();
  const [state, setState] = useState<{ data: ResultOf<C> | null; error: ServiceError | null; loading: boolean }>({ data: null, error: null, loading: args !== null });
  const [tick, setTick] = useState(0);
  const key = args === null ? null : JSON.stringify(args);
  const argsRef = useRef(args);
  argsRef.current = args;
  useEffect(() => {
    const current = argsRef.current;
    if (key === null || current === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void client.send(channel, current).then((r) => {
      if (!live) return;
      setState(r.ok ? { data: r.value, error: null, loading: false } : { data: null, error: r.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [client, channel, key, revision, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** `useServiceQuery` keyed by the program revision: re-fetches after every save. */
export function useQuery<C extends Channel>(channel: C, args: ArgsOf<C> | null): Query<ResultOf<C>> {
  return useServiceQuery(channel, args, useAppStore((s) => s.programRevision));
}

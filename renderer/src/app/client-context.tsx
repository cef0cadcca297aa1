/**
 * The renderer's service client, provided once by the app (`client.send(channel, args)` →
 * `Result`), and a query hook that re-fetches when the program revision changes.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ArgsOf, Channel, ResultOf, ServiceClient, ServiceError } from '../../../service/contract';
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
  reload: () => void;
}

/** Calls `channel` when its arguments (by value) or the program revision change; null skips. */
export function useQuery<C extends Channel>(channel: C, args: ArgsOf<C> | null): Query<ResultOf<C>> {
  const client = useClient();
  const revision = useAppStore((s) => s.programRevision);
  const [state, setState] = useState<{ data: ResultOf<C> | null; error: ServiceError | null }>({ data: null, error: null });
  const [tick, setTick] = useState(0);
  const key = args === null ? null : JSON.stringify(args);
  const argsRef = useRef(args);
  argsRef.current = args;
  useEffect(() => {
    const current = argsRef.current;
    if (key === null || current === null) {
      setState({ data: null, error: null });
      return;
    }
    let live = true;
    void client.send(channel, current).then((r) => {
      if (live) setState(r.ok ? { data: r.value, error: null } : { data: null, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [client, channel, key, revision, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

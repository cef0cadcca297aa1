/**
 * Data hooks for the workbench views, on the app's one client (`useClient`): a service query
 * keyed by its arguments and the program revision (views re-fetch after the editor saves), an
 * imperative `send`, and a debounced value.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, Channel, Result, ResultOf, ServiceError } from '../../../service/contract';
import { useClient } from '../app/client-context';

export interface QueryState<T> {
  data: T | null;
  error: ServiceError | null;
  loading: boolean;
  reload: () => void;
}

export type Send = <C extends Channel>(channel: C, args: ArgsOf<C>) => Promise<Result<ResultOf<C>>>;

/** The client's `send`, for actions (start, cancel, review). */
export function useSend(): Send {
  const client = useClient();
  return useCallback<Send>((channel, args) => client.send(channel, args), [client]);
}

/** Calls `channel` whenever `args` (by value) or `revision` change; `null` args skip the call. */
export function useServiceQuery<C extends Channel>(channel: C, args: ArgsOf<C> | null, revision = 0): QueryState<ResultOf<C>> {
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

/** `value`, settled for `ms` before it changes. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}

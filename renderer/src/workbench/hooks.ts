/**
 * Data hooks for the workbench views, on the app's one client (`useClient`): a service query
 * through the one query cache (keyed by channel and arguments; a change the person makes marks
 * it stale, `client/query-cache.ts`), the program's runs, an imperative `send`, and a debounced
 * value.
 */
import { useCallback, useEffect, useState } from 'react';
import { runInProgress, type ArgsOf, type Channel, type Result, type ResultOf } from '@service/contract';
import { useClient, useServiceQuery, type Query } from '../app/client-context';

/** The app's one query hook (`app/client-context`), for the workbench views. */
export { useServiceQuery, type Query as QueryState } from '../app/client-context';

/**
 * The program's runs (none without a program). While one is in progress the list is asked again
 * every few seconds, so its chip and caption follow it on every screen, the workbench left or not.
 */
export function useRuns(programId: string | null): Query<ResultOf<'replay.runs'>> {
  return useServiceQuery('replay.runs', programId ? { programId } : null, { refreshWhile: (runs) => runs.some((r) => runInProgress(r.status)) });
}

export type Send = <C extends Channel>(channel: C, args: ArgsOf<C>) => Promise<Result<ResultOf<C>>>;

/** The client's `send`, for actions (start, cancel, review). */
export function useSend(): Send {
  const client = useClient();
  return useCallback<Send>((channel, args) => client.send(channel, args), [client]);
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

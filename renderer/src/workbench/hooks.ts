/**
 * Data hooks for the workbench views, on the app's one client (`useClient`): a service query
 * keyed by its arguments and the program revision (views re-fetch after the editor saves), an
 * imperative `send`, and a debounced value.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArgsOf, Channel, Result, ResultOf } from '@service/contract';
import { useClient } from '../app/client-context';

/** The app's one query hook (`app/client-context`), for the workbench views. */
export { useServiceQuery, type Query as QueryState } from '../app/client-context';

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

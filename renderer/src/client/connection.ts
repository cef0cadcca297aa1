/**
 * Whether the browser build can reach its host. A host restart (a demo kept running with
 * `serve --demo`) drops the connection for a few seconds: the client marks it lost, keeps
 * retrying its read calls, and marks it back once the host answers; the shell then re-fetches
 * every view (`dataChanged('reconnected')`) instead of leaving an empty sidebar.
 */
import { create } from 'zustand';

export type ConnectionState = 'up' | 'lost' | 'refused';

export interface Connection {
  state: ConnectionState;
  /** Times the connection came back after being lost; the shell re-fetches on each. */
  reconnects: number;
  /** Why the host refuses the calls (a restarted host without `--demo` has a new token). */
  message: string | null;
  mark: (state: ConnectionState, message?: string) => void;
}

export const useConnection = create<Connection>()((set, get) => ({
  state: 'up',
  reconnects: 0,
  message: null,
  mark: (state, message) => {
    const was = get().state;
    if (was === state && (message ?? null) === get().message) return;
    set({ state, message: message ?? null, reconnects: get().reconnects + (state === 'up' && was !== 'up' ? 1 : 0) });
  },
}));

/**
 * Channels that only read: safe to send again after a failed connection (a write might have
 * reached the host before the connection broke, so it is never repeated on its own).
 */
const READ_CHANNEL = /\.(list|get|progress|result|runs|ledger|ledgerCsv|trace|compare|versions|validate|preview|month|export|summary|timeline|snapshot|statement|year|invoiceCsv|partnerTimeline|events)$/;

export function isReadChannel(channel: string): boolean {
  return READ_CHANNEL.test(channel);
}

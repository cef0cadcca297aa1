/**
 * Says when the browser build has lost its host (a restart) or is refused by it (a new token),
 * and re-fetches every view when the connection comes back.
 */
import { Alert } from '@mui/material';
import { useEffect } from 'react';
import { useConnection } from '../client/connection';
import { dataChanged } from '../client/query-cache';
import { useClient } from './client-context';

/** How often the browser build asks whether its host is still there while nothing else is asked. */
const HEARTBEAT_MS = 4000;

/**
 * The views ask nothing while the person reads, so a host that went away would go unnoticed
 * until the next click: a small read every few seconds lets the client notice (it marks the
 * connection lost and keeps retrying). The desktop app's IPC cannot go away.
 */
function useHostHeartbeat() {
  const client = useClient();
  useEffect(() => {
    if (window.offerflow) return;
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      void client.send('programs.list', {}).finally(() => {
        busy = false;
      });
    }, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [client]);
}

export function ConnectionBanner() {
  useHostHeartbeat();
  const state = useConnection((s) => s.state);
  const message = useConnection((s) => s.message);
  const reconnects = useConnection((s) => s.reconnects);
  useEffect(() => {
    // Views that failed while the host was away show nothing: ask them all again.
    if (reconnects > 0) dataChanged('reconnected');
  }, [reconnects]);
  if (state === 'up') return null;
  return (
    <Alert
      severity={state === 'lost' ? 'warning' : 'error'}
      role="status"
      aria-label="Connection to the host"
      sx={{ position: 'fixed', top: 8, left: '50%', transform: 'translateX(-50%)', zIndex: (t) => t.zIndex.snackbar, boxShadow: 3 }}
    >
      {state === 'lost'
        ? 'The Offerflow host is not answering; reconnecting… (your work in the data folder is safe)'
        : `The host refuses this page: ${message ?? 'wrong token'}. If it was restarted without --demo, open the new URL it printed.`}
    </Alert>
  );
}

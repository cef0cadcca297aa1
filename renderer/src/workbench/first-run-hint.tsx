import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { readPreference, writePreference } from '../ui/preference';

const KEY = 'offerflow.firstRunHint.dismissed';

function dismissed(): boolean {
  return readPreference(KEY) === '1';
}

export interface FirstRunHintProps {
  /** Jumps to the replay workbench (the shell wires it to its navigation). */
  onOpenReplay?: () => void;
  /** The open program has no triggers yet (a new program): the steps start from building one. */
  empty?: boolean;
}

/** A short, dismissable "where to start" for a fresh install; dismissal is remembered. */
export function FirstRunHint({ onOpenReplay, empty = false }: FirstRunHintProps) {
  const [hidden, setHidden] = useState(dismissed);
  if (hidden) return null;
  const close = () => {
    // Without storage the hint simply shows again next time.
    writePreference(KEY, '1');
    setHidden(true);
  };
  return (
    <Alert
      severity="info"
      role="note"
      aria-label="Where to start"
      onClose={close}
      action={
        onOpenReplay && (
          <Button color="inherit" size="small" onClick={onOpenReplay}>
            Open replay
          </Button>
        )
      }
    >
      <AlertTitle>Where to start</AlertTitle>
      <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
        {empty ? (
          <>
            <li>Add a trigger with the + next to Triggers on the left: pick its event, then its rules and action.</li>
            <li>Add sample partners under Partners, with their groups, tiers and tags.</li>
            <li>In the Replay workbench, import an event set (JSON or CSV) and run it against your triggers.</li>
            <li>Review the rewards and preview the month's invoice under Payouts.</li>
          </>
        ) : (
          <>
            <li>Open a trigger on the left to see its Event → Rules → Action graph.</li>
            <li>Check Offer visibility to see which partner sees which offer, and why.</li>
            <li>In the Replay workbench, run an event set: every reward, move and tag, and the trace of why.</li>
            <li>Review rewards and preview the month's invoice under Payouts.</li>
          </>
        )}
      </Box>
    </Alert>
  );
}

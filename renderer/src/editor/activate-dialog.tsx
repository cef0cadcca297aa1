/**
 * Activation, deliberately: what locks for good, and from when the trigger fires, in words. The
 * seed's live platform never rewards events received before activation; a replay may instead
 * fire for every event of the set (to see what the trigger would have paid).
 */
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, List, ListItem, Radio, RadioGroup, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { zonedParts } from '../ui/zoned-time';
import { ActivationMomentFields } from './activation-moment-fields';
import { lockedParts, readActivationMoment } from './activation-model';
import { useEditor } from './editor-context';
import { readTrigger } from './editor-store';

export interface ActivateDialogProps {
  open: boolean;
  onClose: () => void;
  /** `null` fires for every event; an ISO instant (UTC) only for events received from then on. */
  onActivate: (since: string | null) => void;
  /** The program's time zone: the "from" moment is typed in it. */
  timeZone: string;
}

/** The moment typed so far; it starts at the current minute in the program's zone (what "from now on" means to its manager). */
function useTypedMoment(timeZone: string) {
  const [date, setDate] = useState<string | null>(() => zonedParts(Date.now(), timeZone).date);
  const [time, setTime] = useState(() => zonedParts(Date.now(), timeZone).time);
  return { date, setDate, time, setTime, from: readActivationMoment(date, time, timeZone) };
}

/** The confirm dialog: what locks, and which events of a replay it fires for. */
export function ActivateDialog({ open, onClose, onActivate, timeZone }: ActivateDialogProps) {
  const graph = useEditor(useShallow((s) => ({ meta: s.meta, nodes: s.nodes, edges: s.edges })));
  const reading = useMemo(() => readTrigger(graph), [graph]);
  const [mode, setMode] = useState<'all' | 'from'>('all');
  const { date, setDate, time, setTime, from } = useTypedMoment(timeZone);
  useEffect(() => {
    if (open) setMode('all');
  }, [open]);
  if (!reading.ok) return null;
  const t = reading.trigger;
  const valid = mode === 'all' || 'instant' in from;
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="activate-title">
      <DialogTitle id="activate-title">Activate “{t.name}”?</DialogTitle>
      <DialogContent>
        <DialogContentText>These lock for good once it is active (duplicate it as a new draft to change them):</DialogContentText>
        <List dense aria-label="What locks">
          {lockedParts(t).map((part) => (
            <ListItem key={part}>{part}</ListItem>
          ))}
        </List>
        <DialogContentText sx={{ mb: 1 }}>You can still change the name, the offer description, the reward type, amount and currency, and switch it off.</DialogContentText>
        <Typography variant="subtitle2" id="activate-when">
          Which events of a replay should it fire for?
        </Typography>
        <RadioGroup aria-labelledby="activate-when" value={mode} onChange={(e) => setMode(e.target.value as 'all' | 'from')}>
          <FormControlLabel value="all" control={<Radio />} label="Fire for every event of a replay, as if it had always been active" />
          <FormControlLabel value="from" control={<Radio />} label="Only for events received from a moment on (no retroactive rewards, as on the live platform)" />
        </RadioGroup>
        {mode === 'from' && <ActivationMomentFields date={date} time={time} timeZone={timeZone} from={from} onDate={setDate} onTime={setTime} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!valid} onClick={() => onActivate(mode === 'all' || !('instant' in from) ? null : from.instant)}>
          Activate trigger
        </Button>
      </DialogActions>
    </Dialog>
  );
}

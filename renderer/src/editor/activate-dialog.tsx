/**
 * Activation, deliberately: what locks for good, and from when the trigger fires, in words. The
 * seed's live platform never rewards events received before activation; a replay may instead
 * fire for every event of the set (to see what the trigger would have paid).
 */
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, List, ListItem, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isRule, type RuleNode } from '@engine/formats/program-schema';
import { ACTION_LABELS, EVENT_LABELS } from './action-model';
import { useEditor } from './editor-context';
import { readTrigger } from './editor-store';
import { DateInput } from '../ui/date-input';
import { formatInstant } from '../ui/format-instant';
import { parseTypedTime, zonedInstant, zonedParts, type ZonedResult } from '../ui/zoned-time';

function countRules(node: RuleNode | undefined): number {
  if (!node) return 0;
  if (isRule(node)) return 1;
  return ('all' in node ? node.all : node.any).reduce((n, c) => n + countRules(c), 0);
}

/** The moment typed (a date and a time in the program's zone) as an instant, or why not. */
function readFrom(date: string | null, time: string, timeZone: string): ZonedResult {
  if (!date) return { problem: 'Enter the date' };
  const hhmm = parseTypedTime(time);
  if (!hhmm) return { problem: 'Enter the time as HH:MM (24-hour), for example 09:30' };
  return zonedInstant(date, hhmm, timeZone);
}

export interface ActivateDialogProps {
  open: boolean;
  onClose: () => void;
  /** `null` fires for every event; an ISO instant (UTC) only for events received from then on. */
  onActivate: (since: string | null) => void;
  /** The program's time zone: the "from" moment is typed in it. */
  timeZone: string;
}

/** The confirm dialog: what locks, and which events of a replay it fires for. */
export function ActivateDialog({ open, onClose, onActivate, timeZone }: ActivateDialogProps) {
  const graph = useEditor(useShallow((s) => ({ meta: s.meta, nodes: s.nodes, edges: s.edges })));
  const reading = useMemo(() => readTrigger(graph), [graph]);
  const [mode, setMode] = useState<'all' | 'from'>('all');
  // Starts at the current minute in the program's zone (what "from now on" means to its manager).
  const [date, setDate] = useState<string | null>(() => zonedParts(Date.now(), timeZone).date);
  const [time, setTime] = useState(() => zonedParts(Date.now(), timeZone).time);
  useEffect(() => {
    if (open) setMode('all');
  }, [open]);
  if (!reading.ok) return null;
  const t = reading.trigger;
  const n = countRules(t.rules);
  const from = readFrom(date, time, timeZone);
  const valid = mode === 'all' || 'instant' in from;
  const timeProblem = 'problem' in from && date !== null ? from.problem : null;
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="activate-title">
      <DialogTitle id="activate-title">Activate “{t.name}”?</DialogTitle>
      <DialogContent>
        <DialogContentText>These lock for good once it is active (duplicate it as a new draft to change them):</DialogContentText>
        <List dense aria-label="What locks">
          <ListItem>The event: {EVENT_LABELS[t.event]}</ListItem>
          <ListItem>{n === 0 ? 'The rules: none (it fires on every such event)' : `The rules: ${n} rule${n === 1 ? '' : 's'}, as drawn`}</ListItem>
          <ListItem>The action type: {ACTION_LABELS[t.action.type]}</ListItem>
        </List>
        <DialogContentText sx={{ mb: 1 }}>You can still change the name, the offer description, the reward type, amount and currency, and switch it off.</DialogContentText>
        <Typography variant="subtitle2" id="activate-when">
          Which events of a replay should it fire for?
        </Typography>
        <RadioGroup aria-labelledby="activate-when" value={mode} onChange={(e) => setMode(e.target.value as 'all' | 'from')}>
          <FormControlLabel value="all" control={<Radio />} label="Fire for every event of a replay, as if it had always been active" />
          <FormControlLabel value="from" control={<Radio />} label="Only for events received from a moment on (no retroactive rewards, as on the live platform)" />
        </RadioGroup>
        {mode === 'from' && (
          <Stack spacing={1} sx={{ mt: 1 }} role="group" aria-label="Received from">
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
              <DateInput label="Received from (date)" required width={270} value={date} timeZone={timeZone} onChange={setDate} onUnreadable={() => setDate(null)} />
              <TextField
                label="Time (24-hour)"
                value={time}
                placeholder="HH:MM"
                onChange={(e) => setTime(e.target.value)}
                onBlur={() => {
                  const hhmm = parseTypedTime(time);
                  if (hhmm) setTime(hhmm);
                }}
                error={timeProblem !== null}
                helperText=" "
                sx={{ width: 150 }}
              />
            </Stack>
            {timeProblem && (
              <Typography variant="body2" color="error" role="alert">
                {timeProblem}
              </Typography>
            )}
            {'instant' in from && (
              <Typography variant="body2" aria-label="Activation moment">
                Events received before {formatInstant(from.instant, timeZone)} ({formatInstant(from.instant, 'UTC')}) do not fire it.
                {from.note && ` ${from.note}.`}
              </Typography>
            )}
          </Stack>
        )}
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

/**
 * Activation, deliberately: what locks for good, and from when the trigger fires, in words. The
 * seed's live platform never rewards events received before activation; a replay may instead
 * fire for every event of the set (to see what the trigger would have paid).
 */
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, List, ListItem, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isRule, type RuleNode } from '../../../engine/formats/program-schema';
import { ACTION_LABELS, EVENT_LABELS } from './action-model';
import { useEditor } from './editor-context';
import { readTrigger } from './editor-store';

function countRules(node: RuleNode | undefined): number {
  if (!node) return 0;
  if (isRule(node)) return 1;
  return ('all' in node ? node.all : node.any).reduce((n, c) => n + countRules(c), 0);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The confirm dialog; `onActivate(null)` fires for every event, an ISO instant from then on. */
export function ActivateDialog({ open, onClose, onActivate }: { open: boolean; onClose: () => void; onActivate: (since: string | null) => void }) {
  const graph = useEditor(useShallow((s) => ({ meta: s.meta, nodes: s.nodes, edges: s.edges })));
  const reading = useMemo(() => readTrigger(graph), [graph]);
  const [mode, setMode] = useState<'all' | 'from'>('all');
  const [from, setFrom] = useState(() => new Date().toISOString().slice(0, 16));
  useEffect(() => {
    if (open) setMode('all');
  }, [open]);
  if (!reading.ok) return null;
  const t = reading.trigger;
  const n = countRules(t.rules);
  const valid = mode === 'all' || INSTANT.test(from);
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
          <TextField
            type="datetime-local"
            label="Received from (UTC)"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            error={!valid}
            helperText={valid ? `Events received before ${from.replace('T', ' ')} UTC do not fire it.` : 'Enter a date and a time'}
            sx={{ mt: 1 }}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!valid} onClick={() => onActivate(mode === 'all' ? null : `${from}:00Z`)}>
          Activate trigger
        </Button>
      </DialogActions>
    </Dialog>
  );
}

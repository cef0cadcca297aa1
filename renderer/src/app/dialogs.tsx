/** Small dialogs the shell and the editor share: ask for a name, confirm something permanent. */
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useAppStore } from './app-store';

export function PromptDialog(props: { open: boolean; title: string; label: string; initial: string; confirm: string; onClose: () => void; onSubmit: (value: string) => void }) {
  const [value, setValue] = useState(props.initial);
  useEffect(() => setValue(props.initial), [props.initial, props.open]);
  const empty = value.trim() === '';
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="xs">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!empty) props.onSubmit(value.trim());
        }}
      >
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth margin="dense" label={props.label} value={value} onChange={(e) => setValue(e.target.value)} error={empty} helperText={empty ? 'A name is required' : ' '} />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={empty}>
            {props.confirm}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function ConfirmDialog(props: { open: boolean; title: string; text: string; confirm: string; cancel?: string; onClose: () => void; onConfirm: () => void }) {
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="xs">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{props.text}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{props.cancel ?? 'Cancel'}</Button>
        <Button color="error" variant="contained" onClick={props.onConfirm}>
          {props.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Asks before a view change throws away unsaved work (see `leave-guard.ts`). */
export function LeaveDialog() {
  const pending = useAppStore((s) => s.pendingLeave);
  const answer = useAppStore((s) => s.answerLeave);
  return (
    <Dialog open={pending !== null} onClose={() => answer(false)} maxWidth="xs" aria-labelledby="leave-title">
      <DialogTitle id="leave-title">Leave without saving?</DialogTitle>
      <DialogContent>
        {(pending?.unsaved ?? []).map((m) => (
          <DialogContentText key={m} sx={{ mb: 1 }}>
            {m}
          </DialogContentText>
        ))}
        <DialogContentText>Stay to save them, or leave and lose them.</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button autoFocus variant="contained" onClick={() => answer(false)}>
          Stay
        </Button>
        <Button color="error" onClick={() => answer(true)}>
          Discard and leave
        </Button>
      </DialogActions>
    </Dialog>
  );
}

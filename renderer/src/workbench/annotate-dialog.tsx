/** The dialog that names and annotates a kept run or event set. */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { ServiceError } from '@service/contract';

/** What is being annotated, and how its name and note are saved. */
export interface Annotating {
  title: string;
  name: string;
  note: string;
  /** Event sets must keep a name; a run's name may be cleared. */
  nameRequired: boolean;
  save: (name: string, note: string) => Promise<ServiceError | null>;
}

/** The line under the name: why it is refused, or what leaving it empty does. */
function nameHelp(blank: boolean, error: ServiceError | null, nameRequired: boolean): string {
  if (blank) return 'A name is required';
  if (error?.field === 'name') return error.message;
  return nameRequired ? ' ' : 'Leave empty to show the run by its number';
}

/** Name and note of a run or an event set. */
export function AnnotateDialog({ a, onClose }: { a: Annotating; onClose: () => void }) {
  const [name, setName] = useState(a.name);
  const [note, setNote] = useState(a.note);
  const [error, setError] = useState<ServiceError | null>(null);
  const blank = a.nameRequired && name.trim() === '';
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (blank) return;
          void a.save(name, note).then((err) => (err ? setError(err) : onClose()));
        }}
      >
        <DialogTitle>{a.title}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={blank || error?.field === 'name'}
            helperText={nameHelp(blank, error, a.nameRequired)}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <TextField fullWidth margin="dense" label="Note" multiline minRows={3} value={note} onChange={(e) => setNote(e.target.value)} slotProps={{ htmlInput: { maxLength: 2000 } }} helperText={`${note.length} / 2000`} />
          {error && error.field !== 'name' && <Alert severity="error">{error.message}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={blank}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

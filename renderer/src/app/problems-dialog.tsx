/** Every problem of a refused import, by place (CSV line and column, or JSON path), until closed. */
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText } from '@mui/material';
import { problemsTitle, type NoticeProblem } from './notify';

export function ProblemsDialog({ message, problems, onClose }: { message: string; problems: readonly NoticeProblem[]; onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="problems-title">
      <DialogTitle id="problems-title">{problemsTitle(message, problems.length)}</DialogTitle>
      <DialogContent dividers>
        <List dense aria-label="Problems" disablePadding>
          {problems.map((p, i) => (
            <ListItem key={i} disableGutters>
              <ListItemText>
                {p.path && <strong>{p.path}: </strong>}
                {p.message}
              </ListItemText>
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" autoFocus onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}

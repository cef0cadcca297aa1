import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

export type ReviewDecision = 'approved' | 'declined' | 'hold' | 'pending';

export interface ReviewBarProps {
  count: number;
  busy: boolean;
  onReview: (decision: ReviewDecision, reason?: string) => void;
  onSelectAll: () => void;
  onClear: () => void;
  canSelectAll: boolean;
  /** Label of the select-all button ("Select all matching", "Select first 5,000"). */
  selectAllLabel?: string;
}

/** Bulk review of the selected rewards; declining asks for a reason. */
export function ReviewBar({ count, busy, onReview, onSelectAll, onClear, canSelectAll, selectAllLabel = 'Select all matching' }: ReviewBarProps) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const none = count === 0 || busy;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} role="toolbar" aria-label="Review">
      <Typography variant="body2" sx={{ minWidth: 90 }}>
        {count} selected
      </Typography>
      <Button size="small" variant="contained" color="success" disabled={none} onClick={() => onReview('approved')}>
        Approve
      </Button>
      <Button size="small" variant="outlined" color="warning" disabled={none} onClick={() => onReview('hold')}>
        Hold
      </Button>
      <Button size="small" variant="outlined" color="error" disabled={none} onClick={() => setDeclining(true)}>
        Decline…
      </Button>
      <Button size="small" disabled={none} onClick={() => onReview('pending')}>
        Reset to pending
      </Button>
      <Button size="small" disabled={!canSelectAll || busy} onClick={onSelectAll}>
        {selectAllLabel}
      </Button>
      <Button size="small" disabled={count === 0} onClick={onClear}>
        Clear
      </Button>
      <Dialog open={declining} onClose={() => setDeclining(false)} fullWidth maxWidth="xs">
        <DialogTitle>Decline {count} reward{count === 1 ? '' : 's'}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label="Reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            helperText="Partners see why a reward was declined."
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeclining(false)}>Cancel</Button>
          <Button
            color="error"
            variant="contained"
            disabled={reason.trim() === ''}
            onClick={() => {
              onReview('declined', reason.trim());
              setDeclining(false);
              setReason('');
            }}
          >
            Decline
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

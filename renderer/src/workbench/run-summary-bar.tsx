import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { RunSummary } from '../../../service/contract';
import { displayUsd, groupDigits } from './money-format';
import { runLabel } from './run-compare';
import { newestFirst, progressText, RUN_STATUS_LABELS } from './run-progress';
import { useReadable } from './readable';

const STATUS_COLORS = { queued: 'default', running: 'info', done: 'success', cancelled: 'warning', failed: 'error' } as const;

/** The kept runs, and the headline numbers of the chosen one. */
export function RunSummaryBar({ runs, run, onPick }: { runs: readonly RunSummary[]; run: RunSummary | null; onPick: (id: string) => void }) {
  const sorted = newestFirst(runs);
  const n = useReadable();
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField select size="small" label="Run" value={run?.id ?? ''} onChange={(e) => onPick(e.target.value)} sx={{ minWidth: 340 }}>
        {sorted.map((r, i) => (
          <MenuItem key={r.id} value={r.id}>
            {runLabel(r, sorted.length - i, (iso) => n.instant(iso))} · {RUN_STATUS_LABELS[r.status]}
          </MenuItem>
        ))}
      </TextField>
      {run && (
        <>
          <Chip size="small" color={STATUS_COLORS[run.status]} label={run.status === 'queued' && run.queuePosition !== undefined ? `Queued · position ${run.queuePosition}` : RUN_STATUS_LABELS[run.status]} />
          <Typography variant="body2" aria-label="Run summary">
            {progressText(run)} · {groupDigits(String(run.rewardCount))} rewards · {displayUsd(run.rewardsUsd)} · {groupDigits(String(run.rejectedCount))} rejected
            {run.expectationsPassed === null ? '' : run.expectationsPassed ? ' · expectations passed' : ' · expectations failed'}
          </Typography>
          {run.error && (
            <Typography variant="body2" color="error">
              {run.error}
            </Typography>
          )}
        </>
      )}
    </Stack>
  );
}

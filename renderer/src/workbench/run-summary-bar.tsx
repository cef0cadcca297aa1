import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { RunSummary } from '@service/contract';
import { runLabel } from './run-compare';
import { newestFirst } from './run-progress';
import { observe, reconcile, runView } from './run-state';
import { expectationsState, EXPECTATION_STATE_TEXT } from './expectation-diff';
import { useReadable } from './readable';
import { useWorkbenchStore } from './workbench-store';

export interface RunSummaryBarProps {
  runs: readonly RunSummary[];
  run: RunSummary | null;
  onPick: (id: string) => void;
  /** Whether the run's event set has expectations (unknown when the set is gone). */
  hasExpectations?: (run: RunSummary) => boolean | undefined;
}

/** The kept runs, and the headline of the chosen one; every label comes from the run state machine. */
export function RunSummaryBar({ runs, run, onPick, hasExpectations }: RunSummaryBarProps) {
  const n = useReadable();
  const tracks = useWorkbenchStore((s) => s.tracks);
  const sorted = reconcile(newestFirst(runs), tracks);
  const chosen = run ? observe(tracks[run.id], run) : null;
  const view = chosen ? runView(chosen) : null;
  const expectations = chosen && view?.stage === 'done' ? expectationsState(chosen.summary, hasExpectations?.(chosen.summary)) : null;
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField select size="small" label="Run" value={run?.id ?? ''} onChange={(e) => onPick(e.target.value)} sx={{ minWidth: 340 }}>
        {sorted.map((t, i) => (
          <MenuItem key={t.summary.id} value={t.summary.id}>
            {runLabel(t.summary, sorted.length - i, (iso) => n.instant(iso))} · {runView(t).label}
          </MenuItem>
        ))}
      </TextField>
      {chosen && view && (
        <>
          <Chip size="small" color={view.color} label={view.label} aria-label={`Run status: ${view.label}`} />
          <Typography variant="body2" aria-label="Run summary">
            {view.headline}
            {expectations && ` · ${EXPECTATION_STATE_TEXT[expectations]}`}
          </Typography>
          {chosen.summary.error && (
            <Typography variant="body2" color="error">
              {chosen.summary.error}
            </Typography>
          )}
        </>
      )}
    </Stack>
  );
}

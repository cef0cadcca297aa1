import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { RunSummary } from '@service/contract';
import { useServiceQuery } from './hooks';
import { compareHeadline, compareRows, defaultPair, runLabel, type ChangeKind } from './run-compare';
import { displaySignedUsd, displayUsd, groupDigits } from './money-format';
import { newestFirst } from './run-progress';
import { SmallTable } from './small-table';
import { useReadable } from './readable';
import { TriggerChangesTable } from './run-snapshot';
import { PartnerLink } from './partner-link';

const CHANGE_COLORS: Readonly<Record<ChangeKind, 'success' | 'error' | 'warning'>> = { added: 'success', removed: 'error', changed: 'warning' };

function RunSelect({ label, runs, value, onChange }: { label: string; runs: readonly RunSummary[]; value: string; onChange: (id: string) => void }) {
  const n = useReadable();
  return (
    <TextField select size="small" label={label} value={runs.some((r) => r.id === value) ? value : ''} onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 320 }}>
      {runs.map((r, i) => (
        <MenuItem key={r.id} value={r.id}>
          {runLabel(r, runs.length - i, (iso) => n.instant(iso))}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Two runs side by side: rewards added, removed and changed, and the change in the total. */
export function ComparePanel({ runs }: { runs: readonly RunSummary[] }) {
  const n = useReadable();
  const done = newestFirst(runs.filter((r) => r.status === 'done'));
  const [pair, setPair] = useState<[string, string] | null>(null);
  useEffect(() => {
    if (!pair) setPair(defaultPair(done));
  }, [done, pair]);
  const q = useServiceQuery('replay.compare', pair && pair[0] !== pair[1] ? { beforeRunId: pair[0], afterRunId: pair[1] } : null);
  if (done.length < 2) return <Typography color="text.secondary">Run the replay twice (for example before and after a design change) to compare.</Typography>;
  const [before, after] = pair ?? ['', ''];
  const h = q.data ? compareHeadline(q.data) : null;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <RunSelect label="Before" runs={done} value={before} onChange={(id) => setPair([id, after])} />
        <RunSelect label="After" runs={done} value={after} onChange={(id) => setPair([before, id])} />
      </Stack>
      {q.error && <Alert severity="error">{q.error.message}</Alert>}
      {h && q.data && (
        <>
          <Typography role="status" aria-label="Comparison summary">
            {groupDigits(String(h.added))} added · {groupDigits(String(h.removed))} removed · {groupDigits(String(h.changed))} changed · {groupDigits(String(h.unchanged))} unchanged · total {displayUsd(q.data.totalUsdBefore)} → {displayUsd(q.data.totalUsdAfter)} ({displaySignedUsd(h.delta)})
          </Typography>
          {q.data.triggers && <TriggerChangesTable changes={q.data.triggers} programs={q.data.programs} />}
          <SmallTable
            label="Ledger differences"
            rows={compareRows(q.data)}
            empty="The two runs produced the same ledger."
            columns={[
              { label: 'Change', cell: (r) => <Chip size="small" color={CHANGE_COLORS[r.change]} label={r.change} /> },
              { label: 'Partner', cell: (r) => <PartnerLink partnerKey={r.partnerKey} /> },
              { label: 'Trigger', cell: (r) => <span title={r.triggerId}>{n.trigger(r.triggerId)}</span> },
              { label: 'Event', cell: (r) => r.eventId },
              { label: 'Occ.', cell: (r) => r.occurrence },
              { label: 'Before (USD)', cell: (r) => (r.before === null ? '—' : displayUsd(r.before)) },
              { label: 'After (USD)', cell: (r) => (r.after === null ? '—' : displayUsd(r.after)) },
              { label: 'What changed', cell: (r) => r.fields.join(', ') },
            ]}
          />
        </>
      )}
    </Stack>
  );
}

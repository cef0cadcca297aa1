/**
 * A run's program snapshot (every trigger and the version it replayed, against the program now)
 * and the design change between two runs; the runs screen and the run comparison show them.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { RunSnapshot, TriggerChange } from '@service/contract';
import { useServiceQuery } from './hooks';
import { SmallTable } from './small-table';

function versionCell(t: RunSnapshot['triggers'][number]) {
  if (t.currentVersion === null) return <Chip size="small" color="error" variant="outlined" label={`v${t.version} · deleted since`} />;
  if (t.currentVersion !== t.version) return <Chip size="small" color="warning" variant="outlined" label={`v${t.version} · now v${t.currentVersion}`} />;
  return <Chip size="small" variant="outlined" label={`v${t.version} · unchanged`} />;
}

/** The program a run replayed: every trigger and the version it used. */
export function SnapshotPanel({ runId }: { runId: string }) {
  const q = useServiceQuery('replay.snapshot', { runId });
  if (q.error) return <Alert severity="error">{q.error.message}</Alert>;
  const s = q.data;
  if (!s) return <Typography color="text.secondary">Loading the snapshot…</Typography>;
  const changed = s.triggers.filter((t) => t.currentVersion !== t.version).length;
  return (
    <Box component="section" aria-label="Program snapshot">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {s.programName} as replayed · {s.triggers.length} triggers · {s.partnerCount} partners · zone {s.timeZone}
        {changed + s.addedSince.length > 0 ? ` · ${changed} changed and ${s.addedSince.length} added since` : ' · the program has not changed since'}
      </Typography>
      <SmallTable
        label="Triggers in the snapshot"
        rows={s.triggers}
        empty="The program had no triggers."
        columns={[
          { label: 'Trigger', cell: (t) => (<><Typography variant="body2">{t.name}</Typography><Typography variant="caption" color="text.secondary">{t.id}</Typography></>) },
          { label: 'Event', cell: (t) => t.event },
          { label: 'Status', cell: (t) => t.status },
          { label: 'Action', cell: (t) => t.actionType.replace('_', ' ') },
          { label: 'Version', cell: versionCell },
        ]}
      />
      {s.addedSince.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Added since this run: {s.addedSince.map((t) => t.name).join(', ')}
        </Typography>
      )}
    </Box>
  );
}

const side = (x: TriggerChange['before']) => (x ? `v${x.version} · ${x.status}` : 'not in the program');

/** The design change between two runs: triggers whose version, status or presence differs. */
export function TriggerChangesTable({ changes, programs }: { changes: readonly TriggerChange[]; programs?: { before: string; after: string; sameProgram: boolean } | undefined }) {
  return (
    <Box component="section" aria-label="Program changes between the runs">
      {programs && !programs.sameProgram && (
        <Typography variant="body2" sx={{ mb: 0.5 }}>
          Two programs: {programs.before} → {programs.after}
        </Typography>
      )}
      <SmallTable
        label="Trigger changes"
        rows={changes}
        empty="Both runs replayed the same trigger versions."
        columns={[
          { label: 'Trigger', cell: (c) => c.name },
          { label: 'Before', cell: (c) => side(c.before) },
          { label: 'After', cell: (c) => side(c.after) },
        ]}
      />
    </Box>
  );
}

/**
 * The two lists of the runs & event sets screen: the program's event sets and its runs, each row
 * with its actions (annotate, delete; a run also opens its program snapshot below the list).
 */
import { useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditNoteIcon from '@mui/icons-material/EditNote';
import LayersIcon from '@mui/icons-material/Layers';
import type { EventSetSummary, RunSummary } from '@service/contract';
import { displayUsd, groupDigits } from './money-format';
import { useReadable } from './readable';
import { RUN_STATUS_LABELS } from './run-progress';
import { SnapshotPanel } from './run-snapshot';
import { runNumbers, runTitle } from './runs-model';
import { Section } from './section';
import { SmallTable } from './small-table';

/** A small icon button with its tooltip; `label` names it for screen readers. */
function Action({ tip, label, pressed, onClick, icon }: { tip: string; label: string; pressed?: boolean; onClick: () => void; icon: ReactNode }) {
  return (
    <Tooltip title={tip}>
      <IconButton size="small" aria-label={label} aria-pressed={pressed} onClick={onClick}>
        {icon}
      </IconButton>
    </Tooltip>
  );
}

/** The text of a note, kept as typed (line breaks) and narrow enough for the table. */
function NoteCell({ note, maxWidth }: { note: string | null | undefined; maxWidth: number }) {
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', maxWidth }}>
      {note ?? ''}
    </Typography>
  );
}

export function EventSetsSection({ sets, onAnnotate, onDelete }: { sets: readonly EventSetSummary[]; onAnnotate: (s: EventSetSummary) => void; onDelete: (s: EventSetSummary) => void }) {
  const n = useReadable();
  return (
    <Section label="Event sets">
      <SmallTable
        label="Event sets"
        rows={sets}
        empty="No event sets: import one in the Replay workbench."
        columns={[
          { label: 'Name', cell: (s) => s.name },
          { label: 'Events', cell: (s) => groupDigits(String(s.eventCount)) },
          { label: 'From', cell: (s) => s.source.toUpperCase() },
          { label: 'Expectations', cell: (s) => (s.hasExpectations ? 'yes' : 'none') },
          { label: 'Note', cell: (s) => <NoteCell note={s.note} maxWidth={420} /> },
          { label: 'Imported', cell: (s) => n.instant(s.createdAt) },
          {
            label: 'Actions',
            cell: (s) => (
              <Stack direction="row">
                <Action tip="Rename or annotate" label={`Rename or annotate ${s.name}`} onClick={() => onAnnotate(s)} icon={<EditNoteIcon fontSize="small" />} />
                <Action tip="Delete" label={`Delete ${s.name}`} onClick={() => onDelete(s)} icon={<DeleteOutlineIcon fontSize="small" />} />
              </Stack>
            ),
          },
        ]}
      />
    </Section>
  );
}

/** The runs, newest first; `onAnnotate` and `onDelete` get the run and its number. */
export function RunsSection({ runs, onAnnotate, onDelete }: { runs: readonly RunSummary[]; onAnnotate: (r: RunSummary, n: number) => void; onDelete: (r: RunSummary, n: number) => void }) {
  const n = useReadable();
  const [snapshotOf, setSnapshotOf] = useState<string | null>(null);
  const number = runNumbers(runs);
  return (
    <Section label="Runs">
      <SmallTable
        label="Runs"
        rows={runs}
        empty="No runs yet: run an event set in the Replay workbench."
        columns={[
          { label: 'Run', cell: (r) => (<><Typography variant="body2">{runTitle(r, number(r))}</Typography><Typography variant="caption" color="text.secondary">{r.name ? `Run ${number(r)} · ` : ''}{n.instant(r.startedAt)}</Typography></>) },
          { label: 'Event set', cell: (r) => r.eventSetName },
          { label: 'Status', cell: (r) => RUN_STATUS_LABELS[r.status] },
          { label: 'Rewards', cell: (r) => `${groupDigits(String(r.rewardCount))} · ${displayUsd(r.rewardsUsd)}` },
          { label: 'Note', cell: (r) => <NoteCell note={r.note} maxWidth={360} /> },
          {
            label: 'Actions',
            cell: (r) => (
              <Stack direction="row">
                <Action tip="Name or annotate" label={`Name or annotate ${runTitle(r, number(r))}`} onClick={() => onAnnotate(r, number(r))} icon={<EditNoteIcon fontSize="small" />} />
                <Action tip="Program snapshot" label={`Program snapshot of ${runTitle(r, number(r))}`} pressed={snapshotOf === r.id} onClick={() => setSnapshotOf(snapshotOf === r.id ? null : r.id)} icon={<LayersIcon fontSize="small" />} />
                <Action tip="Delete" label={`Delete ${runTitle(r, number(r))}`} onClick={() => onDelete(r, number(r))} icon={<DeleteOutlineIcon fontSize="small" />} />
              </Stack>
            ),
          },
        ]}
      />
      {snapshotOf && runs.some((r) => r.id === snapshotOf) && (
        <Box sx={{ mt: 2 }}>
          <SnapshotPanel key={snapshotOf} runId={snapshotOf} />
        </Box>
      )}
    </Section>
  );
}

/**
 * Runs and event sets as things people keep: named, annotated, deleted (after a confirm); each
 * run's program snapshot (the trigger versions it replayed, against the program now); and a
 * comparison of any two runs, also across program versions.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditNoteIcon from '@mui/icons-material/EditNote';
import LayersIcon from '@mui/icons-material/Layers';
import type { EventSetSummary, RunSnapshot, RunSummary, ServiceError, TriggerChange } from '@service/contract';
import { ConfirmDialog } from '../app/dialogs';
import { useRuns, useServiceQuery, useSend } from './hooks';
import { dataChanged, type DataChange } from '../client/query-cache';
import { ComparePanel } from './compare-panel';
import { displayUsd, groupDigits } from './money-format';
import { runLabel } from './run-compare';
import { newestFirst, RUN_STATUS_LABELS } from './run-progress';
import { SmallTable } from './small-table';
import { ReadableProvider, useReadable } from './readable';
import type { ProgramViewProps } from './types';

interface Annotating {
  title: string;
  name: string;
  note: string;
  /** Event sets must keep a name; a run's name may be cleared. */
  nameRequired: boolean;
  save: (name: string, note: string) => Promise<ServiceError | null>;
}

/** Name and note of a run or an event set. */
function AnnotateDialog({ a, onClose }: { a: Annotating; onClose: () => void }) {
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
            helperText={blank ? 'A name is required' : error?.field === 'name' ? error.message : a.nameRequired ? ' ' : 'Leave empty to show the run by its number'}
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

/** "Run 3" or the name a person gave it, for tables. */
function runTitle(r: RunSummary, n: number): string {
  return r.name ?? `Run ${n}`;
}

export function RunsView(props: ProgramViewProps) {
  const program = useServiceQuery('programs.get', { programId: props.programId });
  return (
    <ReadableProvider program={program.data?.program}>
      <Runs {...props} />
    </ReadableProvider>
  );
}

function Runs({ programId }: ProgramViewProps) {
  const n = useReadable();
  const send = useSend();
  const runs = useRuns(programId);
  const sets = useServiceQuery('eventSets.list', { programId });
  const [annotating, setAnnotating] = useState<Annotating | null>(null);
  const [deleting, setDeleting] = useState<{ title: string; text: string; run: () => Promise<unknown> } | null>(null);
  const [snapshotOf, setSnapshotOf] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = newestFirst(runs.data ?? []);
  const number = (r: RunSummary) => list.length - list.indexOf(r);

  const annotateRun = (r: RunSummary) =>
    setAnnotating({
      title: `Name and note of ${runLabel(r, number(r), (iso) => n.instant(iso))}`,
      name: r.name ?? '',
      note: r.note ?? '',
      nameRequired: false,
      save: async (name, note) => {
        const res = await send('replay.annotate', { runId: r.id, name, note });
        if (!res.ok) return res.error;
        dataChanged('runs');
        return null;
      },
    });
  const annotateSet = (s: EventSetSummary) =>
    setAnnotating({
      title: `Name and note of the event set “${s.name}”`,
      name: s.name,
      note: s.note ?? '',
      nameRequired: true,
      save: async (name, note) => {
        const res = await send('eventSets.annotate', { eventSetId: s.id, name, note });
        if (!res.ok) return res.error;
        dataChanged('eventSets');
        return null;
      },
    });
  const del = async (p: Promise<{ ok: boolean; error?: ServiceError }>, change: DataChange) => {
    const res = await p;
    setError(res.ok ? null : (res.error?.message ?? 'could not delete'));
    dataChanged(change);
  };

  return (
    <Stack spacing={2}>
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Event sets">
        <Typography variant="subtitle1" sx={{ mb: 1 }}>
          Event sets
        </Typography>
        <SmallTable
          label="Event sets"
          rows={sets.data ?? []}
          empty="No event sets: import one in the Replay workbench."
          columns={[
            { label: 'Name', cell: (s) => s.name },
            { label: 'Events', cell: (s) => groupDigits(String(s.eventCount)) },
            { label: 'From', cell: (s) => s.source.toUpperCase() },
            { label: 'Expectations', cell: (s) => (s.hasExpectations ? 'yes' : 'none') },
            { label: 'Note', cell: (s) => <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', maxWidth: 420 }}>{s.note ?? ''}</Typography> },
            { label: 'Imported', cell: (s) => n.instant(s.createdAt) },
            {
              label: 'Actions',
              cell: (s) => (
                <Stack direction="row">
                  <Tooltip title="Rename or annotate">
                    <IconButton size="small" aria-label={`Rename or annotate ${s.name}`} onClick={() => annotateSet(s)}>
                      <EditNoteIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Delete">
                    <IconButton
                      size="small"
                      aria-label={`Delete ${s.name}`}
                      onClick={() =>
                        setDeleting({
                          title: `Delete the event set “${s.name}”?`,
                          text: `Its ${groupDigits(String(s.eventCount))} events are removed from the data folder. Runs made from it stay, with their results.`,
                          run: () => del(send('eventSets.delete', { eventSetId: s.id }), 'eventSets'),
                        })
                      }
                    >
                      <DeleteOutlineIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </Stack>
              ),
            },
          ]}
        />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Runs">
        <Typography variant="subtitle1" sx={{ mb: 1 }}>
          Runs
        </Typography>
        <SmallTable
          label="Runs"
          rows={list}
          empty="No runs yet: run an event set in the Replay workbench."
          columns={[
            { label: 'Run', cell: (r) => (<><Typography variant="body2">{runTitle(r, number(r))}</Typography><Typography variant="caption" color="text.secondary">{r.name ? `Run ${number(r)} · ` : ''}{n.instant(r.startedAt)}</Typography></>) },
            { label: 'Event set', cell: (r) => r.eventSetName },
            { label: 'Status', cell: (r) => RUN_STATUS_LABELS[r.status] },
            { label: 'Rewards', cell: (r) => `${groupDigits(String(r.rewardCount))} · ${displayUsd(r.rewardsUsd)}` },
            { label: 'Note', cell: (r) => <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', maxWidth: 360 }}>{r.note ?? ''}</Typography> },
            {
              label: 'Actions',
              cell: (r) => (
                <Stack direction="row">
                  <Tooltip title="Name or annotate">
                    <IconButton size="small" aria-label={`Name or annotate ${runTitle(r, number(r))}`} onClick={() => annotateRun(r)}>
                      <EditNoteIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Program snapshot">
                    <IconButton size="small" aria-label={`Program snapshot of ${runTitle(r, number(r))}`} aria-pressed={snapshotOf === r.id} onClick={() => setSnapshotOf(snapshotOf === r.id ? null : r.id)}>
                      <LayersIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Delete">
                    <IconButton
                      size="small"
                      aria-label={`Delete ${runTitle(r, number(r))}`}
                      onClick={() =>
                        setDeleting({
                          title: `Delete ${runTitle(r, number(r))}?`,
                          text: `Its ${groupDigits(String(r.rewardCount))} rewards and their review decisions are removed. This cannot be undone.`,
                          run: () => del(send('replay.delete', { runId: r.id }), 'runs'),
                        })
                      }
                    >
                      <DeleteOutlineIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </Stack>
              ),
            },
          ]}
        />
        {snapshotOf && list.some((r) => r.id === snapshotOf) && (
          <Box sx={{ mt: 2 }}>
            <SnapshotPanel key={snapshotOf} runId={snapshotOf} />
          </Box>
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Compare two runs">
        <Typography variant="subtitle1" sx={{ mb: 1 }}>
          Compare two runs
        </Typography>
        <ComparePanel runs={list} />
      </Paper>
      {annotating && <AnnotateDialog a={annotating} onClose={() => setAnnotating(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting?.title ?? ''}
        text={deleting?.text ?? ''}
        confirm="Delete"
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          const d = deleting;
          setDeleting(null);
          void d?.run();
        }}
      />
    </Stack>
  );
}

/**
 * The program overview (like PartnerStack's Triggers tab): every trigger with its event, a
 * status toggle, its offer, and the chosen run's count and USD total; search and filters; and
 * the run summary per trigger and per partner (counts, USD, share) with bar charts.
 */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { TRIGGER_EVENTS, type TriggerEvent } from '@engine/catalogue';
import type { Trigger } from '@engine/formats/program-schema';
import type { GroupTotal, RunTotals } from '@service/contract';
import { useAppStore } from '../app/app-store';
import { EVENT_LABELS } from '../editor/action-model';
import { TotalsBarChart } from './charts';
import { useRuns, useServiceQuery, useSend } from './hooks';
import { displayUsd, groupDigits } from './money-format';
import { PartnerLink } from './partner-link';
import { ReadableProvider, useReadable } from './readable';
import { defaultRun } from './run-progress';
import { RunSummaryBar } from './run-summary-bar';
import { rewardText } from './visibility-model';
import { useWorkbenchStore } from './workbench-store';
import type { ProgramViewProps } from './types';
import { dataChanged } from '../client/query-cache';

/** What the trigger does, in a few words: the reward a partner reads, or the move or tag. */
export function offerText(t: Trigger): string {
  const a = t.action;
  if (a.type === 'reward' || a.type === 'drip') return rewardText(t);
  if (a.type === 'change_group') return `moves to group ${a.group}`;
  return `tags “${a.tag}”`;
}

const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;

export interface OverviewFilter {
  search: string;
  event: '' | TriggerEvent;
  status: '' | Trigger['status'];
  action: '' | Trigger['action']['type'];
}

/** The triggers a filter keeps, in program order. */
export function filterTriggers(triggers: readonly Trigger[], f: OverviewFilter): Trigger[] {
  const q = f.search.trim().toLowerCase();
  return triggers.filter(
    (t) =>
      (!q || t.name.toLowerCase().includes(q) || t.id.toLowerCase().includes(q) || offerText(t).toLowerCase().includes(q)) &&
      (!f.event || t.event === f.event) &&
      (!f.status || t.status === f.status) &&
      (!f.action || t.action.type === f.action),
  );
}

function StatusToggle({ programId, t, onChanged }: { programId: string; t: Trigger; onChanged: (error: string | null) => void }) {
  const send = useSend();
  const [busy, setBusy] = useState(false);
  if (t.status === 'draft') {
    return (
      <Tooltip title="A draft is activated from its editor, where its rules are checked first">
        <Chip size="small" variant="outlined" label="draft" />
      </Tooltip>
    );
  }
  const on = t.status === 'active';
  return (
    <Stack direction="row" sx={{ alignItems: 'center' }}>
      <Switch
        size="small"
        checked={on}
        disabled={busy}
        slotProps={{ input: { 'aria-label': `${on ? 'Deactivate' : 'Activate'} ${t.name}` } }}
        onChange={() => {
          setBusy(true);
          // Reactivating keeps the trigger's own start (activatedAt), so a replay sees it as before.
          const p = on ? send('triggers.deactivate', { programId, triggerId: t.id }) : send('triggers.activate', { programId, triggerId: t.id, activatedAt: t.activatedAt ?? null });
          void p.then((r) => {
            setBusy(false);
            onChanged(r.ok ? null : r.error.message);
          });
        }}
      />
      <Typography variant="body2">{on ? 'active' : 'inactive'}</Typography>
    </Stack>
  );
}

function TriggersTable({ programId, triggers, totals, onChanged }: { programId: string; triggers: readonly Trigger[]; totals: RunTotals | null; onChanged: (e: string | null) => void }) {
  const byTrigger = new Map((totals?.byTrigger ?? []).map((g) => [g.key, g]));
  const go = useAppStore((s) => s.go);
  return (
    <TableContainer sx={{ maxHeight: 560 }}>
      <Table size="small" stickyHeader aria-label="Triggers">
        <TableHead>
          <TableRow>
            <TableCell>Trigger</TableCell>
            <TableCell>Event</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Offer</TableCell>
            <TableCell align="right">Rewards</TableCell>
            <TableCell align="right">Total (USD)</TableCell>
            <TableCell align="right">Share</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {triggers.map((t) => {
            const g = byTrigger.get(t.id);
            return (
              <TableRow key={t.id} hover>
                <TableCell>
                  <Link component="button" type="button" variant="body2" underline="hover" onClick={() => go({ kind: 'trigger', triggerId: t.id })} sx={{ textAlign: 'left' }}>
                    {t.name}
                  </Link>
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {t.id} · v{t.version ?? 1}
                  </Typography>
                </TableCell>
                <TableCell>{EVENT_LABELS[t.event]}</TableCell>
                <TableCell>
                  <StatusToggle programId={programId} t={t} onChanged={onChanged} />
                </TableCell>
                <TableCell sx={{ maxWidth: 320 }}>{offerText(t)}</TableCell>
                <TableCell align="right">{totals ? groupDigits(String(g?.count ?? 0)) : '—'}</TableCell>
                <TableCell align="right">{totals ? displayUsd(g?.usd ?? '0.00') : '—'}</TableCell>
                <TableCell align="right">{totals ? pct(g?.share ?? 0) : '—'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Counts, USD and share per trigger or partner, with its bar chart beside it. */
function SummaryBlock({ title, rows, name, link }: { title: string; rows: readonly GroupTotal[]; name: (key: string) => string; link?: boolean }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }} component="section" aria-label={title}>
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <TotalsBarChart label={`${title} chart`} bars={rows.map((r) => ({ label: name(r.key), usd: r.usd }))} />
      <TableContainer sx={{ maxHeight: 320 }}>
        <Table size="small" stickyHeader aria-label={`${title} table`}>
          <TableHead>
            <TableRow>
              <TableCell>{link ? 'Partner' : 'Trigger'}</TableCell>
              <TableCell align="right">Rewards</TableCell>
              <TableCell align="right">USD</TableCell>
              <TableCell align="right">Share</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key} hover>
                <TableCell>{link ? <PartnerLink partnerKey={r.key} /> : name(r.key)}</TableCell>
                <TableCell align="right">{groupDigits(String(r.count))}</TableCell>
                <TableCell align="right">{displayUsd(r.usd)}</TableCell>
                <TableCell align="right">{pct(r.share)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}

function Overview({ programId }: ProgramViewProps) {
  const n = useReadable();
  const doc = useServiceQuery('programs.get', { programId });
  const runs = useRuns(programId);
  const chosen = useWorkbenchStore((s) => s.runByProgram[programId]);
  const selectRun = useWorkbenchStore((s) => s.selectRun);
  const done = (runs.data ?? []).filter((r) => r.status === 'done');
  const run = done.find((r) => r.id === chosen) ?? defaultRun(done);
  const totals = useServiceQuery('replay.summary', run ? { runId: run.id } : null);
  const [filter, setFilter] = useState<OverviewFilter>({ search: '', event: '', status: '', action: '' });
  const [error, setError] = useState<string | null>(null);
  const triggers = doc.data?.program.triggers ?? [];
  const shown = useMemo(() => filterTriggers(triggers, filter), [triggers, filter]);
  const set = (k: keyof OverviewFilter) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [k]: e.target.value }));
  const t = totals.data;
  return (
    <Stack spacing={2}>
      {done.length > 0 ? (
        <RunSummaryBar runs={done} run={run} onPick={(id) => selectRun(programId, id)} />
      ) : (
        !runs.loading && <Typography color="text.secondary">No finished run yet: the counts and totals appear after a replay in the Replay workbench.</Typography>
      )}
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {totals.error && <Alert severity="error">{totals.error.message}</Alert>}
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="All triggers">
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ mb: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
          <TextField size="small" label="Search triggers" value={filter.search} onChange={set('search')} sx={{ minWidth: 260 }} />
          <TextField select size="small" label="Event" value={filter.event} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} onChange={set('event')} sx={{ minWidth: 220 }}>
            <MenuItem value="">All events</MenuItem>
            {TRIGGER_EVENTS.map((e) => (
              <MenuItem key={e} value={e}>
                {EVENT_LABELS[e]}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label="Status" value={filter.status} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} onChange={set('status')} sx={{ minWidth: 140 }}>
            <MenuItem value="">Any status</MenuItem>
            <MenuItem value="active">Active</MenuItem>
            <MenuItem value="inactive">Inactive</MenuItem>
            <MenuItem value="draft">Draft</MenuItem>
          </TextField>
          <TextField select size="small" label="Action" value={filter.action} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} onChange={set('action')} sx={{ minWidth: 160 }}>
            <MenuItem value="">Any action</MenuItem>
            <MenuItem value="reward">Reward</MenuItem>
            <MenuItem value="drip">Drip</MenuItem>
            <MenuItem value="change_group">Change group</MenuItem>
            <MenuItem value="apply_tag">Apply a tag</MenuItem>
          </TextField>
          <Typography variant="body2" color="text.secondary" role="status" aria-label="Triggers shown">
            {shown.length} of {triggers.length} triggers
            {t && run ? ` · counts from ${n.instant(run.startedAt)} (${groupDigits(String(t.count))} rewards · ${displayUsd(t.usd)})` : ''}
          </Typography>
        </Stack>
        {shown.length === 0 ? (
          <Typography color="text.secondary">No trigger matches these filters.</Typography>
        ) : (
          <TriggersTable
            programId={programId}
            triggers={shown}
            totals={t}
            onChanged={(e) => {
              setError(e);
              dataChanged('program');
            }}
          />
        )}
      </Paper>
      {t && (
        <Box sx={{ display: 'flex', gap: 2, flexDirection: { xs: 'column', lg: 'row' } }}>
          <SummaryBlock title="Run summary per trigger" rows={t.byTrigger} name={n.trigger} />
          <SummaryBlock title="Run summary per partner" rows={t.byPartner} name={n.partner} link />
        </Box>
      )}
    </Stack>
  );
}

export function ProgramOverview(props: ProgramViewProps) {
  const program = useServiceQuery('programs.get', { programId: props.programId });
  return (
    <ReadableProvider program={program.data?.program}>
      <Overview {...props} />
    </ReadableProvider>
  );
}

/**
 * The program overview's triggers: the search and filters above the table, and the table itself
 * (name linking to its editor, event, a status switch, the offer, and the chosen run's counts).
 */
import { useState } from 'react';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
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
import { TRIGGER_EVENTS } from '@engine/catalogue';
import type { Trigger } from '@engine/formats/program-schema';
import type { RunTotals } from '@service/contract';
import { useAppStore } from '../app/app-store';
import { EVENT_LABELS } from '../editor/action-model';
import { useSend } from './hooks';
import { displayUsd, groupDigits } from './money-format';
import { offerText, pct, type OverviewFilter } from './overview-model';
import { useReadable } from './readable';

const SELECT_PROPS = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

/** Search, event, status and action; the filter's words and values are `OverviewFilter`'s. */
export function TriggerFilters({ filter, onChange }: { filter: OverviewFilter; onChange: (f: OverviewFilter) => void }) {
  const set = (k: keyof OverviewFilter) => (e: { target: { value: string } }) => onChange({ ...filter, [k]: e.target.value });
  return (
    <>
      <TextField size="small" label="Search triggers" value={filter.search} onChange={set('search')} sx={{ minWidth: 260 }} />
      <TextField select size="small" label="Event" value={filter.event} slotProps={SELECT_PROPS} onChange={set('event')} sx={{ minWidth: 220 }}>
        <MenuItem value="">All events</MenuItem>
        {TRIGGER_EVENTS.map((e) => (
          <MenuItem key={e} value={e}>
            {EVENT_LABELS[e]}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label="Status" value={filter.status} slotProps={SELECT_PROPS} onChange={set('status')} sx={{ minWidth: 140 }}>
        <MenuItem value="">Any status</MenuItem>
        <MenuItem value="active">Active</MenuItem>
        <MenuItem value="inactive">Inactive</MenuItem>
        <MenuItem value="draft">Draft</MenuItem>
      </TextField>
      <TextField select size="small" label="Action" value={filter.action} slotProps={SELECT_PROPS} onChange={set('action')} sx={{ minWidth: 160 }}>
        <MenuItem value="">Any action</MenuItem>
        <MenuItem value="reward">Reward</MenuItem>
        <MenuItem value="drip">Drip</MenuItem>
        <MenuItem value="change_group">Change group</MenuItem>
        <MenuItem value="apply_tag">Apply a tag</MenuItem>
      </TextField>
    </>
  );
}

/** Active ⇄ inactive in one click; a draft is activated from its editor. `onChanged` gets the refusal, if any. */
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

export interface TriggersTableProps {
  programId: string;
  triggers: readonly Trigger[];
  /** The chosen run's totals; null shows dashes (no finished run). */
  totals: RunTotals | null;
  onChanged: (e: string | null) => void;
}

export function TriggersTable({ programId, triggers, totals, onChanged }: TriggersTableProps) {
  const n = useReadable();
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
                <TableCell sx={{ maxWidth: 320 }}>{offerText(t, n)}</TableCell>
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

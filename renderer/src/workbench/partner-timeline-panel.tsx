/**
 * One partner's entries of a run on one time axis (events, rewards, drip payments when due, group
 * moves, tags, with running totals), a page at a time and by kind, under the chart of what they
 * earn per month.
 */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TimelineEntry } from '@service/contract';
import { MonthlyBarChart } from './charts';
import { useServiceQuery } from './hooks';
import { STATUS_LABELS } from './ledger-model';
import { displayUsd, groupDigits } from './money-format';
import { monthLabel } from './month-model';
import { useReadable } from './readable';
import { SmallTable } from './small-table';
import { KIND_LABELS, monthlyEarnings, TIMELINE_PAGE, timelinePage, type TimelinePage } from './timeline-model';

const KIND_COLORS = { event: 'default', reward: 'success', drip: 'secondary', group: 'info', tag: 'warning' } as const;

type Kind = '' | TimelineEntry['kind'];

function EarningsChart({ months }: { months: ReturnType<typeof monthlyEarnings> }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Earnings per month">
      <Typography variant="subtitle2">Earned per month: one-off rewards and drip payments (drip timeline)</Typography>
      {months.length === 0 ? (
        <Typography color="text.secondary">No rewards for this partner in this run.</Typography>
      ) : (
        <MonthlyBarChart label="Earnings per month chart" months={months.map((m) => ({ label: monthLabel(m.month), values: [m.reward, m.drip] }))} series={['One-off rewards', 'Drip payments']} height={240} />
      )}
    </Paper>
  );
}

/** The kind shown, where the page stands, and the steps to earlier and later pages. */
function TimelineControls({ kind, onKind, page, total, onPage }: { kind: Kind; onKind: (k: Kind) => void; page: TimelinePage; total: number; onPage: (p: number) => void }) {
  return (
    <>
      <TextField select size="small" label="Show" value={kind} onChange={(e) => onKind(e.target.value as Kind)} sx={{ minWidth: 180 }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
        <MenuItem value="">Everything</MenuItem>
        {(Object.keys(KIND_LABELS) as TimelineEntry['kind'][]).map((k) => (
          <MenuItem key={k} value={k}>
            {KIND_LABELS[k]}s
          </MenuItem>
        ))}
      </TextField>
      <Box sx={{ flex: 1 }} />
      <Typography variant="body2" aria-label="Timeline page">
        {page.first}–{page.last} of {groupDigits(String(total))}
      </Typography>
      <Button size="small" disabled={page.at === 0} onClick={() => onPage(page.at - 1)}>
        Earlier
      </Button>
      <Button size="small" disabled={page.at >= page.pages - 1} onClick={() => onPage(page.at + 1)}>
        Later
      </Button>
      <Button size="small" disabled={page.at >= page.pages - 1} onClick={() => onPage(page.pages - 1)}>
        Latest
      </Button>
    </>
  );
}

function EntriesTable({ rows }: { rows: readonly TimelineEntry[] }) {
  const n = useReadable();
  return (
    <SmallTable
      label="Partner timeline"
      rows={rows}
      limit={TIMELINE_PAGE}
      empty="Nothing of this kind for this partner."
      columns={[
        { label: 'When', cell: (e) => n.instant(e.at) },
        { label: 'What', cell: (e) => <Chip size="small" color={KIND_COLORS[e.kind]} variant={e.kind === 'event' ? 'outlined' : 'filled'} label={KIND_LABELS[e.kind]} /> },
        { label: 'Detail', cell: (e) => (<><Typography variant="body2">{e.label}{e.occurrence ? ` · ${e.occurrence}` : ''}</Typography>{e.triggerId && <Typography variant="caption" color="text.secondary">{n.trigger(e.triggerId)}</Typography>}</>) },
        { label: 'Event', cell: (e) => <Typography variant="caption">{e.eventId}</Typography> },
        { label: 'Amount', cell: (e) => (e.amountUsd === null ? '' : displayUsd(e.amountUsd)) },
        { label: 'Status', cell: (e) => (e.status ? STATUS_LABELS[e.status] : '') },
        { label: 'Running total', cell: (e) => `${displayUsd(e.runningUsd)} · ${e.runningRewards}` },
      ]}
    />
  );
}

export function Timeline({ runId, partnerKey }: { runId: string; partnerKey: string }) {
  const n = useReadable();
  const [kind, setKind] = useState<Kind>('');
  const [page, setPage] = useState(0);
  const q = useServiceQuery('replay.partnerTimeline', { runId, partnerKey });
  const tl = q.data;
  const months = useMemo(() => (tl ? monthlyEarnings(tl.entries, n.zone) : []), [tl, n.zone]);
  if (q.error) return <Alert severity="error">{q.error.message}</Alert>;
  if (!tl) return <Typography color="text.secondary">Loading the timeline…</Typography>;
  const all = kind ? tl.entries.filter((e) => e.kind === kind) : tl.entries;
  // Pages keep a big partner's axis quick to draw (a busy partner has thousands of entries).
  const shown = timelinePage(all.length, page);
  return (
    <Stack spacing={2}>
      <Typography role="status" aria-label="Timeline totals">
        {groupDigits(String(tl.eventCount))} events · {groupDigits(String(tl.rewardCount))} rewards · {displayUsd(tl.rewardsUsd)} · {tl.groupMoves} group moves · {tl.tags} tags
      </Typography>
      <EarningsChart months={months} />
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Timeline">
        <Stack direction="row" spacing={1.5} sx={{ mb: 1, alignItems: 'center' }}>
          <TimelineControls
            kind={kind}
            onKind={(k) => {
              setKind(k);
              setPage(0);
            }}
            page={shown}
            total={all.length}
            onPage={setPage}
          />
          {tl.truncated && <Typography variant="body2" color="warning.main">Only the first {tl.entries.length} entries are shown; the totals count them all.</Typography>}
        </Stack>
        <EntriesTable rows={all.slice(shown.at * TIMELINE_PAGE, (shown.at + 1) * TIMELINE_PAGE)} />
      </Paper>
    </Stack>
  );
}

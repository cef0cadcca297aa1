/**
 * One partner on one time axis: the events that concern them, the rewards they earned, their
 * drip payments when they fall due, group moves and tags, with running totals; a chart of what
 * they earn per month (one-off and drip) and of the running total; and their statement (every
 * reward by due month, with balances by review status), printable.
 */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PrintIcon from '@mui/icons-material/Print';
import type { PartnerStatement, TimelineEntry } from '@service/contract';
import { useAppStore } from '../app/app-store';
import { MonthlyBarChart } from './charts';
import { useRuns, useServiceQuery } from './hooks';
import { displayUsd, groupDigits, sumUsd } from './money-format';
import { dayLabel, monthLabel } from './month-model';
import { STATUS_LABELS } from './ledger-model';
import { PrintStyles, printPage } from './print';
import { ReadableProvider, useReadable } from './readable';
import { defaultRun } from './run-progress';
import { RunSummaryBar } from './run-summary-bar';
import { SmallTable } from './small-table';
import { useWorkbenchStore } from './workbench-store';

/** Timeline rows per page. */
const PAGE = 200;

const KIND_LABELS: Readonly<Record<TimelineEntry['kind'], string>> = { event: 'event', reward: 'reward', drip: 'drip payment', group: 'group move', tag: 'tag' };
const KIND_COLORS = { event: 'default', reward: 'success', drip: 'secondary', group: 'info', tag: 'warning' } as const;

/** `YYYY-MM` of an instant in `zone` (the program's clock, as every other date on screen). */
export function monthIn(iso: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  const y = parts.find((p) => p.type === 'year')?.value ?? iso.slice(0, 4);
  const m = parts.find((p) => p.type === 'month')?.value ?? iso.slice(5, 7);
  return `${y}-${m}`;
}

/** One-off rewards and drip payments per month of the axis, months in order. */
export function monthlyEarnings(entries: readonly TimelineEntry[], zone: string): { month: string; reward: string; drip: string }[] {
  const m = new Map<string, { reward: string[]; drip: string[] }>();
  for (const e of entries) {
    if (e.amountUsd === null || (e.kind !== 'reward' && e.kind !== 'drip')) continue;
    const key = monthIn(e.at, zone);
    const b = m.get(key) ?? { reward: [], drip: [] };
    b[e.kind].push(e.amountUsd);
    m.set(key, b);
  }
  return [...m].sort(([a], [b]) => a.localeCompare(b)).map(([month, b]) => ({ month, reward: sumUsd(b.reward), drip: sumUsd(b.drip) }));
}

function Timeline({ runId, partnerKey }: { runId: string; partnerKey: string }) {
  const n = useReadable();
  const [kinds, setKinds] = useState<'' | TimelineEntry['kind']>('');
  const [page, setPage] = useState(0);
  const q = useServiceQuery('replay.partnerTimeline', { runId, partnerKey });
  const tl = q.data;
  const months = useMemo(() => (tl ? monthlyEarnings(tl.entries, n.zone) : []), [tl, n.zone]);
  if (q.error) return <Alert severity="error">{q.error.message}</Alert>;
  if (!tl) return <Typography color="text.secondary">Loading the timeline…</Typography>;
  const all = kinds ? tl.entries.filter((e) => e.kind === kinds) : tl.entries;
  // Pages keep a big partner's axis quick to draw (a busy partner has thousands of entries).
  const pages = Math.max(1, Math.ceil(all.length / PAGE));
  const at = Math.min(page, pages - 1);
  const rows = all.slice(at * PAGE, (at + 1) * PAGE);
  return (
    <Stack spacing={2}>
      <Typography role="status" aria-label="Timeline totals">
        {groupDigits(String(tl.eventCount))} events · {groupDigits(String(tl.rewardCount))} rewards · {displayUsd(tl.rewardsUsd)} · {tl.groupMoves} group moves · {tl.tags} tags
      </Typography>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Earnings per month">
        <Typography variant="subtitle2">Earned per month: one-off rewards and drip payments (drip timeline)</Typography>
        {months.length === 0 ? (
          <Typography color="text.secondary">No rewards for this partner in this run.</Typography>
        ) : (
          <MonthlyBarChart label="Earnings per month chart" months={months.map((m) => ({ label: monthLabel(m.month), values: [m.reward, m.drip] }))} series={['One-off rewards', 'Drip payments']} height={240} />
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Timeline">
        <Stack direction="row" spacing={1.5} sx={{ mb: 1, alignItems: 'center' }}>
          <TextField
            select
            size="small"
            label="Show"
            value={kinds}
            onChange={(e) => {
              setKinds(e.target.value as typeof kinds);
              setPage(0);
            }}
            sx={{ minWidth: 180 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">Everything</MenuItem>
            {(Object.keys(KIND_LABELS) as TimelineEntry['kind'][]).map((k) => (
              <MenuItem key={k} value={k}>
                {KIND_LABELS[k]}s
              </MenuItem>
            ))}
          </TextField>
          <Box sx={{ flex: 1 }} />
          <Typography variant="body2" aria-label="Timeline page">
            {all.length === 0 ? 0 : at * PAGE + 1}–{Math.min(all.length, (at + 1) * PAGE)} of {groupDigits(String(all.length))}
          </Typography>
          <Button size="small" disabled={at === 0} onClick={() => setPage(at - 1)}>
            Earlier
          </Button>
          <Button size="small" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>
            Later
          </Button>
          <Button size="small" disabled={at >= pages - 1} onClick={() => setPage(pages - 1)}>
            Latest
          </Button>
          {tl.truncated && <Typography variant="body2" color="warning.main">Only the first {tl.entries.length} entries are shown; the totals count them all.</Typography>}
        </Stack>
        <SmallTable
          label="Partner timeline"
          rows={rows}
          limit={PAGE}
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
      </Paper>
    </Stack>
  );
}

/** A partner's statement: balances by status, months with payout dates, every reward. */
export function StatementView({ statement, name }: { statement: PartnerStatement; name: string }) {
  const n = useReadable();
  const t = statement.totals;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Partner statement" data-print-area>
      <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
        <Typography variant="h6">Statement · {name}</Typography>
        <Button className="no-print" startIcon={<PrintIcon />} onClick={printPage}>
          Print or save as PDF
        </Button>
      </Stack>
      <Typography variant="body2" sx={{ mb: 1.5 }} aria-label="Statement totals">
        {groupDigits(String(t.count))} rewards · {displayUsd(t.usd)} in all · approved {displayUsd(t.approvedUsd)} · pending {displayUsd(t.pendingUsd)} · on hold {displayUsd(t.holdUsd)} · declined {displayUsd(t.declinedUsd)} · scheduled {displayUsd(t.scheduledUsd)}
      </Typography>
      <SmallTable
        label="Statement months"
        rows={statement.months}
        empty="No rewards."
        columns={[
          { label: 'Due month', cell: (m) => monthLabel(m.month) },
          { label: 'Rewards', cell: (m) => m.count },
          { label: 'USD', cell: (m) => displayUsd(m.usd) },
          { label: 'Approved', cell: (m) => displayUsd(m.approvedUsd) },
          { label: 'Paid out on', cell: (m) => dayLabel(m.payoutDate) },
        ]}
      />
      <Box sx={{ mt: 2 }}>
        <SmallTable
          label="Statement rewards"
          rows={statement.rewards}
          limit={5000}
          empty="No rewards."
          columns={[
            { label: 'Due', cell: (r) => n.instant(r.dueAt) },
            { label: 'Trigger', cell: (r) => n.trigger(r.triggerId) },
            { label: 'Description', cell: (r) => `${r.description}${r.kind === 'drip' ? ` · ${r.occurrence} / ${r.occurrences}` : ''}` },
            { label: 'Amount', cell: (r) => (r.currency === 'USD' ? displayUsd(r.amount) : `${r.amount} ${r.currency} (${displayUsd(r.amountUsd)})`) },
            { label: 'Status', cell: (r) => STATUS_LABELS[r.status] },
          ]}
        />
      </Box>
    </Paper>
  );
}

function Statement({ runId, partnerKey, name }: { runId: string; partnerKey: string; name: string }) {
  const q = useServiceQuery('payouts.statement', { runId, partnerKey });
  if (q.error) return <Alert severity="error">{q.error.message}</Alert>;
  if (!q.data) return <Typography color="text.secondary">Loading the statement…</Typography>;
  return <StatementView statement={q.data} name={name} />;
}

function PartnerScreen({ programId, partnerKey, tab }: { programId: string; partnerKey: string; tab: 'timeline' | 'statement' }) {
  const n = useReadable();
  const doc = useServiceQuery('programs.get', { programId });
  const runs = useRuns(programId);
  const chosen = useWorkbenchStore((s) => s.runByProgram[programId]);
  const selectRun = useWorkbenchStore((s) => s.selectRun);
  const done = (runs.data ?? []).filter((r) => r.status === 'done');
  const run = done.find((r) => r.id === chosen) ?? defaultRun(done);
  const partner = doc.data?.program.partners.find((p) => p.key === partnerKey);
  const name = n.partner(partnerKey);
  const go = useAppStore((s) => s.go);
  return (
    <Stack spacing={2}>
      <PrintStyles />
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label="Partner"
          value={doc.data?.program.partners.some((p) => p.key === partnerKey) ? partnerKey : ''}
          onChange={(e) => go({ kind: 'partner', partnerKey: e.target.value, tab })}
          sx={{ minWidth: 260 }}
        >
          {(doc.data?.program.partners ?? []).map((p) => (
            <MenuItem key={p.key} value={p.key}>
              {p.name || p.key}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" aria-label="Partner details">
          {partnerKey}
          {partner ? ` · group ${partner.group === null ? 'none' : n.group(partner.group)} · tier ${partner.tier === null ? 'none' : n.tier(partner.tier)} · tags ${partner.tags.length ? partner.tags.map(n.tag).join(', ') : 'none'} · joined ${n.instant(partner.joinedAt)}` : ' · not a sample partner of the program now'}
        </Typography>
      </Stack>
      {done.length === 0 && !runs.loading && <Typography color="text.secondary">Run a replay first: the timeline is drawn from a finished run.</Typography>}
      {done.length > 0 && <RunSummaryBar runs={done} run={run} onPick={(id) => selectRun(programId, id)} />}
      <Tabs value={tab} onChange={(_, v: 'timeline' | 'statement') => go({ kind: 'partner', partnerKey, tab: v })} aria-label="Partner views">
        <Tab value="timeline" label="Timeline" />
        <Tab value="statement" label="Statement" />
      </Tabs>
      {run && tab === 'timeline' && <Timeline key={`${run.id}:${partnerKey}`} runId={run.id} partnerKey={partnerKey} />}
      {run && tab === 'statement' && <Statement key={`${run.id}:${partnerKey}`} runId={run.id} partnerKey={partnerKey} name={name} />}
    </Stack>
  );
}

/** The partner screen the shell mounts for `{ kind: 'partner', partnerKey, tab? }`. */
export function PartnerTimelineView({ programId, partnerKey, tab = 'timeline' }: { programId: string; partnerKey: string; tab?: 'timeline' | 'statement' }) {
  const program = useServiceQuery('programs.get', { programId });
  return (
    <ReadableProvider program={program.data?.program}>
      <PartnerScreen programId={programId} partnerKey={partnerKey} tab={tab} />
    </ReadableProvider>
  );
}

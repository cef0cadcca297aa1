import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { useRuns, useServiceQuery } from './hooks';
import { useWorkbenchStore } from './workbench-store';
import { defaultRun } from './run-progress';
import { RunSummaryBar } from './run-summary-bar';
import { InvoiceCalendar } from './invoice-calendar';
import { LedgerPanel } from './ledger-panel';
import { SmallTable } from './small-table';
import { addMonths, dayLabel, monthLabel } from './month-model';
import { displayUsd } from './money-format';
import { EMPTY_FILTER, STATUS_LABELS } from './ledger-model';
import type { ProgramViewProps } from './types';
import type { InvoicePartnerLine } from '@service/contract';
import { ReadableProvider, useReadable } from './readable';
import { PartnerLink } from './partner-link';
import { InvoiceExport, PayoutYear } from './money-out';
import { PrintStyles } from './print';
import { useAppStore } from '../app/app-store';
import Link from '@mui/material/Link';

/** A partner's name (a link to their timeline), its key on a second line (exports and the service speak in keys). */
function PartnerName({ partnerKey }: { partnerKey: string }) {
  const n = useReadable();
  const name = n.partner(partnerKey);
  return (
    <>
      <PartnerLink partnerKey={partnerKey} />
      {name !== partnerKey && (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {partnerKey}
        </Typography>
      )}
    </>
  );
}

/** Only an approved balance of 5.00 USD or more can be cashed out; say which rule holds a partner back. */
export function CashOutChip({ line }: { line: InvoicePartnerLine }) {
  if (line.canCashOut) return <Chip size="small" color="success" label="can cash out" />;
  const label = line.cashOutBlocker === 'awaiting_approval' ? 'awaiting approval' : 'below $5.00';
  return <Chip size="small" label={label} title="A partner can cash out once their approved rewards reach $5.00." />;
}

/** The invoice a month's rewards would make (1st), its charge (8th) and payout (13th). */
export function PayoutsView(props: ProgramViewProps) {
  const program = useServiceQuery('programs.get', { programId: props.programId });
  return (
    <ReadableProvider program={program.data?.program}>
      <Payouts {...props} />
    </ReadableProvider>
  );
}

function Payouts({ programId }: ProgramViewProps) {
  const runs = useRuns(programId);
  const chosen = useWorkbenchStore((s) => s.runByProgram[programId]);
  const selectRun = useWorkbenchStore((s) => s.selectRun);
  const list = (runs.data ?? []).filter((r) => r.status === 'done');
  const run = list.find((r) => r.id === chosen) ?? defaultRun(list);
  const [month, setMonth] = useState('');
  const invoice = useServiceQuery('payouts.month', run ? (month ? { runId: run.id, month } : { runId: run.id }) : null);
  const inv = invoice.data;
  useEffect(() => {
    if (!month && inv) setMonth(inv.month);
  }, [inv, month]);
  const months = inv?.months ?? [];
  return (
    <Stack spacing={2}>
      <PrintStyles />
      {list.length === 0 && !runs.loading && <Typography color="text.secondary">Run a replay first: payouts are previewed from a run's ledger.</Typography>}
      {list.length > 0 && <RunSummaryBar runs={list} run={run} onPick={(id) => {
            selectRun(programId, id);
            setMonth('');
          }} />}
      {invoice.error && <Alert severity="error">{invoice.error.message}</Alert>}
      {inv && run && (
        <>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <IconButton aria-label="Previous month" onClick={() => setMonth(addMonths(inv.month, -1))}>
              <ChevronLeftIcon />
            </IconButton>
            <TextField select size="small" label="Due month" value={months.includes(inv.month) ? inv.month : ''} onChange={(e) => setMonth(e.target.value)} sx={{ minWidth: 180 }}>
              {months.map((m) => (
                <MenuItem key={m} value={m}>
                  {monthLabel(m)}
                </MenuItem>
              ))}
            </TextField>
            <IconButton aria-label="Next month" onClick={() => setMonth(addMonths(inv.month, 1))}>
              <ChevronRightIcon />
            </IconButton>
          </Stack>
          {/* Side by side only where both fit (xl, 1536 px and up): at 1280 the invoice's table and the
              calendar together are wider than the window, so the calendar goes under the invoice. */}
          <Stack direction={{ xs: 'column', xl: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0, width: { xs: '100%', xl: 'auto' } }} component="section" aria-label="Invoice" data-print-area>
              <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
                <Typography variant="overline">Invoice for rewards due in {monthLabel(inv.month)}</Typography>
                <InvoiceExport runId={run.id} month={inv.month} />
              </Stack>
              <Typography variant="h4" aria-label="Invoice total">
                {displayUsd(inv.totalUsd)}
              </Typography>
              <Typography variant="body2" sx={{ mb: 1.5 }}>
                Issued {dayLabel(inv.invoiceDate)} · charged {dayLabel(inv.chargeDate)} · paid out {dayLabel(inv.payoutDate)}
              </Typography>
              <SmallTable
                label="Partner balances"
                rows={inv.lines}
                empty="No pending or approved rewards are due this month."
                columns={[
                  { label: 'Partner', cell: (l) => <PartnerName partnerKey={l.partnerKey} /> },
                  { label: 'Rewards', cell: (l) => l.rewardCount },
                  { label: 'Balance (USD)', cell: (l) => displayUsd(l.amountUsd) },
                  { label: 'Approved (USD)', cell: (l) => displayUsd(l.approvedUsd) },
                  { label: 'Cash-out', cell: (l) => <CashOutChip line={l} /> },
                  {
                    label: 'Statement',
                    noPrint: true,
                    cell: (l) => (
                      <Link component="button" type="button" variant="body2" onClick={() => useAppStore.getState().go({ kind: 'partner', partnerKey: l.partnerKey, tab: 'statement' })}>
                        Statement
                      </Link>
                    ),
                  },
                ]}
              />
              {inv.excluded.length > 0 && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} aria-label="Left out of the invoice">
                  Left out: {inv.excluded.map((e) => `${e.count} ${STATUS_LABELS[e.status].toLowerCase()} (${displayUsd(e.amountUsd)})`).join(' · ')}
                </Typography>
              )}
            </Paper>
            <Paper variant="outlined" sx={{ p: 2, flexShrink: 0 }} component="section" aria-label="Payout calendar of the month">
              <InvoiceCalendar month={inv.invoiceDate.slice(0, 7)} />
            </Paper>
          </Stack>
          <PayoutYear runId={run.id} />
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Review rewards due this month">
            <Typography variant="subtitle1" sx={{ mb: 1 }}>
              Rewards due in {monthLabel(inv.month)}
            </Typography>
            <LedgerPanel
              key={`${run.id}-${inv.month}`}
              runId={run.id}
              partners={inv.lines.map((l) => l.partnerKey)}
              triggers={[]}
              initialFilter={{ ...EMPTY_FILTER, month: inv.month }}
              onTrace={() => undefined}
              height={300}
            />
          </Paper>
        </>
      )}
    </Stack>
  );
}

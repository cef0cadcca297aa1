/**
 * Money out of the chosen run: the invoice a due month's rewards make (issued on the 1st of the
 * next month, charged on the 8th, paid out on the 13th), its calendar, the 12-month payout
 * calendar, and the month's rewards to review.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { ChosenRunBar, useChosenRun } from './chosen-run';
import { useServiceQuery } from './hooks';
import { InvoiceCalendar } from './invoice-calendar';
import { InvoicePanel } from './invoice-panel';
import { LedgerPanel } from './ledger-panel';
import { EMPTY_FILTER } from './ledger-model';
import { PayoutYear } from './money-out';
import { addMonths, monthLabel } from './month-model';
import { PrintStyles } from './print';
import { ProgramNames } from './program-names';
import { Section } from './section';
import type { ProgramViewProps } from './types';

/** The due month: a step back, the months that have rewards, a step on. */
function DueMonthPicker({ month, months, onMonth }: { month: string; months: readonly string[]; onMonth: (m: string) => void }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <IconButton aria-label="Previous month" onClick={() => onMonth(addMonths(month, -1))}>
        <ChevronLeftIcon />
      </IconButton>
      <TextField select size="small" label="Due month" value={months.includes(month) ? month : ''} onChange={(e) => onMonth(e.target.value)} sx={{ minWidth: 180 }}>
        {months.map((m) => (
          <MenuItem key={m} value={m}>
            {monthLabel(m)}
          </MenuItem>
        ))}
      </TextField>
      <IconButton aria-label="Next month" onClick={() => onMonth(addMonths(month, 1))}>
        <ChevronRightIcon />
      </IconButton>
    </Stack>
  );
}

/** The invoice a month's rewards would make (1st), its charge (8th) and payout (13th). */
export function PayoutsView(props: ProgramViewProps) {
  return (
    <ProgramNames programId={props.programId}>
      <Payouts {...props} />
    </ProgramNames>
  );
}

function Payouts({ programId }: ProgramViewProps) {
  const chosen = useChosenRun(programId);
  const { run } = chosen;
  // Empty until the service names the run's first due month (another run starts there again).
  const [month, setMonth] = useState('');
  const invoice = useServiceQuery('payouts.month', run ? (month ? { runId: run.id, month } : { runId: run.id }) : null);
  const inv = invoice.data;
  useEffect(() => {
    if (!month && inv) setMonth(inv.month);
  }, [inv, month]);
  const pick = (id: string) => {
    chosen.pick(id);
    setMonth('');
  };
  return (
    <Stack spacing={2}>
      <PrintStyles />
      <ChosenRunBar chosen={chosen} empty="Run a replay first: payouts are previewed from a run's ledger." onPick={pick} />
      {invoice.error && <Alert severity="error">{invoice.error.message}</Alert>}
      {inv && run && (
        <>
          <DueMonthPicker month={inv.month} months={inv.months} onMonth={setMonth} />
          {/* Side by side only where both fit (xl, 1536 px and up): at 1280 the invoice's table and the
              calendar together are wider than the window, so the calendar goes under the invoice. */}
          <Stack direction={{ xs: 'column', xl: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <InvoicePanel runId={run.id} inv={inv} />
            <Paper variant="outlined" sx={{ p: 2, flexShrink: 0 }} component="section" aria-label="Payout calendar of the month">
              <InvoiceCalendar month={inv.invoiceDate.slice(0, 7)} />
            </Paper>
          </Stack>
          <PayoutYear runId={run.id} />
          <Section label="Review rewards due this month" title={`Rewards due in ${monthLabel(inv.month)}`}>
            <LedgerPanel key={`${run.id}-${inv.month}`} runId={run.id} partners={inv.lines.map((l) => l.partnerKey)} triggers={[]} initialFilter={{ ...EMPTY_FILTER, month: inv.month }} onTrace={() => undefined} height={300} />
          </Section>
        </>
      )}
    </Stack>
  );
}

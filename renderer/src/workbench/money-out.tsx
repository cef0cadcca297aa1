/**
 * Money out beyond the month's invoice: the invoice's export (CSV through the shared writer,
 * and a printable page the browser saves as PDF) and the 12-month payout calendar with its
 * monthly payouts chart.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { files } from '../client';
import { MonthlyBarChart } from './charts';
import { useServiceQuery } from './hooks';
import { diffUsd, displayUsd, groupDigits } from './money-format';
import { dayLabel, monthLabel } from './month-model';
import { printPage } from './print';
import { SmallTable } from './small-table';

/** "Export CSV" and "Print or save as PDF" for the month's invoice. */
export function InvoiceExport({ runId, month }: { runId: string; month: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack direction="row" spacing={1} className="no-print" sx={{ alignItems: 'center' }}>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        onClick={() =>
          void files.exportFile({ channel: 'payouts.invoiceCsv', args: { runId, month } }).then((r) => setError(r.ok ? null : r.error.message))
        }
      >
        Export invoice CSV
      </Button>
      <Button size="small" startIcon={<PrintIcon />} onClick={printPage}>
        Print or save as PDF
      </Button>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}

/** Twelve due months from the run's first: invoice, charge and payout dates and amounts. */
export function PayoutYear({ runId }: { runId: string }) {
  const q = useServiceQuery('payouts.year', { runId });
  if (q.error) return <Alert severity="error">{q.error.message}</Alert>;
  const year = q.data;
  if (!year) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Payout calendar, 12 months">
      <Typography variant="subtitle1">Payout calendar · {monthLabel(year[0]?.month ?? '')} to {monthLabel(year.at(-1)?.month ?? '')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Rewards due in a month are invoiced on the 1st of the next, charged on the 8th and paid out on the 13th.
      </Typography>
      <MonthlyBarChart label="Monthly payouts chart" months={year.map((m) => ({ label: monthLabel(m.month).replace(/ \d{4}$/, (y) => ` ’${y.slice(3)}`), values: [m.approvedUsd, diffUsd(m.approvedUsd, m.usd)] }))} series={['Approved', 'Pending review']} height={220} />
      <SmallTable
        label="Payout calendar"
        rows={year}
        empty=""
        columns={[
          { label: 'Due month', cell: (m) => monthLabel(m.month) },
          { label: 'Invoice', cell: (m) => dayLabel(m.invoiceDate) },
          { label: 'Charge', cell: (m) => dayLabel(m.chargeDate) },
          { label: 'Payout', cell: (m) => dayLabel(m.payoutDate) },
          { label: 'Rewards', cell: (m) => groupDigits(String(m.count)) },
          { label: 'Invoiced (USD)', cell: (m) => displayUsd(m.usd) },
          { label: 'Approved (USD)', cell: (m) => displayUsd(m.approvedUsd) },
          { label: 'Left out', cell: (m) => (m.excludedCount ? groupDigits(String(m.excludedCount)) : '') },
        ]}
      />
    </Paper>
  );
}

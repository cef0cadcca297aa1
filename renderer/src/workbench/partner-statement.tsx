/**
 * A partner's statement: every reward by due month, with balances by review status and the
 * payout date of each month; printable (the browser saves it as PDF).
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PrintIcon from '@mui/icons-material/Print';
import type { PartnerStatement } from '@service/contract';
import { useServiceQuery } from './hooks';
import { STATUS_LABELS } from './ledger-model';
import { displayUsd, groupDigits } from './money-format';
import { dayLabel, monthLabel } from './month-model';
import { printPage } from './print';
import { useReadable } from './readable';
import { SmallTable } from './small-table';

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

/** The statement of `partnerKey` in the run, once the service has it. */
export function Statement({ runId, partnerKey, name }: { runId: string; partnerKey: string; name: string }) {
  const q = useServiceQuery('payouts.statement', { runId, partnerKey });
  if (q.error) return <Alert severity="error">{q.error.message}</Alert>;
  if (!q.data) return <Typography color="text.secondary">Loading the statement…</Typography>;
  return <StatementView statement={q.data} name={name} />;
}

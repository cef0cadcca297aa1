/**
 * The invoice a due month's rewards make: its total and dates, each partner's balance and whether
 * they can cash out, what is left out, and its export; the printed part of the payouts screen.
 */
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { InvoicePartnerLine, InvoicePreview } from '@service/contract';
import { useAppStore } from '../app/app-store';
import { STATUS_LABELS } from './ledger-model';
import { displayUsd } from './money-format';
import { InvoiceExport } from './money-out';
import { dayLabel, monthLabel } from './month-model';
import { PartnerLink } from './partner-link';
import { useReadable } from './readable';
import { SmallTable } from './small-table';

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

function PartnerBalances({ lines }: { lines: readonly InvoicePartnerLine[] }) {
  return (
    <SmallTable
      label="Partner balances"
      rows={lines}
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
  );
}

export function InvoicePanel({ runId, inv }: { runId: string; inv: InvoicePreview }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0, width: { xs: '100%', xl: 'auto' } }} component="section" aria-label="Invoice" data-print-area>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography variant="overline">Invoice for rewards due in {monthLabel(inv.month)}</Typography>
        <InvoiceExport runId={runId} month={inv.month} />
      </Stack>
      <Typography variant="h4" aria-label="Invoice total">
        {displayUsd(inv.totalUsd)}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1.5 }}>
        Issued {dayLabel(inv.invoiceDate)} · charged {dayLabel(inv.chargeDate)} · paid out {dayLabel(inv.payoutDate)}
      </Typography>
      <PartnerBalances lines={inv.lines} />
      {inv.excluded.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} aria-label="Left out of the invoice">
          Left out: {inv.excluded.map((e) => `${e.count} ${STATUS_LABELS[e.status].toLowerCase()} (${displayUsd(e.amountUsd)})`).join(' · ')}
        </Typography>
      )}
    </Paper>
  );
}

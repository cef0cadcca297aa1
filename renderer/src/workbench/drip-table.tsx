import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { DripOccurrence } from '../../../engine/drip';
import { displayAmount, displayUsd } from './money-format';
import { STATUS_LABELS, STATUS_TONES } from './ledger-model';

/** Every occurrence of a drip schedule with its dates and its status at the status date. */
export function DripTable({ occurrences }: { occurrences: readonly DripOccurrence[] }) {
  return (
    <TableContainer sx={{ maxHeight: 360 }}>
      <Table size="small" stickyHeader aria-label="Drip occurrences">
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell>
            <TableCell>Due</TableCell>
            <TableCell align="right">Amount</TableCell>
            <TableCell align="right">USD</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Invoice</TableCell>
            <TableCell>Charge</TableCell>
            <TableCell>Payout</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {occurrences.map((o) => (
            <TableRow key={o.occurrence} hover>
              <TableCell>{o.occurrence}</TableCell>
              <TableCell>{o.dueAt.slice(0, 10)}</TableCell>
              <TableCell align="right">
                {displayAmount(o.amount, o.currency)}
                {o.carriesRemainder && <Chip size="small" color="secondary" variant="outlined" label="+ remainder" sx={{ ml: 1 }} />}
              </TableCell>
              <TableCell align="right">{displayUsd(o.amountUsd)}</TableCell>
              <TableCell>
                <Chip size="small" label={STATUS_LABELS[o.status]} color={STATUS_TONES[o.status]} variant={o.status === 'scheduled' ? 'outlined' : 'filled'} />
              </TableCell>
              <TableCell>{o.invoiceDate}</TableCell>
              <TableCell>{o.chargeDate}</TableCell>
              <TableCell>{o.payoutDate}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { DripOccurrence } from '@engine/drip';
import { displayAmount, displayUsd } from './money-format';
import { STATUS_LABELS, STATUS_TONES } from './ledger-model';
import { monthDayLabel, shortDayLabel } from './month-model';
import { zonedParts } from '../ui/zoned-time';

/** The day an occurrence is due in the program's zone ("Mar 2, 2026", as the ledger writes days). */
function dueDay(dueAt: string, timeZone: string): string {
  return shortDayLabel(zonedParts(dueAt, timeZone).date);
}

/** A calendar day in the ledger's words, with the ISO date in the tooltip (what exports carry). */
function DayCell({ date }: { date: string }) {
  return <TableCell title={date}>{shortDayLabel(date)}</TableCell>;
}

/** Every occurrence of a drip schedule with its dates and its status at the status date. */
export function DripTable({ occurrences, compact = false, timeZone }: { occurrences: readonly DripOccurrence[]; compact?: boolean; timeZone: string }) {
  if (compact) return <CompactDripTable occurrences={occurrences} timeZone={timeZone} />;
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
              <TableCell title={o.dueAt}>{dueDay(o.dueAt, timeZone)}</TableCell>
              <TableCell align="right">
                {displayAmount(o.amount, o.currency)}
                {o.carriesRemainder && <Chip size="small" color="secondary" variant="outlined" label="+ remainder" sx={{ ml: 1 }} />}
              </TableCell>
              <TableCell align="right">{displayUsd(o.amountUsd)}</TableCell>
              <TableCell>
                <Chip size="small" label={STATUS_LABELS[o.status]} color={STATUS_TONES[o.status]} variant={o.status === 'scheduled' ? 'outlined' : 'filled'} />
              </TableCell>
              <DayCell date={o.invoiceDate} />
              <DayCell date={o.chargeDate} />
              <DayCell date={o.payoutDate} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** The same schedule for a narrow inspector: the payout calendar folds under the due date. */
function CompactDripTable({ occurrences, timeZone }: { occurrences: readonly DripOccurrence[]; timeZone: string }) {
  return (
    <TableContainer sx={{ maxHeight: 320 }}>
      <Table size="small" stickyHeader aria-label="Drip occurrences">
        <TableHead>
          <TableRow>
            <TableCell sx={{ px: 0.5 }}>#</TableCell>
            <TableCell sx={{ px: 0.5 }}>Due · payout</TableCell>
            <TableCell sx={{ px: 0.5 }} align="right">
              Amount
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {occurrences.map((o) => (
            <TableRow key={o.occurrence}>
              <TableCell sx={{ px: 0.5 }}>{o.occurrence}</TableCell>
              <TableCell sx={{ px: 0.5 }}>
                {dueDay(o.dueAt, timeZone)}
                <Box sx={{ fontSize: 11, color: 'text.secondary' }}>
                  inv {monthDayLabel(o.invoiceDate)} · chg {monthDayLabel(o.chargeDate)} · pay {monthDayLabel(o.payoutDate)} · {STATUS_LABELS[o.status].toLowerCase()}
                </Box>
              </TableCell>
              <TableCell sx={{ px: 0.5 }} align="right">
                {displayAmount(o.amount, o.currency)}
                {o.carriesRemainder && (
                  <Box sx={{ fontSize: 11, color: 'secondary.main' }}>+ remainder</Box>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

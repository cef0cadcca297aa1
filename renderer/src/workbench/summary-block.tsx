/** The overview's run summary per trigger or per partner: counts, USD and share, with a bar chart. */
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { GroupTotal } from '@service/contract';
import { TotalsBarChart } from './charts';
import { displayUsd, groupDigits } from './money-format';
import { pct } from './overview-model';
import { PartnerLink } from './partner-link';
import { Section } from './section';

/** `name` reads a row's key; `link`: the rows are partners, each a link to their timeline. */
export function SummaryBlock({ title, rows, name, link }: { title: string; rows: readonly GroupTotal[]; name: (key: string) => string; link?: boolean }) {
  return (
    <Section label={title} grow>
      <TotalsBarChart label={`${title} chart`} bars={rows.map((r) => ({ label: name(r.key), usd: r.usd }))} />
      <TableContainer sx={{ maxHeight: 320 }}>
        <Table size="small" stickyHeader aria-label={`${title} table`}>
          <TableHead>
            <TableRow>
              <TableCell>{link ? 'Partner' : 'Trigger'}</TableCell>
              <TableCell align="right">Rewards</TableCell>
              <TableCell align="right">USD</TableCell>
              <TableCell align="right">Share</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key} hover>
                <TableCell>{link ? <PartnerLink partnerKey={r.key} /> : name(r.key)}</TableCell>
                <TableCell align="right">{groupDigits(String(r.count))}</TableCell>
                <TableCell align="right">{displayUsd(r.usd)}</TableCell>
                <TableCell align="right">{pct(r.share)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Section>
  );
}

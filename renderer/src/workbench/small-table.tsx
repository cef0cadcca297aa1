import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface SmallTableProps<T> {
  label: string;
  rows: readonly T[];
  /** `noPrint`: a column of on-screen actions, left out when the table is printed. */
  columns: readonly { label: string; cell: (row: T) => ReactNode; noPrint?: boolean }[];
  empty: string;
  /** Rows shown at most; the rest are counted (a big run can move many partners). */
  limit?: number;
}

/** A plain table for the run's smaller lists. */
export function SmallTable<T>({ label, rows, columns, empty, limit = 500 }: SmallTableProps<T>) {
  if (rows.length === 0) return <Typography color="text.secondary">{empty}</Typography>;
  return (
    <TableContainer sx={{ maxHeight: 420 }}>
      <Table size="small" stickyHeader aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c.label} className={c.noPrint ? 'no-print' : undefined}>
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.slice(0, limit).map((r, i) => (
            <TableRow key={i} hover>
              {columns.map((c) => (
                <TableCell key={c.label} className={c.noPrint ? 'no-print' : undefined}>
                  {c.cell(r)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.length > limit && (
        <Typography variant="caption" sx={{ p: 1, display: 'block' }}>
          {rows.length - limit} more not shown.
        </Typography>
      )}
    </TableContainer>
  );
}

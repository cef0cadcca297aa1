import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Checkbox from '@mui/material/Checkbox';
import Link from '@mui/material/Link';
import { PartnerLink } from './partner-link';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import type { LedgerRow } from '@service/contract';
import { ledgerGrid, type LedgerColumn, type LedgerSort, type LedgerSortKey } from './ledger-model';
import { useReadable } from './readable';
import type { LedgerPages } from './use-ledger-pages';
import { VirtualRows } from './virtual-rows';

export interface LedgerTableProps {
  pages: LedgerPages;
  sort: LedgerSort;
  onSort: (key: LedgerSortKey) => void;
  selected: ReadonlySet<string>;
  onToggle: (row: LedgerRow) => void;
  onTrace: (eventId: string) => void;
  height?: number;
  columns: readonly LedgerColumn[];
}

const cellSx = { px: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

function Header({ sort, onSort, columns }: Pick<LedgerTableProps, 'sort' | 'onSort' | 'columns'>) {
  return (
    <Box role="row" sx={{ display: 'grid', gridTemplateColumns: ledgerGrid(columns), alignItems: 'center', height: 34, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper', fontWeight: 600, fontSize: 13 }}>
      <Box role="columnheader" sx={cellSx} />
      {columns.map((c) => {
        const active = c.sortKey !== null && sort.sort === c.sortKey;
        return (
          <Box role="columnheader" key={c.key} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined} sx={{ ...cellSx, textAlign: c.align }}>
            {c.sortKey ? (
              <ButtonBase onClick={() => c.sortKey && onSort(c.sortKey)} sx={{ font: 'inherit', gap: 0.25 }} aria-label={`Sort by ${c.label}`}>
                {c.label}
                {active && (sort.desc ? <ArrowDownwardIcon sx={{ fontSize: 14 }} /> : <ArrowUpwardIcon sx={{ fontSize: 14 }} />)}
              </ButtonBase>
            ) : (
              c.label
            )}
          </Box>
        );
      })}
    </Box>
  );
}

function Row({ row, selected, onToggle, onTrace, columns }: { row: LedgerRow; selected: boolean; onToggle: () => void; onTrace: () => void; columns: readonly LedgerColumn[] }) {
  const r = useReadable();
  return (
    <>
      <Box role="cell" sx={{ pl: 0.5 }}>
        <Checkbox size="small" checked={selected} onChange={onToggle} slotProps={{ input: { 'aria-label': `Select reward ${row.id}` } }} sx={{ p: 0.25 }} />
      </Box>
      {columns.map((c) => (
        <Box role="cell" key={c.key} sx={{ ...cellSx, textAlign: c.align, fontVariantNumeric: 'tabular-nums', color: c.key === 'review' ? 'text.secondary' : undefined }} title={c.title?.(row, r)}>
          {c.key === 'event' ? (
            <Link component="button" onClick={onTrace} underline="hover" aria-label={`Trace event ${row.eventId}`}>
              {row.eventId}
            </Link>
          ) : c.key === 'partner' ? (
            <PartnerLink partnerKey={row.partnerKey} label={c.text(row, r)} />
          ) : (
            c.text(row, r)
          )}
        </Box>
      ))}
    </>
  );
}

/** The reward ledger, virtualised: only the visible rows exist in the DOM, pages load on scroll. */
export function LedgerTable({ pages, sort, onSort, selected, onToggle, onTrace, height = 440, columns }: LedgerTableProps) {
  const grid = ledgerGrid(columns);
  const total = pages.total ?? 0;
  return (
    <Box role="table" aria-label="Reward ledger" aria-rowcount={total} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflowX: 'auto' }}>
      <Box sx={{ minWidth: 'fit-content' }}>
        <Header sort={sort} onSort={onSort} columns={columns} />
        <VirtualRows count={total} row={pages.row} request={pages.request} grid={grid} height={height} testId="ledger-scroll" rowSx={(row) => ({ bgcolor: selected.has(row.id) ? 'action.selected' : undefined })}>
          {(row) => <Row row={row} columns={columns} selected={selected.has(row.id)} onToggle={() => onToggle(row)} onTrace={() => onTrace(row.eventId)} />}
        </VirtualRows>
      </Box>
    </Box>
  );
}

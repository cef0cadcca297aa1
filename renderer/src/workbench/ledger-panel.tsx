import { useCallback, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import type { LedgerRow, ServiceError } from '@service/contract';
import { DEFAULT_SORT, EMPTY_FILTER, ledgerCsvQuery, ledgerQuery, reviewable, toggleSort, visibleColumns, type LedgerFilter, type LedgerSort } from './ledger-model';
import { ColumnChooser } from './column-chooser';
import { useWorkbenchStore } from './workbench-store';
import { displayUsd, groupDigits } from './money-format';
import { useSend } from './hooks';
import { dataChanged } from '../client/query-cache';
import { useLedgerPages } from './use-ledger-pages';
import { LedgerFilters } from './ledger-filters';
import { LedgerTable } from './ledger-table';
import { ReviewBar, type ReviewDecision } from './review-bar';
import { files } from '../client';

/** Bulk selection fetches ids in one page; the contract caps a page at 5,000 rows. */
const SELECT_MAX = 5000;

export interface LedgerPanelProps {
  runId: string;
  partners: readonly string[];
  triggers: readonly { id: string; name: string }[];
  onTrace: (eventId: string) => void;
  initialFilter?: LedgerFilter;
  height?: number;
}

/** The ledger with its filters, totals, CSV export and bulk review. */
export function LedgerPanel({ runId, partners, triggers, onTrace, initialFilter, height }: LedgerPanelProps) {
  const [filter, setFilter] = useState<LedgerFilter>(initialFilter ?? EMPTY_FILTER);
  const [sort, setSort] = useState<LedgerSort>(DEFAULT_SORT);
  const pages = useLedgerPages(runId, filter, sort);
  const chosen = useWorkbenchStore((s) => s.ledgerColumns);
  const columns = visibleColumns(chosen);
  const { selected, setSelected, toggle, selectAll, review, busy, error, setError } = useLedgerReview(runId, filter, sort);

  const exportCsv = async () => {
    // In the desktop app the main process makes the CSV and writes it (it can be large); in a
    // browser it is a download.
    const r = await files.exportFile({ channel: 'replay.ledgerCsv', args: ledgerCsvQuery(runId, filter, sort) });
    if (!r.ok) setError(r.error);
  };

  return (
    <Stack spacing={1.5}>
      <LedgerFilters runId={runId} filter={filter} onChange={setFilter} partners={partners} triggers={triggers} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography aria-label="Ledger totals" role="status">
          {pages.total === null ? 'Loading…' : `${groupDigits(String(pages.total))} reward${pages.total === 1 ? '' : 's'} · ${displayUsd(pages.totalUsd ?? '0.00')} total`}
        </Typography>
        <Stack direction="row" spacing={1}>
          <ColumnChooser />
          <Button size="small" startIcon={<FileDownloadIcon />} onClick={() => void exportCsv()}>
            Export CSV
          </Button>
        </Stack>
      </Stack>
      <ReviewBar
        count={selected.size}
        busy={busy}
        onReview={(d, why) => void review(d, why)}
        onSelectAll={() => void selectAll()}
        onClear={() => setSelected(new Set())}
        canSelectAll={(pages.total ?? 0) > 0}
        selectAllLabel={(pages.total ?? 0) > SELECT_MAX ? `Select first ${groupDigits(String(SELECT_MAX))}` : 'Select all matching'}
      />
      {(error ?? pages.error) && <Alert severity="error">{(error ?? pages.error)?.message}</Alert>}
      <LedgerTable columns={columns} pages={pages} sort={sort} onSort={(k) => setSort((s) => toggleSort(s, k))} selected={selected} onToggle={toggle} onTrace={onTrace} height={height} />
    </Stack>
  );
}

/**
 * The rows picked for review and the review itself: pick rows one by one or every reviewable
 * match, approve, decline or hold them, and say the reviews changed (`dataChanged`).
 */
function useLedgerReview(runId: string, filter: LedgerFilter, sort: LedgerSort) {
  const send = useSend();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ServiceError | null>(null);

  const toggle = useCallback((row: LedgerRow) => {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      return next;
    });
  }, []);

  const selectAll = async () => {
    const r = await send('replay.ledger', ledgerQuery(runId, filter, sort, 0, SELECT_MAX));
    if (r.ok) setSelected(new Set(r.value.rows.filter((x) => reviewable(x.status)).map((x) => x.id)));
    else setError(r.error);
  };

  const review = async (decision: ReviewDecision, reason?: string) => {
    setBusy(true);
    const r = await send('rewards.review', reason ? { runId, rewardIds: [...selected], decision, reason } : { runId, rewardIds: [...selected], decision });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setSelected(new Set());
    // The pages shown here, the totals and every view of payouts read the reviewed statuses.
    dataChanged('reviews');
  };
  return { selected, setSelected, toggle, selectAll, review, busy, error, setError };
}

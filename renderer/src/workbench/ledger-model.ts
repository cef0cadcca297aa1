/**
 * The reward ledger's view model: filters and sort as the user sets them, turned into the
 * `replay.ledger` query; column definitions; status labels. Filtering, sorting and totals run
 * in the service (a run can hold a million rows); the renderer only pages.
 */
import type { ArgsOf, LedgerRow } from '@service/contract';
import type { RewardStatus } from '@engine/formats/report';
import { displayAmount, displayUsd } from './money-format';
import { shortDayLabel } from './month-model';
import type { Readable } from './readable';

export type LedgerSortKey = 'id' | 'partnerKey' | 'triggerId' | 'amountUsd' | 'dueAt' | 'status';

export interface LedgerFilter {
  partnerKey: string;
  triggerId: string;
  status: RewardStatus | '';
  month: string;
}

export interface LedgerSort {
  sort: LedgerSortKey;
  desc: boolean;
}

export const EMPTY_FILTER: LedgerFilter = { partnerKey: '', triggerId: '', status: '', month: '' };
export const DEFAULT_SORT: LedgerSort = { sort: 'id', desc: false };

export const STATUS_LABELS: Readonly<Record<RewardStatus, string>> = {
  scheduled: 'Scheduled',
  pending: 'Pending',
  approved: 'Approved',
  declined: 'Declined',
  hold: 'On hold',
  paid: 'Paid',
};

export type StatusTone = 'default' | 'info' | 'warning' | 'success' | 'error';
export const STATUS_TONES: Readonly<Record<RewardStatus, StatusTone>> = {
  scheduled: 'default',
  pending: 'info',
  approved: 'success',
  declined: 'error',
  hold: 'warning',
  paid: 'success',
};

/** The filter part of a ledger query: empty fields are left out (meaning "any"). */
export function filterArgs(filter: LedgerFilter): Pick<ArgsOf<'replay.ledger'>, 'partnerKey' | 'triggerId' | 'status' | 'month'> {
  const out: Pick<ArgsOf<'replay.ledger'>, 'partnerKey' | 'triggerId' | 'status' | 'month'> = {};
  if (filter.partnerKey.trim()) out.partnerKey = filter.partnerKey.trim();
  if (filter.triggerId.trim()) out.triggerId = filter.triggerId.trim();
  if (filter.status) out.status = filter.status;
  if (/^\d{4}-\d{2}$/.test(filter.month)) out.month = filter.month;
  return out;
}

export function ledgerQuery(runId: string, filter: LedgerFilter, sort: LedgerSort, offset: number, limit: number): ArgsOf<'replay.ledger'> {
  return { runId, offset, limit, ...filterArgs(filter), sort: sort.sort, desc: sort.desc };
}

export function ledgerCsvQuery(runId: string, filter: LedgerFilter, sort: LedgerSort): ArgsOf<'replay.ledgerCsv'> {
  return { runId, ...filterArgs(filter), sort: sort.sort, desc: sort.desc };
}

/** Clicking a column header: same column flips direction, a new column sorts ascending. */
export function toggleSort(current: LedgerSort, key: LedgerSortKey): LedgerSort {
  return current.sort === key ? { sort: key, desc: !current.desc } : { sort: key, desc: false };
}

/**
 * A stable key for a filter+sort, so pages cached for another query are dropped; `reviews` (how
 * many reviews were made, `useChangeCounts`) drops them after a review too.
 */
export function queryKey(runId: string, filter: LedgerFilter, sort: LedgerSort, reviews: number): string {
  return JSON.stringify([runId, filterArgs(filter), sort.sort, sort.desc, reviews]);
}

export interface LedgerColumn {
  key: LedgerColumnKey;
  label: string;
  /** Width in px; columns are laid out on a CSS grid so the virtualised rows line up. */
  width: number;
  /** The narrowest it may get (px) when the window is narrow: every default column still shows at 1280. */
  min: number;
  sortKey: LedgerSortKey | null;
  align: 'left' | 'right';
  /** Shown until the person picks columns: the fewest that still answer "who gets what, when". */
  byDefault: boolean;
  text: (row: LedgerRow, r: Readable) => string;
  /** Tooltip: the id behind a name, the exact instant behind a date. */
  title?: (row: LedgerRow, r: Readable) => string;
}

export type LedgerColumnKey = 'id' | 'partner' | 'trigger' | 'event' | 'occ' | 'amount' | 'usd' | 'due' | 'status' | 'payout' | 'review';

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'id', label: 'Reward', width: 80, min: 64, sortKey: 'id', align: 'left', byDefault: false, text: (row) => row.id },
  { key: 'partner', label: 'Partner', width: 160, min: 112, sortKey: 'partnerKey', align: 'left', byDefault: true, text: (row, r) => r.partner(row.partnerKey), title: (row) => row.partnerKey },
  { key: 'trigger', label: 'Trigger', width: 200, min: 130, sortKey: 'triggerId', align: 'left', byDefault: true, text: (row, r) => r.trigger(row.triggerId), title: (row) => `${row.triggerId} v${row.triggerVersion}` },
  { key: 'event', label: 'Event', width: 80, min: 60, sortKey: null, align: 'left', byDefault: true, text: (row) => row.eventId },
  { key: 'occ', label: 'Occ.', width: 60, min: 48, sortKey: null, align: 'right', byDefault: false, text: (row) => (row.kind === 'drip' ? `${row.occurrence}/${row.occurrences}` : '') },
  { key: 'amount', label: 'Amount', width: 110, min: 90, sortKey: null, align: 'right', byDefault: false, text: (row) => displayAmount(row.amount, row.currency) },
  { key: 'usd', label: 'USD', width: 96, min: 76, sortKey: 'amountUsd', align: 'right', byDefault: true, text: (row) => displayUsd(row.amountUsd) },
  { key: 'due', label: 'Due', width: 190, min: 190, sortKey: 'dueAt', align: 'left', byDefault: true, text: (row, r) => r.instant(row.dueAt), title: (row) => row.dueAt },
  { key: 'status', label: 'Status', width: 92, min: 88, sortKey: 'status', align: 'left', byDefault: true, text: (row) => STATUS_LABELS[row.status] },
  // A calendar day written as the Due column writes its day ("Feb 13, 2026"); the ISO date in the tooltip.
  { key: 'payout', label: 'Payout', width: 110, min: 104, sortKey: null, align: 'left', byDefault: true, text: (row) => (row.payoutDate ? shortDayLabel(row.payoutDate) : ''), title: (row) => row.payoutDate },
  { key: 'review', label: 'Review', width: 120, min: 84, sortKey: null, align: 'left', byDefault: true, text: (row) => row.reviewReason ?? '', title: (row) => row.reviewReason ?? '' },
];

export const DEFAULT_LEDGER_COLUMNS: readonly LedgerColumnKey[] = LEDGER_COLUMNS.filter((c) => c.byDefault).map((c) => c.key);

/** The chosen columns in table order; unknown keys (an older app's choice) are dropped. */
export function visibleColumns(chosen: readonly string[]): LedgerColumn[] {
  const set = new Set(chosen);
  const cols = LEDGER_COLUMNS.filter((c) => set.has(c.key));
  return cols.length > 0 ? cols : LEDGER_COLUMNS.filter((c) => c.byDefault);
}

/**
 * The CSS grid of the chosen columns: each takes its share of the width in proportion to its
 * natural width, never below its minimum, so a narrow window shrinks every column a little
 * instead of pushing the last ones (Payout, Review) out of sight.
 */
export function ledgerGrid(columns: readonly LedgerColumn[]): string {
  return `36px ${columns.map((c) => `minmax(${c.min}px, ${c.width}fr)`).join(' ')}`;
}

/** The narrowest the chosen columns fit in (px): below it the table scrolls sideways. */
export function ledgerMinWidth(columns: readonly LedgerColumn[]): number {
  return 36 + columns.reduce((n, c) => n + c.min, 0);
}

/** Whether a status can still be reviewed (scheduled and paid rewards cannot). */
export function reviewable(status: RewardStatus): boolean {
  return status === 'pending' || status === 'approved' || status === 'declined' || status === 'hold';
}

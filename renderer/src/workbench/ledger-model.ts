/**
 * The reward ledger's view model: filters and sort as the user sets them, turned into the
 * `replay.ledger` query; column definitions; status labels. Filtering, sorting and totals run
 * in the service (a run can hold a million rows); the renderer only pages.
 */
import type { ArgsOf, LedgerRow } from '../../../service/contract';
import type { RewardStatus } from '../../../engine/formats/report';
import { displayAmount, displayUsd } from './money-format';

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

/** A stable key for a filter+sort, so pages cached for another query are dropped. */
export function queryKey(runId: string, filter: LedgerFilter, sort: LedgerSort, revision: number): string {
  return JSON.stringify([runId, filterArgs(filter), sort.sort, sort.desc, revision]);
}

export interface LedgerColumn {
  key: string;
  label: string;
  /** Width in px; columns are laid out on a CSS grid so the virtualised rows line up. */
  width: number;
  sortKey: LedgerSortKey | null;
  align: 'left' | 'right';
  text: (row: LedgerRow) => string;
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'id', label: 'Reward', width: 90, sortKey: 'id', align: 'left', text: (r) => r.id },
  { key: 'partner', label: 'Partner', width: 130, sortKey: 'partnerKey', align: 'left', text: (r) => r.partnerKey },
  { key: 'trigger', label: 'Trigger', width: 160, sortKey: 'triggerId', align: 'left', text: (r) => r.triggerId },
  { key: 'event', label: 'Event', width: 90, sortKey: null, align: 'left', text: (r) => r.eventId },
  { key: 'occ', label: 'Occ.', width: 60, sortKey: null, align: 'right', text: (r) => (r.kind === 'drip' ? `${r.occurrence}/${r.occurrences}` : '') },
  { key: 'amount', label: 'Amount', width: 110, sortKey: null, align: 'right', text: (r) => displayAmount(r.amount, r.currency) },
  { key: 'usd', label: 'USD', width: 100, sortKey: 'amountUsd', align: 'right', text: (r) => displayUsd(r.amountUsd) },
  { key: 'due', label: 'Due (UTC)', width: 140, sortKey: 'dueAt', align: 'left', text: (r) => r.dueAt.replace('T', ' ').slice(0, 16) },
  { key: 'status', label: 'Status', width: 100, sortKey: 'status', align: 'left', text: (r) => STATUS_LABELS[r.status] },
  { key: 'payout', label: 'Payout', width: 100, sortKey: null, align: 'left', text: (r) => r.payoutDate },
];

export const LEDGER_GRID = `36px ${LEDGER_COLUMNS.map((c) => `${c.width}px`).join(' ')} minmax(160px, 1fr)`;

/** Whether a status can still be reviewed (scheduled and paid rewards cannot). */
export function reviewable(status: RewardStatus): boolean {
  return status === 'pending' || status === 'approved' || status === 'declined' || status === 'hold';
}

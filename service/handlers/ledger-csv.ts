/** The ledger as CSV (RFC 4180 quoting), in the column order of the report's reward rows. */
import type { LedgerRow } from '../contract';

const COLUMNS: readonly (keyof LedgerRow)[] = [
  'id', 'kind', 'partnerKey', 'triggerId', 'triggerVersion', 'eventId', 'description', 'amount', 'currency', 'amountUsd',
  'fxRate', 'earnedAt', 'dueAt', 'occurrence', 'occurrences', 'status', 'reviewReason', 'invoiceDate', 'chargeDate', 'payoutDate',
];

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote what would break a row, and cells a spreadsheet would run as a formula.
  const guarded = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function ledgerCsv(rows: Iterable<LedgerRow>): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows) lines.push(COLUMNS.map((c) => cell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

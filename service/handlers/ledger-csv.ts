/** The ledger as CSV, in the column order of the report's reward rows (the shared CSV writer). */
import { csvText, type CsvColumn } from '../../engine/formats/csv-write';
import type { LedgerRow } from '../contract';

/** Amounts, rates and counts are the engine's own numbers; every other column is text. */
const NUMBER_COLUMNS: ReadonlySet<keyof LedgerRow> = new Set(['triggerVersion', 'amount', 'amountUsd', 'fxRate', 'occurrence', 'occurrences']);

const COLUMNS: readonly CsvColumn<LedgerRow>[] = (
  [
    'id', 'kind', 'partnerKey', 'triggerId', 'triggerVersion', 'eventId', 'description', 'amount', 'currency', 'amountUsd',
    'fxRate', 'earnedAt', 'dueAt', 'occurrence', 'occurrences', 'status', 'reviewReason', 'invoiceDate', 'chargeDate', 'payoutDate',
  ] as const
).map((k) => ({ header: k, kind: NUMBER_COLUMNS.has(k) ? 'number' : 'text', value: (r: LedgerRow) => r[k] }));

export function ledgerCsv(rows: Iterable<LedgerRow>): string {
  return csvText(COLUMNS, rows);
}

/**
 * The ledger: one row per reward of a run, indexed for paging and filtering by partner,
 * trigger, status and due month. USD amounts are kept as integer cents so totals are exact.
 * Each run since schema 6 has a table of its own (see `LedgerSource`). Three modules: the
 * columns and everything derived from them (`ledger-schema.ts`), writing (`ledger-write.ts`)
 * and reading (`ledger-query.ts`); this file is their one import point.
 */
export { dueMonthOf, usdMinor, ledgerTableName, toLedgerRow, toRewardRow, LEDGER_COLUMNS, type LedgerDbRow, type LedgerColumn } from './ledger-schema';
export * from './ledger-write';
export * from './ledger-query';

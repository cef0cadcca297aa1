/**
 * The ledger's columns, declared once. `LEDGER_COLUMNS` is the one table every other part of the
 * ledger is derived from: the DDL of a run's own table (`ledgerTableSql`), the INSERT and its
 * values (`ledgerInsertSql`, `ledgerInsertValues`), the stored row's type (`LedgerDbRow`) and its
 * mapping to the contract's `LedgerRow` (`toLedgerRow`).
 *
 * The shared `ledger` table of runs from before schema 6 is created by migration 3 and is
 * history: a migration's text must stay what it was when files were migrated with it, so it is
 * not generated from this table. ledger-schema.test.ts checks that its columns are the same as
 * these (name, type, NOT NULL); a column added here needs a new migration for it too.
 */
import type { RewardRow } from '../../engine/formats/report';
import { formatMinor, parseMinor } from '../../engine/money';
import type { LedgerRow } from '../contract';
import type { Db } from './db';

/** The due month (`YYYY-MM`, program zone) is the month before the invoice date's month. */
export function dueMonthOf(invoiceDate: string): string {
  let y = Number(invoiceDate.slice(0, 4));
  let m = Number(invoiceDate.slice(5, 7)) - 1;
  if (m === 0) {
    m = 12;
    y -= 1;
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Cents of a USD amount text; throws on a malformed engine value (a bug, not user input). */
export function usdMinor(text: string): number {
  const v = parseMinor(text, 'USD');
  if (typeof v === 'string') throw new Error(`bad USD amount from the engine: ${v}`);
  return v;
}

interface ColumnSpec {
  type: 'TEXT' | 'INTEGER';
  /** Nullable columns say so; every other column is NOT NULL. */
  nullable?: true;
  /** The row's key: `INTEGER PRIMARY KEY` in a run's own table. */
  key?: true;
  /** The `LedgerRow` field the column shows as; null for a column the row does not carry. */
  field: keyof LedgerRow | null;
  /** The stored value, when it is not the engine row's `field` as is; `seq` is the row's place in the ledger. */
  write?: (r: RewardRow, seq: number) => string | number;
  /** Written later (a review), not by the INSERT. */
  notInserted?: true;
  /** The field's value from the stored one, when it is not the stored value as is. */
  read?: (v: number) => string;
}

/** Column name → spec, in table order (also the order of the keys of a `LedgerRow`). */
export const LEDGER_COLUMNS = {
  seq: { type: 'INTEGER', key: true, field: null, write: (_r: RewardRow, seq: number): number => seq },
  id: { type: 'TEXT', field: 'id' },
  kind: { type: 'TEXT', field: 'kind' },
  partner_key: { type: 'TEXT', field: 'partnerKey' },
  trigger_id: { type: 'TEXT', field: 'triggerId' },
  trigger_version: { type: 'INTEGER', field: 'triggerVersion' },
  event_id: { type: 'TEXT', field: 'eventId' },
  description: { type: 'TEXT', field: 'description' },
  amount: { type: 'TEXT', field: 'amount' },
  currency: { type: 'TEXT', field: 'currency' },
  // Integer cents, so totals are exact.
  amount_usd_minor: { type: 'INTEGER', field: 'amountUsd', write: (r: RewardRow): number => usdMinor(r.amountUsd), read: (v: number): string => formatMinor(v, 'USD') },
  fx_rate: { type: 'TEXT', field: 'fxRate' },
  earned_at: { type: 'TEXT', field: 'earnedAt' },
  due_at: { type: 'TEXT', field: 'dueAt' },
  // What the month filter, the invoice and the payout calendar select by.
  due_month: { type: 'TEXT', field: null, write: (r: RewardRow): string => dueMonthOf(r.invoiceDate) },
  occurrence: { type: 'INTEGER', field: 'occurrence' },
  occurrences: { type: 'INTEGER', field: 'occurrences' },
  status: { type: 'TEXT', field: 'status' },
  invoice_date: { type: 'TEXT', field: 'invoiceDate' },
  charge_date: { type: 'TEXT', field: 'chargeDate' },
  payout_date: { type: 'TEXT', field: 'payoutDate' },
  review_reason: { type: 'TEXT', nullable: true, field: 'reviewReason', notInserted: true },
} as const satisfies Record<string, ColumnSpec>;

type Columns = typeof LEDGER_COLUMNS;
export type LedgerColumn = keyof Columns;

/** A column's stored value: what its `write` makes, else the row field's own type. */
type StoredValue<S> = S extends { write: (...a: never[]) => infer V } ? V : S extends { field: infer F extends keyof LedgerRow } ? LedgerRow[F] : never;

/** A row as `SELECT *` reads it from a ledger table. */
export type LedgerDbRow = { [C in LedgerColumn]: StoredValue<Columns[C]> };

/** Fields of a `LedgerRow` no column holds: none (ledger-schema.test.ts fails to compile otherwise). */
export type UnstoredLedgerField = Exclude<keyof LedgerRow, NonNullable<Columns[LedgerColumn]['field']>>;

const SPECS: readonly (readonly [LedgerColumn, ColumnSpec])[] = Object.entries(LEDGER_COLUMNS) as [LedgerColumn, ColumnSpec][];
const INSERTED = SPECS.filter(([, s]) => s.notInserted !== true);
const READ = SPECS.flatMap(([column, s]) => (s.field === null ? [] : [{ column, field: s.field, read: s.read }]));

/** The CREATE TABLE of a run's own ledger (`name` quoted). */
export function ledgerTableSql(name: string): string {
  const cols = SPECS.map(([column, s]) => `    ${column} ${s.type}${s.key ? ' PRIMARY KEY' : s.nullable ? '' : ' NOT NULL'}`);
  return `CREATE TABLE ${name} (\n${cols.join(',\n')}\n  )`;
}

/** The INSERT of one row into a ledger table (`name` quoted); its values are `ledgerInsertValues`. */
export function ledgerInsertSql(name: string): string {
  return `INSERT INTO ${name} (${INSERTED.map(([c]) => c).join(', ')}) VALUES (${INSERTED.map(() => '?').join(', ')})`;
}

/*
 * The INSERT's values and the row mapper run once per ledger row (two million on a large run),
 * so both are compiled from the column table into straight-line functions: a loop over the
 * columns per row cost ten times the hand-written object literal they replace. The generated
 * text holds only the table's own column and field names (constants above), never input.
 */
const prop = (name: string): string => `r[${JSON.stringify(name)}]`;

function compileInsertValues(): (r: RewardRow, seq: number) => (string | number)[] {
  const writers: ((r: RewardRow, seq: number) => string | number)[] = [];
  const values = INSERTED.map(([column, s]) => {
    if (s.write) return `write[${writers.push(s.write) - 1}](r, seq)`;
    if (s.field === null) throw new Error(`ledger column ${column} has neither a field nor a write`);
    return prop(s.field);
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling the column table's accessors is this module's purpose (see above).
  const make = new Function('write', `return (r, seq) => [${values.join(', ')}];`) as (write: typeof writers) => (r: RewardRow, seq: number) => (string | number)[];
  return make(writers);
}

function compileMapper(): (r: LedgerDbRow) => LedgerRow {
  const readers: ((v: number) => string)[] = [];
  const fields = READ.map((c) => `${JSON.stringify(c.field)}: ${c.read ? `read[${readers.push(c.read) - 1}](${prop(c.column)})` : prop(c.column)}`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- as above.
  const make = new Function('read', `return (r) => ({ ${fields.join(', ')} });`) as (read: typeof readers) => (r: LedgerDbRow) => LedgerRow;
  return make(readers);
}

/** Where the USD cents are among `ledgerInsertValues` (the writer totals them as it goes). */
export const INSERTED_CENTS_AT = INSERTED.findIndex(([c]) => c === 'amount_usd_minor');

/** The values of `ledgerInsertSql` for the engine's row at ledger position `seq`. */
export const ledgerInsertValues = compileInsertValues();

/** The contract's row from a stored one: every column with a field, in table order. */
export const toLedgerRow = compileMapper();

/** The row without the review reason: what the engine reported (plus the current status). */
export function toRewardRow(r: LedgerRow): RewardRow {
  const { reviewReason: _reviewReason, ...rest } = r;
  return rest;
}

const TABLE_PREFIX = 'ledger_';

/** The table name of a run's own ledger; run ids are `run_` + base64url, checked to be sure. */
export function ledgerTableName(runId: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(runId)) throw new Error(`run id ${JSON.stringify(runId)} cannot name a ledger table`);
  return `${TABLE_PREFIX}${runId}`;
}

export const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The indexes of a run's table (the same queries the shared table's indexes serve), built at the
 * end. No index on `id`: the engine numbers rewards `r<seq + 1>`, so a reward is found by its
 * `seq` (the primary key) and its id checked (`seqOfId`).
 */
export function ledgerIndexSql(name: string): string[] {
  const q = quote(name);
  const ix = (suffix: string): string => quote(`${name}_${suffix}`);
  return [
    `CREATE INDEX ${ix('partner')} ON ${q}(partner_key)`,
    `CREATE INDEX ${ix('trigger')} ON ${q}(trigger_id)`,
    `CREATE INDEX ${ix('status')} ON ${q}(status)`,
    `CREATE INDEX ${ix('month')} ON ${q}(due_month, status, due_at)`,
    `CREATE INDEX ${ix('amount')} ON ${q}(amount_usd_minor)`,
    `CREATE INDEX ${ix('due')} ON ${q}(due_at)`,
  ];
}

/**
 * Where a run's ledger lives. Runs since schema 6 have a table of their own (`runs.ledger_table`),
 * filled in one pass while the replay streams its rows and indexed once it is complete (an index
 * built from sorted keys costs a fraction of one kept up to date row by row, and no other run's
 * rows or readers share that table). Older runs keep their rows in the shared `ledger` table.
 */
export interface LedgerSource {
  /** The table, quoted. */
  from: string;
  /** Conditions that select the run's rows (none for a table of its own). */
  cond: string[];
  params: (string | number)[];
}

export function ledgerSource(db: Db, runId: string): LedgerSource {
  const table = db.prepare<[string], { ledger_table: string | null }>('SELECT ledger_table FROM runs WHERE id = ?').get(runId)?.ledger_table;
  if (table) return { from: quote(table), cond: [], params: [] };
  return { from: 'ledger', cond: ['run_id = ?'], params: [runId] };
}

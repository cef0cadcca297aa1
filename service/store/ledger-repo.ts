/**
 * The ledger: one row per reward of a run, indexed for paging and filtering by partner,
 * trigger, status and due month. USD amounts are kept as integer cents so totals are exact.
 * Each run since schema 6 has a table of its own (see `LedgerSource`).
 */
import type { RewardRow, RewardStatus } from '../../engine/formats/report';
import { formatMinor, parseMinor } from '../../engine/money';
import type { LedgerQuery, LedgerRow } from '../contract';
import type { z } from 'zod';
import type { Db } from './db';
import { retryBusy } from './errors';

export type LedgerFilter = Omit<z.output<typeof LedgerQuery>, 'offset' | 'limit'>;

/** Rows per write transaction of `writeLedger`: large enough to be fast, small enough to keep readers responsive. */
export const LEDGER_BATCH = 10_000;

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

/**
 * Where a run's ledger lives. Runs since schema 6 have a table of their own (`runs.ledger_table`),
 * filled in one pass while the replay streams its rows and indexed once it is complete (an index
 * built from sorted keys costs a fraction of one kept up to date row by row, and no other run's
 * rows or readers share that table). Older runs keep their rows in the shared `ledger` table.
 */
interface LedgerSource {
  /** The table, quoted. */
  from: string;
  /** Conditions that select the run's rows (none for a table of its own). */
  cond: string[];
  params: (string | number)[];
}

const TABLE_PREFIX = 'ledger_';

/** The table name of a run's own ledger; run ids are `run_` + base64url, checked to be sure. */
export function ledgerTableName(runId: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(runId)) throw new Error(`run id ${JSON.stringify(runId)} cannot name a ledger table`);
  return `${TABLE_PREFIX}${runId}`;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function source(db: Db, runId: string): LedgerSource {
  const table = db.prepare<[string], { ledger_table: string | null }>('SELECT ledger_table FROM runs WHERE id = ?').get(runId)?.ledger_table;
  if (table) return { from: quote(table), cond: [], params: [] };
  return { from: 'ledger', cond: ['run_id = ?'], params: [runId] };
}

const COLUMNS = `seq, id, kind, partner_key, trigger_id, trigger_version, event_id, description, amount, currency, amount_usd_minor, fx_rate,
  earned_at, due_at, due_month, occurrence, occurrences, status, invoice_date, charge_date, payout_date`;
const WIDTH = 21;

function tableSql(q: string): string {
  return `CREATE TABLE ${q} (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    partner_key TEXT NOT NULL,
    trigger_id TEXT NOT NULL,
    trigger_version INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    description TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    amount_usd_minor INTEGER NOT NULL,
    fx_rate TEXT NOT NULL,
    earned_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    due_month TEXT NOT NULL,
    occurrence INTEGER NOT NULL,
    occurrences INTEGER NOT NULL,
    status TEXT NOT NULL,
    review_reason TEXT,
    invoice_date TEXT NOT NULL,
    charge_date TEXT NOT NULL,
    payout_date TEXT NOT NULL
  )`;
}

/**
 * The indexes of a run's table (the same queries the shared table's indexes serve), built at the
 * end. No index on `id`: the engine numbers rewards `r<seq + 1>`, so a reward is found by its
 * `seq` (the primary key) and its id checked (`seqOfId`).
 */
function indexSql(name: string): string[] {
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

export interface LedgerTotals {
  count: number;
  /** USD total in cents. */
  cents: number;
}

/** Writes one run's ledger as the replay hands it over; see `openLedgerWriter`. */
export interface LedgerWriter {
  /** Appends rows (`first` is the ledger index of `rows[0]`) in one transaction. */
  write(rows: readonly RewardRow[], first: number): void;
  /** Builds the indexes (checking `cancelled` between them); returns the count and USD total. */
  finish(cancelled?: () => boolean): LedgerTotals;
}

export class LedgerWriteCancelled extends Error {
  constructor() {
    super('ledger write cancelled');
    this.name = 'LedgerWriteCancelled';
  }
}

/**
 * Creates the run's own ledger table (replacing any left over) and returns a writer for it.
 * The run is not `done` until `finishRun`, and nothing reads the ledger of an unfinished run,
 * so the table can be filled without indexes; `dropLedger` removes it on cancel or failure.
 */
export function openLedgerWriter(db: Db, runId: string): LedgerWriter {
  const name = ledgerTableName(runId);
  const q = quote(name);
  // Each step below is one transaction, so one refused as busy (another process held the file
  // past the busy timeout) is simply tried again.
  retryBusy(() =>
    db.transaction(() => {
      db.exec(`DROP TABLE IF EXISTS ${q}`);
      db.exec(tableSql(q));
      if (db.prepare('UPDATE runs SET ledger_table = ? WHERE id = ?').run(name, runId).changes !== 1) throw new Error(`run ${runId} does not exist`);
    }).immediate(),
  );
  const insert = db.prepare(`INSERT INTO ${q} (${COLUMNS}) VALUES (${Array.from({ length: WIDTH }, () => '?').join(',')})`);
  let count = 0;
  let cents = 0;
  const writeTx = db.transaction((rows: readonly RewardRow[], first: number): number => {
    let sum = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as RewardRow;
      const c = usdMinor(r.amountUsd);
      sum += c;
      insert.run(first + i, r.id, r.kind, r.partnerKey, r.triggerId, r.triggerVersion, r.eventId, r.description, r.amount, r.currency, c, r.fxRate, r.earnedAt, r.dueAt,
        dueMonthOf(r.invoiceDate), r.occurrence, r.occurrences, r.status, r.invoiceDate, r.chargeDate, r.payoutDate);
    }
    return sum;
  });
  return {
    write(rows, first) {
      if (first !== count) throw new Error(`ledger rows out of order: expected row ${count}, got ${first}`);
      if (rows.length === 0) return;
      // The batch's total counts only once it committed (a rolled-back try adds nothing).
      cents += retryBusy(() => writeTx.immediate(rows, first));
      count += rows.length;
    },
    finish(cancelled) {
      for (const sql of indexSql(name)) {
        if (cancelled?.()) throw new LedgerWriteCancelled();
        // One index per transaction: other connections get the write lock in between.
        retryBusy(() => db.transaction(() => db.exec(sql)).immediate());
      }
      return { count, cents };
    },
  };
}

/** Removes a run's ledger rows: its own table, or its rows in the shared table (older runs). */
export function dropLedger(db: Db, runId: string): void {
  db.transaction(() => {
    const table = db.prepare<[string], { ledger_table: string | null }>('SELECT ledger_table FROM runs WHERE id = ?').get(runId)?.ledger_table;
    if (table) {
      db.exec(`DROP TABLE IF EXISTS ${quote(table)}`);
      db.prepare('UPDATE runs SET ledger_table = NULL WHERE id = ?').run(runId);
    }
    db.prepare('DELETE FROM ledger WHERE run_id = ?').run(runId);
  }).immediate();
}

/**
 * Drops run ledger tables that no run refers to (a program deleted with its runs through the
 * foreign keys, a run row deleted by an older build). Returns how many.
 */
export function dropOrphanLedgers(db: Db): number {
  return db
    .transaction(() => {
      const orphans = db
        .prepare<[], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ledger!_%' ESCAPE '!'
           AND name NOT IN (SELECT ledger_table FROM runs WHERE ledger_table IS NOT NULL)`,
        )
        .all();
      for (const o of orphans) db.exec(`DROP TABLE IF EXISTS ${quote(o.name)}`);
      return orphans.length;
    })
    .immediate();
}

/**
 * Writes a whole ledger at once (tests, tools): a writer fed in batches of `batch` rows, calling
 * `onBatch` after each. Returns the USD total in cents.
 */
export function writeLedger(db: Db, runId: string, rewards: readonly RewardRow[], batch = LEDGER_BATCH, onBatch?: (written: number) => void): number {
  const w = openLedgerWriter(db, runId);
  for (let from = 0; from < rewards.length; from += batch) {
    const to = Math.min(rewards.length, from + batch);
    w.write(rewards.slice(from, to), from);
    onBatch?.(to);
  }
  return w.finish().cents;
}

interface LedgerDbRow {
  seq: number;
  id: string;
  kind: 'reward' | 'drip';
  partner_key: string;
  trigger_id: string;
  trigger_version: number;
  event_id: string;
  description: string;
  amount: string;
  currency: string;
  amount_usd_minor: number;
  fx_rate: string;
  earned_at: string;
  due_at: string;
  occurrence: number;
  occurrences: number;
  status: RewardStatus;
  review_reason: string | null;
  invoice_date: string;
  charge_date: string;
  payout_date: string;
}

function toLedgerRow(r: LedgerDbRow): LedgerRow {
  return {
    id: r.id,
    kind: r.kind,
    partnerKey: r.partner_key,
    triggerId: r.trigger_id,
    triggerVersion: r.trigger_version,
    eventId: r.event_id,
    description: r.description,
    amount: r.amount,
    currency: r.currency,
    amountUsd: formatMinor(r.amount_usd_minor, 'USD'),
    fxRate: r.fx_rate,
    earnedAt: r.earned_at,
    dueAt: r.due_at,
    occurrence: r.occurrence,
    occurrences: r.occurrences,
    status: r.status,
    invoiceDate: r.invoice_date,
    chargeDate: r.charge_date,
    payoutDate: r.payout_date,
    reviewReason: r.review_reason,
  };
}

/** The row without the review reason: what the engine reported (plus the current status). */
export function toRewardRow(r: LedgerRow): RewardRow {
  const { reviewReason: _reviewReason, ...rest } = r;
  return rest;
}

const SORT_COLUMNS: Record<LedgerFilter['sort'], string> = {
  id: 'seq',
  partnerKey: 'partner_key',
  triggerId: 'trigger_id',
  amountUsd: 'amount_usd_minor',
  dueAt: 'due_at',
  status: 'status',
};

function where(db: Db, f: Pick<LedgerFilter, 'runId' | 'partnerKey' | 'triggerId' | 'status' | 'month'>): { from: string; sql: string; params: (string | number)[] } {
  const src = source(db, f.runId);
  const parts = [...src.cond];
  const params: (string | number)[] = [...src.params];
  const add = (col: string, v: string | undefined): void => {
    if (v === undefined) return;
    parts.push(`${col} = ?`);
    params.push(v);
  };
  add('partner_key', f.partnerKey);
  add('trigger_id', f.triggerId);
  add('status', f.status);
  add('due_month', f.month);
  return { from: src.from, sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

/**
 * What a person reads in place of a partner key or trigger id (partner and trigger names from
 * the run's program): the ledger sorted "by partner" or "by trigger" is in the order of these
 * names, as the table shows them, not of the ids behind them. Keys without a name sort as
 * themselves.
 */
export type LedgerSortNames = ReadonlyMap<string, string>;

const NAME_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The column a name sort orders by, when `sort` is one. */
function nameColumn(sort: LedgerFilter['sort']): 'partner_key' | 'trigger_id' | null {
  return sort === 'partnerKey' ? 'partner_key' : sort === 'triggerId' ? 'trigger_id' : null;
}

/**
 * The matching rows' keys of `col` with their counts, in name order (ties by key), reversed for
 * `desc`. Counted from the column's index, so a page of a two-million-row ledger sorted by name
 * reads only the keys it covers.
 */
function keysInNameOrder(db: Db, w: ReturnType<typeof where>, col: string, names: LedgerSortNames, desc: boolean): { key: string; n: number }[] {
  const keys = db.prepare<(string | number)[], { key: string; n: number }>(`SELECT ${col} AS key, COUNT(*) AS n FROM ${w.from} WHERE ${w.sql} GROUP BY ${col}`).all(...w.params);
  const label = (k: string): string => names.get(k) ?? k;
  keys.sort((a, b) => NAME_ORDER.compare(label(a.key), label(b.key)) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return desc ? keys.reverse() : keys;
}

/** The seqs of one page sorted by name: the keys the page covers, each read from its offset. */
function pageSeqsByName(db: Db, q: z.output<typeof LedgerQuery>, col: string, names: LedgerSortNames): number[] {
  const w = where(db, q);
  const dir = q.desc ? 'DESC' : 'ASC';
  const one = db.prepare<(string | number)[], { seq: number }>(`SELECT seq FROM ${w.from} WHERE ${w.sql} AND ${col} = ? ORDER BY seq ${dir} LIMIT ? OFFSET ?`);
  const seqs: number[] = [];
  let start = 0;
  for (const { key, n } of keysInNameOrder(db, w, col, names, q.desc)) {
    const end = start + n;
    const from = Math.max(q.offset + seqs.length, start);
    if (from < end) {
      for (const r of one.all(...w.params, key, q.limit - seqs.length, from - start)) seqs.push(r.seq);
      if (seqs.length >= q.limit) break;
    }
    start = end;
  }
  return seqs;
}

/**
 * One page of a run's ledger. Two steps so a deep page stays cheap: the page's keys come from
 * an index alone (skipping offset rows costs no row reads), then only those rows are read.
 * Sorted by partner or trigger, it follows `names` (see `LedgerSortNames`) when given.
 */
export function queryLedgerPage(db: Db, q: z.output<typeof LedgerQuery>, names?: LedgerSortNames): LedgerRow[] {
  const w = where(db, q);
  const dir = q.desc ? 'DESC' : 'ASC';
  const byName = nameColumn(q.sort);
  let seqs: number[];
  if (byName !== null && names) seqs = pageSeqsByName(db, q, byName, names);
  else {
    const order = q.sort === 'id' ? `seq ${dir}` : `${SORT_COLUMNS[q.sort]} ${dir}, seq ${dir}`;
    seqs = db.prepare<(string | number)[], { seq: number }>(`SELECT seq FROM ${w.from} WHERE ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...w.params, q.limit, q.offset).map((k) => k.seq);
  }
  if (seqs.length === 0) return [];
  const src = source(db, q.runId);
  const run = [...src.cond, `seq IN (${seqs.map(() => '?').join(',')})`].join(' AND ');
  const rows = db.prepare<(string | number)[], LedgerDbRow>(`SELECT * FROM ${src.from} WHERE ${run}`).all(...src.params, ...seqs);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.flatMap((s) => {
    const r = bySeq.get(s);
    return r ? [toLedgerRow(r)] : [];
  });
}

/** Count and USD total of the rows matching a filter. */
export function ledgerTotals(db: Db, f: Pick<LedgerFilter, 'runId' | 'partnerKey' | 'triggerId' | 'status' | 'month'>): { total: number; totalUsd: string } {
  const w = where(db, f);
  const agg = db.prepare<(string | number)[], { n: number; usd: number | null }>(`SELECT COUNT(*) AS n, SUM(amount_usd_minor) AS usd FROM ${w.from} WHERE ${w.sql}`).get(...w.params);
  return { total: agg?.n ?? 0, totalUsd: formatMinor(agg?.usd ?? 0, 'USD') };
}

/** One page with the count and USD total of every matching row. */
export function queryLedger(db: Db, q: z.output<typeof LedgerQuery>): { rows: LedgerRow[]; total: number; totalUsd: string } {
  return { rows: queryLedgerPage(db, q), ...ledgerTotals(db, q) };
}

/** Every matching row, in ledger order (CSV export, comparisons); by name as `queryLedgerPage` when `names` is given. */
export function* iterateLedger(db: Db, f: LedgerFilter, names?: LedgerSortNames): Generator<LedgerRow> {
  const w = where(db, f);
  const byName = nameColumn(f.sort);
  if (byName !== null && names) {
    const one = db.prepare<(string | number)[], LedgerDbRow>(`SELECT * FROM ${w.from} WHERE ${w.sql} AND ${byName} = ? ORDER BY seq`);
    for (const { key } of keysInNameOrder(db, w, byName, names, f.desc)) for (const r of one.iterate(...w.params, key)) yield toLedgerRow(r);
    return;
  }
  const order = `${SORT_COLUMNS[f.sort]} ${f.desc ? 'DESC' : 'ASC'}, seq`;
  for (const r of db.prepare<(string | number)[], LedgerDbRow>(`SELECT * FROM ${w.from} WHERE ${w.sql} ORDER BY ${order}`).iterate(...w.params)) yield toLedgerRow(r);
}

/** Whole ledger of a run, in ledger order. */
export function readLedger(db: Db, runId: string): LedgerRow[] {
  return [...iterateLedger(db, { runId, sort: 'id', desc: false })];
}

/** The ledger position of a reward id: the engine numbers rewards `r1`, `r2`… in ledger order. */
function seqOfId(id: string): number | null {
  const m = /^r([1-9][0-9]{0,14})$/.exec(id);
  return m ? Number(m[1]) - 1 : null;
}

export type Decision = 'approved' | 'declined' | 'hold' | 'pending';

/**
 * Records a review decision for each reward in one transaction: the decision log gets a row,
 * the ledger row its new status. Scheduled (not yet due) and paid rewards are left alone.
 * Returns the ids that were updated and those not found.
 */
export function reviewRewards(db: Db, runId: string, ids: readonly string[], decision: Decision, reason: string | null, now: string): { updated: number; missing: string[] } {
  const src = source(db, runId);
  const cond = [...src.cond, 'seq = ?', 'id = ?'].join(' AND ');
  const find = db.prepare<(string | number)[], { status: RewardStatus }>(`SELECT status FROM ${src.from} WHERE ${cond}`);
  const set = db.prepare(`UPDATE ${src.from} SET status = ?, review_reason = ? WHERE ${cond}`);
  const log = db.prepare('INSERT INTO reviews (run_id, reward_id, decision, reason, decided_at) VALUES (?, ?, ?, ?, ?)');
  const missing: string[] = [];
  let updated = 0;
  db.transaction(() => {
    // One decision per reward, however often its id was sent: 200,000 copies of one id are one row.
    for (const id of new Set(ids)) {
      const seq = seqOfId(id);
      const row = seq === null ? undefined : find.get(...src.params, seq, id);
      if (!row) {
        missing.push(id);
        continue;
      }
      if (row.status === 'scheduled' || row.status === 'paid') continue;
      set.run(decision, decision === 'declined' || decision === 'hold' ? reason : null, ...src.params, seq, id);
      log.run(runId, id, decision, reason, now);
      updated++;
    }
  })();
  return { updated, missing };
}

/** Per status and partner: counts and cents of rewards due in a month (the invoice preview). */
export function monthTotals(db: Db, runId: string, month: string): { status: RewardStatus; partnerKey: string; n: number; usd: number }[] {
  const w = where(db, { runId, month });
  return db
    .prepare<(string | number)[], { status: RewardStatus; partnerKey: string; n: number; usd: number }>(
      `SELECT status, partner_key AS partnerKey, COUNT(*) AS n, SUM(amount_usd_minor) AS usd FROM ${w.from}
       WHERE ${w.sql} GROUP BY status, partner_key ORDER BY partner_key, status`,
    )
    .all(...w.params);
}

/** Months (`YYYY-MM`) that have rewards, ascending. */
export function ledgerMonths(db: Db, runId: string): string[] {
  const w = where(db, { runId });
  return db.prepare<(string | number)[], { m: string }>(`SELECT DISTINCT due_month AS m FROM ${w.from} WHERE ${w.sql} ORDER BY due_month`).all(...w.params).map((r) => r.m);
}

/** Columns a run's ledger can be totalled by (program overview, statements, the payout year). */
export type LedgerGroupColumn = 'trigger_id' | 'partner_key' | 'due_month';

/** Count and cents per value of `by` and status, for the rows matching `f`. */
export function groupedTotals(
  db: Db,
  f: Pick<LedgerFilter, 'runId' | 'partnerKey' | 'triggerId' | 'status' | 'month'>,
  by: LedgerGroupColumn,
): { key: string; status: RewardStatus; n: number; usd: number }[] {
  const w = where(db, f);
  return db
    .prepare<(string | number)[], { key: string; status: RewardStatus; n: number; usd: number }>(
      `SELECT ${by} AS key, status, COUNT(*) AS n, SUM(amount_usd_minor) AS usd FROM ${w.from} WHERE ${w.sql} GROUP BY ${by}, status ORDER BY ${by}, status`,
    )
    .all(...w.params);
}

/**
 * Adds the rewards of up to `limit` ledger rows from `fromSeq` on to `into` (rewards per event
 * id), so a two-million-row ledger is counted in steps between other calls. Counted here, not by
 * GROUP BY (that sorts every id in a temporary b-tree): the rows of one event come together in
 * ledger order, so most rows only add one to the last. Returns the rows read and the next seq.
 */
export function addRewardCounts(db: Db, runId: string, fromSeq: number, limit: number, into: Map<string, number>): { rows: number; nextSeq: number } {
  const w = where(db, { runId });
  const rows = db.prepare<(string | number)[], [number, string]>(`SELECT seq, event_id FROM ${w.from} WHERE ${w.sql} AND seq >= ? ORDER BY seq LIMIT ?`).raw().all(...w.params, fromSeq, limit);
  let last = '';
  let n = 0;
  for (const [, e] of rows) {
    if (e === last) {
      n++;
      continue;
    }
    if (n > 0) into.set(last, (into.get(last) ?? 0) + n);
    last = e;
    n = 1;
  }
  if (n > 0) into.set(last, (into.get(last) ?? 0) + n);
  const end = rows.at(-1);
  return { rows: rows.length, nextSeq: end ? end[0] + 1 : fromSeq };
}

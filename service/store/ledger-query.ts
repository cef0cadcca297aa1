/**
 * Reading a run's ledger: filtered pages (by an index first, so deep pages stay cheap), totals,
 * sorting by the names a person reads, months, and the rows of every export. Each reads the
 * run's own table or its rows of the shared one (`ledgerSource`).
 */
import type { RewardStatus } from '../../engine/formats/report';
import { formatMinor } from '../../engine/money';
import type { LedgerQuery, LedgerRow } from '../contract';
import type { z } from 'zod';
import type { Db } from './db';
import { ledgerSource, toLedgerRow, type LedgerDbRow } from './ledger-schema';
import { WhereBuilder, type SqlWhere } from './sql-where';

export type LedgerFilter = Omit<z.output<typeof LedgerQuery>, 'offset' | 'limit'>;

const SORT_COLUMNS: Record<LedgerFilter['sort'], string> = {
  id: 'seq',
  partnerKey: 'partner_key',
  triggerId: 'trigger_id',
  amountUsd: 'amount_usd_minor',
  dueAt: 'due_at',
  status: 'status',
};

/** The rows of a run matching a filter: the table to read and the WHERE clause. */
function where(db: Db, f: Pick<LedgerFilter, 'runId' | 'partnerKey' | 'triggerId' | 'status' | 'month'>): SqlWhere & { from: string } {
  const src = ledgerSource(db, f.runId);
  const w = new WhereBuilder(src.cond, src.params).eq('partner_key', f.partnerKey).eq('trigger_id', f.triggerId).eq('status', f.status).eq('due_month', f.month);
  return { from: src.from, ...w.build() };
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
  const src = ledgerSource(db, q.runId);
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

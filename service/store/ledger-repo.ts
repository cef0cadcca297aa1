/**
 * The ledger: one row per reward of a run, indexed for paging and filtering by partner,
 * trigger, status and due month. USD amounts are kept as integer cents so totals are exact.
 */
import type { RewardRow, RewardStatus } from '../../engine/formats/report';
import { formatMinor, parseMinor } from '../../engine/money';
import type { LedgerQuery, LedgerRow } from '../contract';
import type { z } from 'zod';
import type { Db } from './db';

export type LedgerFilter = Omit<z.output<typeof LedgerQuery>, 'offset' | 'limit'>;

/** Rows per write transaction: large enough to be fast, small enough to keep readers responsive. */
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

const INSERT = `INSERT INTO ledger (run_id, seq, id, kind, partner_key, trigger_id, trigger_version, event_id, description, amount,
  currency, amount_usd_minor, fx_rate, earned_at, due_at, due_month, occurrence, occurrences, status, invoice_date, charge_date, payout_date)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Writes a run's rewards in transactions of `batch` rows (between batches other connections
 * get the write lock). Calls `onBatch` after each. Returns the USD total in cents.
 */
export function writeLedger(db: Db, runId: string, rewards: readonly RewardRow[], batch = LEDGER_BATCH, onBatch?: (written: number) => void): number {
  const stmt = db.prepare(INSERT);
  let total = 0;
  const writeSlice = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = rewards[i];
      if (!r) continue;
      const cents = usdMinor(r.amountUsd);
      total += cents;
      stmt.run(runId, i, r.id, r.kind, r.partnerKey, r.triggerId, r.triggerVersion, r.eventId, r.description, r.amount, r.currency, cents, r.fxRate, r.earnedAt, r.dueAt, dueMonthOf(r.invoiceDate), r.occurrence, r.occurrences, r.status, r.invoiceDate, r.chargeDate, r.payoutDate);
    }
  });
  for (let from = 0; from < rewards.length; from += batch) {
    const to = Math.min(rewards.length, from + batch);
    writeSlice(from, to);
    onBatch?.(to);
  }
  return total;
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
  const { reviewReason, ...rest } = r;
  void reviewReason;
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

function where(f: Pick<LedgerFilter, 'runId' | 'partnerKey' | 'triggerId' | 'status' | 'month'>): { sql: string; params: (string | number)[] } {
  const parts = ['run_id = ?'];
  const params: (string | number)[] = [f.runId];
  const add = (col: string, v: string | undefined): void => {
    if (v === undefined) return;
    parts.push(`${col} = ?`);
    params.push(v);
  };
  add('partner_key', f.partnerKey);
  add('trigger_id', f.triggerId);
  add('status', f.status);
  add('due_month', f.month);
  return { sql: parts.join(' AND '), params };
}

/**
 * One page of a run's ledger. Two steps so a deep page stays cheap: the page's keys come from
 * an index alone (skipping offset rows costs no row reads), then only those rows are read.
 */
export function queryLedgerPage(db: Db, q: z.output<typeof LedgerQuery>): LedgerRow[] {
  const w = where(q);
  const dir = q.desc ? 'DESC' : 'ASC';
  const order = q.sort === 'id' ? `seq ${dir}` : `${SORT_COLUMNS[q.sort]} ${dir}, seq ${dir}`;
  const keys = db.prepare<(string | number)[], { seq: number }>(`SELECT seq FROM ledger WHERE ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...w.params, q.limit, q.offset);
  if (keys.length === 0) return [];
  const seqs = keys.map((k) => k.seq);
  const rows = db.prepare<(string | number)[], LedgerDbRow>(`SELECT * FROM ledger WHERE run_id = ? AND seq IN (${seqs.map(() => '?').join(',')})`).all(q.runId, ...seqs);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.flatMap((s) => {
    const r = bySeq.get(s);
    return r ? [toLedgerRow(r)] : [];
  });
}

/** Count and USD total of the rows matching a filter. */
export function ledgerTotals(db: Db, f: Pick<LedgerFilter, 'runId' | 'partnerKey' | 'triggerId' | 'status' | 'month'>): { total: number; totalUsd: string } {
  const w = where(f);
  const agg = db.prepare<(string | number)[], { n: number; usd: number | null }>(`SELECT COUNT(*) AS n, SUM(amount_usd_minor) AS usd FROM ledger WHERE ${w.sql}`).get(...w.params);
  return { total: agg?.n ?? 0, totalUsd: formatMinor(agg?.usd ?? 0, 'USD') };
}

/** One page with the count and USD total of every matching row. */
export function queryLedger(db: Db, q: z.output<typeof LedgerQuery>): { rows: LedgerRow[]; total: number; totalUsd: string } {
  return { rows: queryLedgerPage(db, q), ...ledgerTotals(db, q) };
}

/** Every matching row, in ledger order (CSV export, comparisons). */
export function* iterateLedger(db: Db, f: LedgerFilter): Generator<LedgerRow> {
  const w = where(f);
  const order = `${SORT_COLUMNS[f.sort]} ${f.desc ? 'DESC' : 'ASC'}, seq`;
  for (const r of db.prepare<(string | number)[], LedgerDbRow>(`SELECT * FROM ledger WHERE ${w.sql} ORDER BY ${order}`).iterate(...w.params)) yield toLedgerRow(r);
}

/** Whole ledger of a run, in ledger order. */
export function readLedger(db: Db, runId: string): LedgerRow[] {
  return [...iterateLedger(db, { runId, sort: 'id', desc: false })];
}

export type Decision = 'approved' | 'declined' | 'hold' | 'pending';

/**
 * Records a review decision for each reward in one transaction: the decision log gets a row,
 * the ledger row its new status. Scheduled (not yet due) and paid rewards are left alone.
 * Returns the ids that were updated and those not found.
 */
export function reviewRewards(db: Db, runId: string, ids: readonly string[], decision: Decision, reason: string | null, now: string): { updated: number; missing: string[] } {
  const find = db.prepare<[string, string], { status: RewardStatus }>('SELECT status FROM ledger WHERE run_id = ? AND id = ?');
  const set = db.prepare('UPDATE ledger SET status = ?, review_reason = ? WHERE run_id = ? AND id = ?');
  const log = db.prepare('INSERT INTO reviews (run_id, reward_id, decision, reason, decided_at) VALUES (?, ?, ?, ?, ?)');
  const missing: string[] = [];
  let updated = 0;
  db.transaction(() => {
    for (const id of ids) {
      const row = find.get(runId, id);
      if (!row) {
        missing.push(id);
        continue;
      }
      if (row.status === 'scheduled' || row.status === 'paid') continue;
      set.run(decision, decision === 'declined' || decision === 'hold' ? reason : null, runId, id);
      log.run(runId, id, decision, reason, now);
      updated++;
    }
  })();
  return { updated, missing };
}

/** Per status and partner: counts and cents of rewards due in a month (the invoice preview). */
export function monthTotals(db: Db, runId: string, month: string): { status: RewardStatus; partnerKey: string; n: number; usd: number }[] {
  return db
    .prepare<[string, string], { status: RewardStatus; partnerKey: string; n: number; usd: number }>(
      `SELECT status, partner_key AS partnerKey, COUNT(*) AS n, SUM(amount_usd_minor) AS usd FROM ledger
       WHERE run_id = ? AND due_month = ? GROUP BY status, partner_key ORDER BY partner_key, status`,
    )
    .all(runId, month);
}

/** Months (`YYYY-MM`) that have rewards, ascending. */
export function ledgerMonths(db: Db, runId: string): string[] {
  return db.prepare<[string], { m: string }>('SELECT DISTINCT due_month AS m FROM ledger WHERE run_id = ? ORDER BY due_month').all(runId).map((r) => r.m);
}

/**
 * Writing a run's ledger: its own table filled as the replay streams rows and indexed once
 * complete, dropping it (cancel, failure, deletion, orphans), and review decisions on its rows.
 * The columns, the INSERT and the table's DDL come from `ledger-schema.ts`.
 */
import type { RewardRow, RewardStatus } from '../../engine/formats/report';
import type { Db } from './db';
import { retryBusy } from './errors';
import { INSERTED_CENTS_AT, ledgerIndexSql, ledgerInsertSql, ledgerInsertValues, ledgerSource, ledgerTableName, ledgerTableSql, quote } from './ledger-schema';

/** Rows per write transaction of `writeLedger`: large enough to be fast, small enough to keep readers responsive. */
export const LEDGER_BATCH = 10_000;

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
      db.exec(ledgerTableSql(q));
      if (db.prepare('UPDATE runs SET ledger_table = ? WHERE id = ?').run(name, runId).changes !== 1) throw new Error(`run ${runId} does not exist`);
    }).immediate(),
  );
  const insert = db.prepare(ledgerInsertSql(q));
  let count = 0;
  let cents = 0;
  const writeTx = db.transaction((rows: readonly RewardRow[], first: number): number => {
    let sum = 0;
    for (let i = 0; i < rows.length; i++) {
      const values = ledgerInsertValues(rows[i] as RewardRow, first + i);
      sum += values[INSERTED_CENTS_AT] as number;
      insert.run(values);
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
      for (const sql of ledgerIndexSql(name)) {
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
  const src = ledgerSource(db, runId);
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

/**
 * Replay runs: status and progress, the program they replayed (a snapshot, so a trace can be
 * recomputed after the program changed) and the report's parts other than the ledger.
 */
import { z } from 'zod';
import { ProgramSchema, type Program } from '../../engine/formats/program-schema';
import type { GroupChangeRow, PartnerStateRow, RejectedRow, Report, TagAppliedRow } from '../../engine/formats/report';
import { formatMinor } from '../../engine/money';
import os from 'node:os';
import type { RunPhase, RunResult, RunSummary } from '../contract';
import type { Db } from './db';
import { dropLedger, dropOrphanLedgers, type LedgerFilter, type LedgerSortNames, type LedgerTotals } from './ledger-repo';
import { parseColumn } from './rows';

interface RunRow {
  id: string;
  program_id: string;
  event_set_id: string | null;
  event_set_name: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  phase: 'queued' | RunPhase | null;
  processed: number;
  total: number;
  started_at: string;
  finished_at: string | null;
  as_of: string | null;
  reward_count: number;
  rewards_usd_minor: number;
  rejected_count: number;
  expectations_passed: number | null;
  error: string | null;
  label: string | null;
  note: string | null;
}

const SUMMARY_COLS = `id, program_id, event_set_id, event_set_name, status, phase, processed, total, started_at, finished_at, as_of,
  reward_count, rewards_usd_minor, rejected_count, expectations_passed, error, label, note`;

function toSummary(r: RunRow): RunSummary {
  const queued = r.status === 'running' && r.phase === 'queued';
  const phase = r.status === 'running' && r.phase !== null && r.phase !== 'queued' ? { phase: r.phase } : {};
  return {
    id: r.id,
    programId: r.program_id,
    eventSetId: r.event_set_id ?? '',
    eventSetName: r.event_set_name,
    status: queued ? 'queued' : r.status,
    ...phase,
    processed: r.processed,
    total: r.total,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    asOf: r.as_of,
    rewardCount: r.reward_count,
    rewardsUsd: formatMinor(r.rewards_usd_minor, 'USD'),
    rejectedCount: r.rejected_count,
    expectationsPassed: r.expectations_passed === null ? null : r.expectations_passed === 1,
    error: r.error,
    name: r.label,
    note: r.note,
  };
}

/**
 * The process (and the service in it) that replays a run. Another process sharing the data
 * folder treats the run as live while this process exists and its heartbeat is recent.
 */
export interface RunOwner {
  /** Random per service instance (two services in one process are two owners). */
  id: string;
  pid: number;
  host: string;
}

/** A fresh owner identity for this process. */
export function newRunOwner(id: string): RunOwner {
  return { id, pid: process.pid, host: os.hostname() };
}

/** How often an owner refreshes the heartbeat of its unfinished runs. */
export const HEARTBEAT_MS = 5_000;
/** A run whose heartbeat is older than this is taken as abandoned even if a process with its pid exists (pid reuse, a hung process). */
export const HEARTBEAT_STALE_MS = 60_000;

export interface NewRun {
  id: string;
  programId: string;
  eventSetId: string;
  eventSetName: string;
  program: Program;
  total: number;
  asOf: string | null;
  now: string;
  /** Who replays it; a run without an owner is abandoned at the next sweep. */
  owner?: RunOwner;
}

/** Stores a new run, queued for a worker. */
export function insertRun(db: Db, run: NewRun): void {
  db.prepare(
    `INSERT INTO runs (id, program_id, event_set_id, event_set_name, program_json, status, phase, total, started_at, as_of, owner, owner_pid, owner_host, heartbeat_at)
     VALUES (?, ?, ?, ?, ?, 'running', 'queued', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(run.id, run.programId, run.eventSetId, run.eventSetName, JSON.stringify(run.program), run.total, run.now, run.asOf, run.owner?.id ?? null, run.owner?.pid ?? null, run.owner?.host ?? null, Date.now());
}

/** Records what an unfinished run is doing now (shown to other processes reading the row). */
export function setRunPhase(db: Db, id: string, phase: RunPhase): void {
  db.prepare("UPDATE runs SET phase = ? WHERE id = ? AND status = 'running'").run(phase, id);
}

/** Refreshes the heartbeat of every unfinished run of `owner`. */
export function beatRuns(db: Db, ownerId: string, nowMs: number): void {
  db.prepare("UPDATE runs SET heartbeat_at = ? WHERE owner = ? AND status = 'running'").run(nowMs, ownerId);
}

/** Who replays an unfinished run (null for an ended or unknown run). */
export function getRunOwner(db: Db, id: string): (RunOwner & { heartbeatAt: number | null }) | null {
  const r = db
    .prepare<[string], { owner: string | null; owner_pid: number | null; owner_host: string | null; heartbeat_at: number | null }>(
      "SELECT owner, owner_pid, owner_host, heartbeat_at FROM runs WHERE id = ? AND status = 'running'",
    )
    .get(id);
  if (!r || r.owner === null || r.owner_pid === null) return null;
  return { id: r.owner, pid: r.owner_pid, host: r.owner_host ?? '', heartbeatAt: r.heartbeat_at };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user, so it is alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Why the owner of an unfinished run can no longer finish it, or null while it may. `me` is the
 * asking service: its own runs are never abandoned (it ends them itself).
 */
export function abandonedBecause(owner: (RunOwner & { heartbeatAt: number | null }) | null, me: RunOwner, nowMs: number): string | null {
  if (owner === null) return 'interrupted: the Offerflow process running this replay closed before it finished; run it again';
  if (owner.id === me.id) return null;
  const who = `the Offerflow process running this replay (pid ${owner.pid})`;
  // Another machine's pid cannot be checked from here; its heartbeat alone tells.
  if (owner.host === me.host && owner.pid !== me.pid && !pidAlive(owner.pid)) return `interrupted: ${who} ended before it finished; run it again`;
  if (owner.heartbeatAt === null || nowMs - owner.heartbeatAt > HEARTBEAT_STALE_MS) {
    return `interrupted: ${who} stopped answering (no heartbeat for over ${HEARTBEAT_STALE_MS / 1000} s); run it again`;
  }
  return null;
}

/** Ends one unfinished run as failed if its owner is gone; true when it did. */
export function reapRunIfAbandoned(db: Db, id: string, me: RunOwner, nowMs: number, now: string): boolean {
  const why = abandonedBecause(getRunOwner(db, id), me, nowMs);
  // An ended run has no owner row either; the UPDATE below only touches a run still running.
  if (why === null) return false;
  const ended = db.transaction(() => {
    const n = db.prepare("UPDATE runs SET status = 'failed', phase = NULL, error = ?, finished_at = ? WHERE id = ? AND status = 'running'").run(why, now, id).changes;
    if (n > 0) dropLedger(db, id);
    return n > 0;
  });
  return ended.immediate();
}

export function getRun(db: Db, id: string): RunSummary | null {
  const r = db.prepare<[string], RunRow>(`SELECT ${SUMMARY_COLS} FROM runs WHERE id = ?`).get(id);
  return r ? toSummary(r) : null;
}

export function listRuns(db: Db, programId: string): RunSummary[] {
  return db.prepare<[string], RunRow>(`SELECT ${SUMMARY_COLS} FROM runs WHERE program_id = ? ORDER BY started_at DESC, id`).all(programId).map(toSummary);
}

/** The program snapshot a run replayed. */
export function getRunProgram(db: Db, id: string): Program | null {
  const r = db.prepare<[string], { program_json: string }>('SELECT program_json FROM runs WHERE id = ?').get(id);
  return r ? parseColumn(ProgramSchema, r.program_json, 'run program') : null;
}

const NamesOnly = z.looseObject({
  partners: z.array(z.looseObject({ key: z.string(), name: z.string() })),
  triggers: z.array(z.looseObject({ id: z.string(), name: z.string() })),
});

/**
 * The names a ledger sorted by partner or trigger follows (`LedgerSortNames`), from the run's
 * program snapshot; undefined for other sorts. Reads only the names, not the whole program.
 */
export function ledgerSortNames(db: Db, runId: string, sort: LedgerFilter['sort']): LedgerSortNames | undefined {
  if (sort !== 'partnerKey' && sort !== 'triggerId') return undefined;
  const r = db.prepare<[string], { program_json: string }>('SELECT program_json FROM runs WHERE id = ?').get(runId);
  if (!r) return undefined;
  const p = parseColumn(NamesOnly, r.program_json, 'run program');
  return sort === 'partnerKey' ? new Map(p.partners.map((x) => [x.key, x.name])) : new Map(p.triggers.map((x) => [x.id, x.name]));
}

export function setRunProgress(db: Db, id: string, processed: number): void {
  db.prepare("UPDATE runs SET processed = ? WHERE id = ? AND status = 'running'").run(processed, id);
}

/**
 * Records a finished run's report parts and its ledger's totals (the ledger is written
 * separately, and with a streamed ledger `report.rewards` is empty). `hasExpectations` false
 * (the set has no `expect` block) stores "no expectations" (null), not a pass: the engine's
 * result passes trivially then, and the run header must not say "expectations passed".
 */
export function finishRun(db: Db, id: string, report: Report, ledger: LedgerTotals, now: string, hasExpectations = true): void {
  db.prepare(
    `UPDATE runs SET status = 'done', phase = NULL, processed = total, finished_at = ?, reward_count = ?, rewards_usd_minor = ?,
       rejected_count = ?, expectations_passed = ?, group_changes_json = ?, tags_applied_json = ?, partners_json = ?,
       rejected_json = ?, expectations_json = ? WHERE id = ?`,
  ).run(
    now,
    ledger.count,
    ledger.cents,
    report.rejected.length,
    hasExpectations ? (report.expectations.passed ? 1 : 0) : null,
    JSON.stringify(report.groupChanges),
    JSON.stringify(report.tagsApplied),
    JSON.stringify(report.partners),
    JSON.stringify(report.rejected),
    JSON.stringify(report.expectations),
    id,
  );
}

/** Ends a run that did not finish (cancelled, failed, interrupted). */
export function endRun(db: Db, id: string, status: 'cancelled' | 'failed', error: string | null, now: string): void {
  db.prepare("UPDATE runs SET status = ?, phase = NULL, error = ?, finished_at = ? WHERE id = ? AND status = 'running'").run(status, error, now, id);
}

/**
 * The start-up sweep: runs whose owner is gone (a previous launch that ended mid-replay, another
 * process that was killed) are marked failed with a sentence saying so and their partial ledgers
 * removed; runs of live owners (another window, a host) are left alone. Ledger tables of runs
 * that ended unfinished, and of runs that no longer exist, are dropped too.
 */
export function markInterruptedRuns(db: Db, me: RunOwner, now: string, nowMs: number = Date.now()): number {
  let n = 0;
  for (const id of db.prepare<[], string>("SELECT id FROM runs WHERE status = 'running'").pluck().all()) if (reapRunIfAbandoned(db, id, me, nowMs, now)) n++;
  // Any unfinished run whose worker was stopped before it could drop its table.
  for (const id of db.prepare<[], string>("SELECT id FROM runs WHERE status NOT IN ('done', 'running') AND ledger_table IS NOT NULL").pluck().all()) dropLedger(db, id);
  dropOrphanLedgers(db);
  return n;
}

const S = z.string();
const NS = z.string().nullable();
const Parts = {
  groupChanges: z.array(z.object({ partnerKey: S, from: NS, to: S, triggerId: NS, eventId: S, at: S })) satisfies z.ZodType<GroupChangeRow[]>,
  tagsApplied: z.array(z.object({ partnerKey: S, tag: S, triggerId: S, eventId: S, at: S })) satisfies z.ZodType<TagAppliedRow[]>,
  partners: z.array(z.object({ key: S, group: NS, tier: NS, tags: z.array(S) })) satisfies z.ZodType<PartnerStateRow[]>,
  rejected: z.array(z.object({ eventId: S, index: z.number(), message: S })) satisfies z.ZodType<RejectedRow[]>,
  expectations: z.object({
    passed: z.boolean(),
    failures: z.array(
      z.object({
        kind: z.enum(['missing_reward', 'unexpected_reward', 'partner', 'rejected', 'not_rejected']),
        message: S,
        expected: z.unknown().optional(),
        actual: z.unknown().optional(),
      }),
    ),
  }),
};

/** A run with its report parts (the ledger is paged separately). */
export function getRunResult(db: Db, id: string): RunResult | null {
  const run = getRun(db, id);
  if (!run) return null;
  const r = db
    .prepare<[string], { g: string; t: string; p: string; r: string; e: string }>(
      'SELECT group_changes_json AS g, tags_applied_json AS t, partners_json AS p, rejected_json AS r, expectations_json AS e FROM runs WHERE id = ?',
    )
    .get(id);
  if (!r) return null;
  return {
    run,
    groupChanges: parseColumn(Parts.groupChanges, r.g, 'group changes'),
    tagsApplied: parseColumn(Parts.tagsApplied, r.t, 'tags applied'),
    partners: parseColumn(Parts.partners, r.p, 'partner states'),
    rejected: parseColumn(Parts.rejected, r.r, 'rejected events'),
    expectations: parseColumn(Parts.expectations, r.e, 'expectations'),
  };
}

/** Sets a run's name and/or note (`null` clears one; a field left undefined is kept). */
export function annotateRun(db: Db, id: string, a: { name?: string | null; note?: string | null }): boolean {
  const cur = db.prepare<[string], { label: string | null; note: string | null }>('SELECT label, note FROM runs WHERE id = ?').get(id);
  if (!cur) return false;
  db.prepare('UPDATE runs SET label = ?, note = ? WHERE id = ?').run(a.name === undefined ? cur.label : a.name, a.note === undefined ? cur.note : a.note, id);
  return true;
}

export function deleteRun(db: Db, id: string): boolean {
  return db
    .transaction(() => {
      dropLedger(db, id);
      return db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0;
    })
    .immediate();
}

/** What a worker needs to (re)compute a run: the program snapshot, the event set and the as-of moment. */
export function getRunInputs(db: Db, id: string): { program: Program; eventSetId: string | null; asOf: string | null } | null {
  const r = db.prepare<[string], { event_set_id: string | null; as_of: string | null }>('SELECT event_set_id, as_of FROM runs WHERE id = ?').get(id);
  const program = getRunProgram(db, id);
  return r && program ? { program, eventSetId: r.event_set_id, asOf: r.as_of } : null;
}

/** Removes a run's ledger rows (a run cancelled or failed while its ledger was being written). */
export function clearLedger(db: Db, id: string): void {
  dropLedger(db, id);
}

/** Replay runs: start/progress/cancel (through the worker), results, ledger pages, CSV, trace, compare. */
import { blockingIssues, validateProgram } from '../../engine/validate';
import { parseInstant } from '../../engine/time';
import { runInProgress, type Handlers, type RunSummary } from '../contract';
import { Failure, failureFromIssues } from '../failure';
import { deleteRun, getEventSetSummary, getRun, getRunResult, insertRun, iterateLedger, ledgerSortNames, listRuns, newId, queryLedgerPage, reapRunIfAbandoned } from '../store';
import { compareRuns } from './compare';
import { ledgerCsv } from './ledger-csv';
import { requireProgram, type ServiceContext } from './context';

type ReplayChannels =
  | 'replay.start' | 'replay.progress' | 'replay.cancel' | 'replay.result' | 'replay.runs' | 'replay.ledger'
  | 'replay.ledgerCsv' | 'replay.trace' | 'replay.compare' | 'replay.delete';

/** A CSV larger than this would not fit in one string (and no spreadsheet opens it). */
export const MAX_CSV_ROWS = 1_000_000;
/** Above this many rows the CSV is written in a worker, keeping the main thread free. */
const WORKER_CSV_ROWS = 20_000;

/**
 * The run as it stands: with this service's live progress for its own runs (the row is only
 * written every few thousand events); a run of another process whose owner is gone is ended
 * as failed here, with a sentence saying why.
 */
export function requireRun(ctx: ServiceContext, runId: string, field = 'runId'): RunSummary {
  const run = getRun(ctx.db, runId);
  if (!run) throw new Failure(`run "${runId}" does not exist`, field);
  if (!runInProgress(run.status)) return run;
  const live = ctx.runs.live(runId);
  if (!live) {
    if (reapRunIfAbandoned(ctx.db, runId, ctx.runs.owner, Date.now(), ctx.now())) return getRun(ctx.db, runId) ?? run;
    return run;
  }
  if (live.state === 'queued') return { ...run, status: 'queued', queuePosition: live.position };
  const saving = live.phase === 'saving' ? { saved: live.saved, toSave: live.toSave } : {};
  // The live count only grows; the stored one can be ahead of a worker still loading.
  const processed = Math.max(run.processed, live.processed);
  return { ...run, status: 'running', processed, total: live.total || run.total, phase: live.phase, ...saving };
}

function requireDone(ctx: ServiceContext, runId: string, field = 'runId'): RunSummary {
  const run = requireRun(ctx, runId, field);
  if (run.status !== 'done') throw new Failure(`run "${runId}" is ${run.status}; only a finished run has a ledger`, field);
  return run;
}

function start(ctx: ServiceContext, programId: string, eventSetId: string, asOf: string | undefined): { runId: string } {
  const program = requireProgram(ctx, programId);
  const set = getEventSetSummary(ctx.db, eventSetId);
  if (!set || set.programId !== programId) throw new Failure(`event set "${eventSetId}" does not exist in this program`, 'eventSetId');
  if (asOf !== undefined && parseInstant(asOf) === null) throw new Failure('asOf is not an ISO-8601 instant (e.g. 2026-02-01T09:00:00Z)', 'asOf');
  const blocking = blockingIssues(program, validateProgram(program));
  if (blocking.length > 0) throw failureFromIssues('the program has errors to fix before a replay', blocking.map((i) => ({ path: i.path, message: i.message })));
  const runId = newId('run');
  insertRun(ctx.db, { id: runId, programId, eventSetId, eventSetName: set.name, program, total: set.eventCount, asOf: asOf ?? null, now: ctx.now(), owner: ctx.runs.owner });
  ctx.runs.start(runId, programId);
  return { runId };
}

export function replayHandlers(ctx: ServiceContext): Pick<Handlers, ReplayChannels> {
  return {
    'replay.start': ({ programId, eventSetId, asOf }) => start(ctx, programId, eventSetId, asOf),
    'replay.progress': ({ runId }) => requireRun(ctx, runId),
    'replay.cancel': async ({ runId }) => {
      requireRun(ctx, runId);
      await ctx.runs.cancel(runId);
      return requireRun(ctx, runId);
    },
    'replay.result': ({ runId }) => {
      requireRun(ctx, runId);
      const r = getRunResult(ctx.db, runId);
      if (!r) throw new Failure(`run "${runId}" does not exist`, 'runId');
      return { ...r, run: requireRun(ctx, runId) };
    },
    'replay.runs': ({ programId }) => {
      requireProgram(ctx, programId);
      return listRuns(ctx.db, programId).map((r) => (runInProgress(r.status) ? requireRun(ctx, r.id) : r));
    },
    'replay.ledger': (q) => {
      requireDone(ctx, q.runId);
      return { rows: queryLedgerPage(ctx.db, q, ledgerSortNames(ctx.db, q.runId, q.sort)), ...ctx.totals.get(q) };
    },
    'replay.ledgerCsv': async (f) => {
      const run = requireDone(ctx, f.runId);
      const { total } = ctx.totals.get(f);
      if (total > MAX_CSV_ROWS) {
        throw new Failure(`the CSV would hold ${total} rewards; filter the ledger (partner, trigger, status or month) to at most ${MAX_CSV_ROWS}`, 'runId');
      }
      const text = total > WORKER_CSV_ROWS ? await ctx.runs.ledgerCsv(f) : ledgerCsv(iterateLedger(ctx.db, f, ledgerSortNames(ctx.db, f.runId, f.sort)));
      return { fileName: `ledger-${run.eventSetName.replace(/[^\w.-]+/g, '-') || run.id}.csv`, text };
    },
    'replay.trace': async ({ runId, eventId }) => {
      requireDone(ctx, runId);
      const traces = await ctx.runs.trace(runId, eventId);
      if (traces.length === 0) throw new Failure(`event "${eventId}" is not in this run's event set`, 'eventId');
      return traces;
    },
    'replay.compare': ({ beforeRunId, afterRunId }) => {
      requireDone(ctx, beforeRunId, 'beforeRunId');
      requireDone(ctx, afterRunId, 'afterRunId');
      return compareRuns(ctx.db, beforeRunId, afterRunId);
    },
    'replay.delete': async ({ runId }) => {
      requireRun(ctx, runId);
      await ctx.runs.cancel(runId);
      deleteRun(ctx.db, runId);
      ctx.totals.forget(runId);
      return { deleted: true as const };
    },
  };
}

/**
 * Runs replays off the main thread, through a small pool of workers: at most `poolSize` replays
 * at once (cores − 1, at least 1), the others wait in a queue in start order and say so
 * (`queued`, with their place in line). One-answer jobs (a trace, a large import or CSV) have a
 * lane of their own, so a trace never waits behind a long replay, and they are capped too.
 * Live progress is kept in memory; cancellation goes through a shared flag the engine's
 * `shouldCancel` reads. Every run this service starts carries its owner identity, and the
 * owner's heartbeat is refreshed while it has unfinished runs, so another process sharing the
 * data folder can tell a live run from an abandoned one.
 */
import os from 'node:os';
import type { EventTrace } from '../../engine/formats/report';
import type { RunPhase } from '../contract';
import { Failure } from '../failure';
import { beatRuns, endRun, getRunOwner, HEARTBEAT_MS, nowIso, type Db, type LedgerFilter, type RunOwner } from '../store';
import { jobLane, type StartJob } from './job-lane';
import type { WorkerInput, WorkerMessage } from './protocol';
import { bestEffort, launchRun, stopRun, type Active } from './run-worker';
import type { SpawnWorker } from './spawn';
import type { ImportInput } from './jobs';

export interface RunManager {
  /** This service's owner identity (stored on each run it starts). */
  owner: RunOwner;
  /** Queues the replay of a run already stored (queued, owned by this service); it starts when a worker is free. */
  start(runId: string, programId: string): void;
  /**
   * Stops a queued or running replay and waits until its worker has ended (no-op once it has
   * ended). A run another live process is replaying cannot be stopped from here: a Failure
   * says so.
   */
  cancel(runId: string): Promise<void>;
  /** Cancels every queued or running replay of a program (before deleting it). */
  cancelProgram(programId: string): Promise<void>;
  live(runId: string): LiveState | undefined;
  /** Recomputes the traces of one event of a finished run in a worker. */
  trace(runId: string, eventId: string): Promise<EventTrace[]>;
  /**
   * Parses and stores a large event-set file in a worker (the answer is `imported`, `invalid`
   * or, once `signal` aborts, `importCancelled`, with nothing stored); `onProgress` hears its
   * progress messages.
   */
  importEventSet(input: ImportInput, follow?: { signal?: AbortSignal | undefined; onProgress?: (m: WorkerMessage) => void }): Promise<WorkerMessage>;
  /** Writes a large ledger's CSV in a worker. */
  ledgerCsv(filter: LedgerFilter): Promise<string>;
  /** Stops every worker and drops the queue (app quit). */
  close(): Promise<void>;
}

/** What this service knows about one of its unfinished runs. */
export type LiveState =
  | { state: 'queued'; position: number }
  | { state: 'running'; phase: RunPhase; processed: number; total: number; saved: number; toSave: number };

export interface ManagerOptions {
  db: Db;
  dbFile: string;
  nativeBinding?: string | undefined;
  spawn: SpawnWorker;
  owner: RunOwner;
  /** Replays at once; default cores − 1, at least 1. */
  poolSize?: number;
  /** One-answer jobs (trace, import, CSV) at once; default 1. */
  jobSlots?: number;
}

/** Cores − 1 (the main thread keeps one), at least 1. */
export function defaultPoolSize(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

export function createRunManager(opts: ManagerOptions): RunManager {
  const poolSize = Math.max(1, opts.poolSize ?? defaultPoolSize());
  const active = new Map<string, Active>();
  const waiting: { runId: string; programId: string }[] = [];
  let closed = false;

  const startJob = workerStarter(opts);
  const ask = jobLane(startJob, Math.max(1, opts.jobSlots ?? 1));
  // The heartbeat runs only while this service has unfinished runs.
  const heartbeat = ownerHeartbeat(() => active.size + waiting.length > 0, () => bestEffort(() => beatRuns(opts.db, opts.owner.id, Date.now())));

  /** Starts queued runs while a worker slot is free. */
  function pump(): void {
    while (!closed && active.size < poolSize) {
      const next = waiting.shift();
      if (!next) return;
      const { runId } = next;
      active.set(runId, launchRun(opts.db, startJob, runId, next.programId, () => {
        active.delete(runId);
        pump();
      }));
    }
  }

  async function cancel(runId: string): Promise<void> {
    const q = waiting.findIndex((w) => w.runId === runId);
    if (q >= 0) {
      waiting.splice(q, 1);
      endRun(opts.db, runId, 'cancelled', null, nowIso());
      return;
    }
    const a = active.get(runId);
    if (a) return stopRun(opts.db, runId, a);
    // Not ours: either it has ended, or another process replays it (it must be stopped there).
    const owner = getRunOwner(opts.db, runId);
    if (owner && owner.id !== opts.owner.id) {
      throw new Failure(`run "${runId}" is being replayed by another Offerflow process (pid ${owner.pid}); it can only be cancelled there`, 'runId');
    }
  }

  return {
    owner: opts.owner,
    start: (runId, programId) => {
      waiting.push({ runId, programId });
      heartbeat.ensure();
      pump();
    },
    cancel,
    cancelProgram: async (programId) => {
      const mine = [...waiting.filter((w) => w.programId === programId).map((w) => w.runId), ...[...active].filter(([, a]) => a.programId === programId).map(([id]) => id)];
      await Promise.all(mine.map((id) => cancel(id)));
    },
    live: (runId) => liveState(waiting, active, runId),
    trace: async (runId, eventId) => (await ask({ kind: 'trace', runId, eventId }, ['trace'])).traces,
    importEventSet: (input, follow) => ask({ kind: 'import', ...input }, ['imported', 'invalid', 'importCancelled'], follow),
    ledgerCsv: async (filter) => (await ask({ kind: 'csv', filter }, ['csv'])).text,
    close: async () => {
      closed = true;
      const queued = waiting.splice(0).map((w) => w.runId);
      for (const id of queued) bestEffort(() => endRun(opts.db, id, 'cancelled', null, nowIso()));
      await Promise.all([...active.keys()].map((id) => cancel(id)));
      heartbeat.stop();
    },
  };
}

/** Starts a job's worker with its own cancel flag. */
function workerStarter(opts: ManagerOptions): StartJob {
  return (job) => {
    const cancel = new SharedArrayBuffer(4);
    const input: WorkerInput = { dbFile: opts.dbFile, nativeBinding: opts.nativeBinding, job, cancel };
    return { worker: opts.spawn(input), flag: new Int32Array(cancel) };
  };
}

/** What this service knows about `runId`: its place in the queue, or its live progress. */
function liveState(waiting: readonly { runId: string }[], active: ReadonlyMap<string, Active>, runId: string): LiveState | undefined {
  const q = waiting.findIndex((w) => w.runId === runId);
  if (q >= 0) return { state: 'queued', position: q + 1 };
  const a = active.get(runId);
  return a && { state: 'running', phase: a.phase, processed: a.processed, total: a.total, saved: a.saved, toSave: a.toSave };
}

/** A timer calling `beat` every HEARTBEAT_MS while `busy()`; it stops itself when idle. */
function ownerHeartbeat(busy: () => boolean, beat: () => void): { ensure(): void; stop(): void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = (): void => {
    clearInterval(timer);
    timer = undefined;
  };
  const tick = (): void => {
    if (!busy()) return stop();
    beat();
  };
  return {
    ensure: () => {
      if (timer === undefined) timer = setInterval(tick, HEARTBEAT_MS).unref();
    },
    stop,
  };
}

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
import type { Worker } from 'node:worker_threads';
import type { EventTrace } from '../../engine/formats/report';
import type { RunPhase } from '../contract';
import { Failure } from '../failure';
import { beatRuns, clearLedger, StoreProblem, endRun, getRun, getRunOwner, HEARTBEAT_MS, nowIso, setRunPhase, type Db, type LedgerFilter, type RunOwner } from '../store';
import type { WorkerInput, WorkerJob, WorkerMessage } from './protocol';
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

interface Active {
  programId: string;
  worker: Worker;
  flag: Int32Array;
  ended: Promise<void>;
  phase: RunPhase;
  processed: number;
  total: number;
  saved: number;
  toSave: number;
}

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

/** Runs a store write that only shows progress to others; a busy file must not break the run. */
function bestEffort(fn: () => void): void {
  try {
    fn();
  } catch {
    // The row is a display fallback (other processes); the worker's own writes carry the result.
  }
}

export function createRunManager(opts: ManagerOptions): RunManager {
  const poolSize = Math.max(1, opts.poolSize ?? defaultPoolSize());
  const active = new Map<string, Active>();
  const waiting: { runId: string; programId: string }[] = [];
  let closed = false;

  /** Drops the ledger of a run that did not finish; a later start-up sweeps it if this fails. */
  function dropPartialLedger(runId: string): void {
    bestEffort(() => {
      if (getRun(opts.db, runId)?.status !== 'done') clearLedger(opts.db, runId);
    });
  }

  function spawn(job: WorkerJob): { worker: Worker; flag: Int32Array } {
    const cancel = new SharedArrayBuffer(4);
    const input: WorkerInput = { dbFile: opts.dbFile, nativeBinding: opts.nativeBinding, job, cancel };
    return { worker: opts.spawn(input), flag: new Int32Array(cancel) };
  }

  // The heartbeat runs only while this service has unfinished runs.
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  function beat(): void {
    if (active.size + waiting.length === 0) {
      clearInterval(heartbeat);
      heartbeat = undefined;
      return;
    }
    bestEffort(() => beatRuns(opts.db, opts.owner.id, Date.now()));
  }
  function ensureHeartbeat(): void {
    if (heartbeat === undefined) heartbeat = setInterval(beat, HEARTBEAT_MS).unref();
  }

  function launch(runId: string, programId: string): void {
    const { worker, flag } = spawn({ kind: 'run', runId });
    let resolveEnded: () => void = () => undefined;
    const ended = new Promise<void>((r) => (resolveEnded = r));
    const a: Active = { programId, worker, flag, phase: 'loading', processed: 0, total: 0, saved: 0, toSave: 0, ended };
    active.set(runId, a);
    bestEffort(() => setRunPhase(opts.db, runId, 'loading'));
    let failure: string | null = null;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'failed') failure = m.error;
      if (m.type === 'progress') {
        if (a.phase === 'loading') bestEffort(() => setRunPhase(opts.db, runId, 'replaying'));
        // Progress never goes backwards (a late message after the saving phase began).
        if (a.phase !== 'saving') Object.assign(a, { phase: 'replaying', processed: Math.max(a.processed, m.processed), total: m.total });
      }
      if (m.type === 'saving') {
        if (a.phase !== 'saving') bestEffort(() => setRunPhase(opts.db, runId, 'saving'));
        Object.assign(a, { phase: 'saving', saved: m.saved, toSave: m.toSave });
      }
    });
    worker.on('error', (e) => bestEffort(() => endRun(opts.db, runId, 'failed', `the replay worker crashed: ${e.message}`, nowIso())));
    worker.on('exit', (code) => {
      // A worker that ended without ending its run (out of memory, killed, its connection
      // refused) must not leave it "running", nor the part of its ledger it had written. Both
      // steps are no-ops for a run the worker ended itself.
      const why = failure ?? (code === 0 ? 'the replay worker ended without finishing the run' : `the replay worker stopped (exit code ${code})`);
      bestEffort(() => endRun(opts.db, runId, 'failed', why, nowIso()));
      dropPartialLedger(runId);
      active.delete(runId);
      resolveEnded();
      pump();
    });
  }

  /** Starts queued runs while a worker slot is free. */
  function pump(): void {
    while (!closed && active.size < poolSize) {
      const next = waiting.shift();
      if (!next) return;
      launch(next.runId, next.programId);
    }
  }

  function start(runId: string, programId: string): void {
    waiting.push({ runId, programId });
    ensureHeartbeat();
    pump();
  }

  async function cancel(runId: string): Promise<void> {
    const q = waiting.findIndex((w) => w.runId === runId);
    if (q >= 0) {
      waiting.splice(q, 1);
      endRun(opts.db, runId, 'cancelled', null, nowIso());
      return;
    }
    const a = active.get(runId);
    if (!a) {
      // Not ours: either it has ended, or another process replays it (it must be stopped there).
      const owner = getRunOwner(opts.db, runId);
      if (owner && owner.id !== opts.owner.id) {
        throw new Failure(`run "${runId}" is being replayed by another Offerflow process (pid ${owner.pid}); it can only be cancelled there`, 'runId');
      }
      return;
    }
    Atomics.store(a.flag, 0, 1);
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
    if ((await Promise.race([a.ended, timeout])) === 'timeout') {
      await a.worker.terminate();
      endRun(opts.db, runId, 'cancelled', null, nowIso());
      dropPartialLedger(runId);
    }
  }

  // The lane for one-answer jobs: at most `jobSlots` workers, the rest wait their turn.
  const jobSlots = Math.max(1, opts.jobSlots ?? 1);
  let jobsRunning = 0;
  const jobQueue: (() => void)[] = [];
  async function inJobLane<T>(fn: () => Promise<T>): Promise<T> {
    if (jobsRunning >= jobSlots) await new Promise<void>((r) => jobQueue.push(r));
    jobsRunning++;
    try {
      return await fn();
    } finally {
      jobsRunning--;
      jobQueue.shift()?.();
    }
  }

  /** Runs a one-answer job: resolves with its first answer of an accepted type. */
  function ask<T extends WorkerMessage['type']>(
    job: WorkerJob,
    types: readonly T[],
    follow: { signal?: AbortSignal | undefined; onProgress?: (m: WorkerMessage) => void } = {},
  ): Promise<Extract<WorkerMessage, { type: T }>> {
    return inJobLane(
      () =>
        new Promise((resolve, reject) => {
          const { worker, flag } = spawn(job);
          const stop = (): void => void Atomics.store(flag, 0, 1);
          if (follow.signal?.aborted) stop();
          follow.signal?.addEventListener('abort', stop, { once: true });
          worker.on('message', (m: WorkerMessage) => {
            follow.onProgress?.(m);
            if ((types as readonly string[]).includes(m.type)) resolve(m as Extract<WorkerMessage, { type: T }>);
            else if (m.type === 'failed') reject(m.known === true ? new StoreProblem(m.error) : new Error(m.error));
          });
          worker.on('error', reject);
          // Settles the lane slot once the worker is really gone (a resolved promise ignores this).
          worker.on('exit', () => reject(new Error(`the ${job.kind} worker ended without an answer`)));
        }),
    );
  }

  const trace = async (runId: string, eventId: string): Promise<EventTrace[]> => (await ask({ kind: 'trace', runId, eventId }, ['trace'])).traces;

  return {
    owner: opts.owner,
    start,
    cancel,
    cancelProgram: async (programId) => {
      const mine = [...waiting.filter((w) => w.programId === programId).map((w) => w.runId), ...[...active].filter(([, a]) => a.programId === programId).map(([id]) => id)];
      await Promise.all(mine.map((id) => cancel(id)));
    },
    live: (runId) => {
      const q = waiting.findIndex((w) => w.runId === runId);
      if (q >= 0) return { state: 'queued', position: q + 1 };
      const a = active.get(runId);
      return a && { state: 'running', phase: a.phase, processed: a.processed, total: a.total, saved: a.saved, toSave: a.toSave };
    },
    trace,
    importEventSet: (input, follow) => ask({ kind: 'import', ...input }, ['imported', 'invalid', 'importCancelled'], follow),
    ledgerCsv: async (filter) => (await ask({ kind: 'csv', filter }, ['csv'])).text,
    close: async () => {
      closed = true;
      const queued = waiting.splice(0).map((w) => w.runId);
      for (const id of queued) bestEffort(() => endRun(opts.db, id, 'cancelled', null, nowIso()));
      await Promise.all([...active.keys()].map((id) => cancel(id)));
      clearInterval(heartbeat);
    },
  };
}

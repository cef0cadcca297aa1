/**
 * Runs replays off the main thread: one worker per run (and per on-demand trace), live progress
 * kept in memory, cancellation through a shared flag the engine's `shouldCancel` reads.
 */
import type { Worker } from 'node:worker_threads';
import type { EventTrace } from '../../engine/formats/report';
import { clearLedger, endRun, getRun, nowIso, type Db, type LedgerFilter } from '../store';
import type { WorkerInput, WorkerJob, WorkerMessage } from './protocol';
import type { SpawnWorker } from './spawn';
import type { ImportInput } from './jobs';

export interface RunManager {
  /** Starts the worker of a run already stored with status `running`. */
  start(runId: string, programId: string): void;
  /** Asks a running replay to stop and waits until its worker has ended (no-op when idle). */
  cancel(runId: string): Promise<void>;
  /** Cancels every running replay of a program (before deleting it). */
  cancelProgram(programId: string): Promise<void>;
  live(runId: string): LiveProgress | undefined;
  /** Recomputes the traces of one event of a finished run in a worker. */
  trace(runId: string, eventId: string): Promise<EventTrace[]>;
  /** Parses and stores a large event-set file in a worker (the answer is `imported` or `invalid`). */
  importEventSet(input: ImportInput): Promise<WorkerMessage>;
  /** Writes a large ledger's CSV in a worker. */
  ledgerCsv(filter: LedgerFilter): Promise<string>;
  /** Stops every worker (app quit). */
  close(): Promise<void>;
}

/** What the worker last reported about a running replay. */
export interface LiveProgress {
  processed: number;
  total: number;
  phase: 'replaying' | 'saving';
  saved: number;
  toSave: number;
}

interface Active extends LiveProgress {
  programId: string;
  worker: Worker;
  flag: Int32Array;
  ended: Promise<void>;
}

export interface ManagerOptions {
  db: Db;
  dbFile: string;
  nativeBinding?: string | undefined;
  spawn: SpawnWorker;
}

export function createRunManager(opts: ManagerOptions): RunManager {
  const active = new Map<string, Active>();

  /** Drops the ledger of a run that did not finish; a later start-up sweeps it if this fails. */
  function dropPartialLedger(runId: string): void {
    try {
      if (getRun(opts.db, runId)?.status !== 'done') clearLedger(opts.db, runId);
    } catch {
      // Busy or closing: markInterruptedRuns drops the ledgers of unfinished runs at the next start.
    }
  }

  function spawn(job: WorkerJob): { worker: Worker; flag: Int32Array } {
    const cancel = new SharedArrayBuffer(4);
    const input: WorkerInput = { dbFile: opts.dbFile, nativeBinding: opts.nativeBinding, job, cancel };
    return { worker: opts.spawn(input), flag: new Int32Array(cancel) };
  }

  function start(runId: string, programId: string): void {
    const { worker, flag } = spawn({ kind: 'run', runId });
    let resolveEnded: () => void = () => undefined;
    const ended = new Promise<void>((r) => (resolveEnded = r));
    const a: Active = { programId, worker, flag, processed: 0, total: 0, phase: 'replaying', saved: 0, toSave: 0, ended };
    active.set(runId, a);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') Object.assign(a, { processed: m.processed, total: m.total });
      if (m.type === 'saving') Object.assign(a, { phase: 'saving', saved: m.saved, toSave: m.toSave });
    });
    worker.on('error', (e) => endRun(opts.db, runId, 'failed', `the replay worker crashed: ${e.message}`, nowIso()));
    worker.on('exit', (code) => {
      // A worker that died without ending its run (out of memory, killed) must not leave it
      // "running", nor the part of its ledger it had written.
      if (code !== 0) {
        endRun(opts.db, runId, 'failed', `the replay worker stopped (exit code ${code})`, nowIso());
        dropPartialLedger(runId);
      }
      active.delete(runId);
      resolveEnded();
    });
  }

  async function cancel(runId: string): Promise<void> {
    const a = active.get(runId);
    if (!a) return;
    Atomics.store(a.flag, 0, 1);
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
    if ((await Promise.race([a.ended, timeout])) === 'timeout') {
      await a.worker.terminate();
      endRun(opts.db, runId, 'cancelled', null, nowIso());
      dropPartialLedger(runId);
    }
  }

  /** Runs a one-answer job: resolves with its first answer of an accepted type. */
  function ask<T extends WorkerMessage['type']>(job: WorkerJob, types: readonly T[]): Promise<Extract<WorkerMessage, { type: T }>> {
    const { worker } = spawn(job);
    return new Promise((resolve, reject) => {
      worker.on('message', (m: WorkerMessage) => {
        if ((types as readonly string[]).includes(m.type)) resolve(m as Extract<WorkerMessage, { type: T }>);
        else if (m.type === 'failed') reject(new Error(m.error));
      });
      worker.on('error', reject);
      worker.on('exit', () => reject(new Error(`the ${job.kind} worker ended without an answer`)));
    });
  }

  const trace = async (runId: string, eventId: string): Promise<EventTrace[]> => (await ask({ kind: 'trace', runId, eventId }, ['trace'])).traces;

  return {
    start,
    cancel,
    cancelProgram: async (programId) => {
      await Promise.all([...active].filter(([, a]) => a.programId === programId).map(([id]) => cancel(id)));
    },
    live: (runId) => {
      const a = active.get(runId);
      return a && a.total > 0 ? { processed: a.processed, total: a.total, phase: a.phase, saved: a.saved, toSave: a.toSave } : undefined;
    },
    trace,
    importEventSet: (input) => ask({ kind: 'import', ...input }, ['imported', 'invalid']),
    ledgerCsv: async (filter) => (await ask({ kind: 'csv', filter }, ['csv'])).text,
    close: async () => {
      await Promise.all([...active.keys()].map((id) => cancel(id)));
    },
  };
}

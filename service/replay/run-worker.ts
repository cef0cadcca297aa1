/**
 * One replay in its worker, as the run manager follows it: live progress from the worker's
 * messages (mirrored to the store's phase for other processes), and a run that its worker left
 * unfinished (crash, out of memory, killed) ended as failed with its partial ledger dropped.
 */
import type { Worker } from 'node:worker_threads';
import type { RunPhase } from '../contract';
import { clearLedger, endRun, getRun, nowIso, setRunPhase, type Db } from '../store';
import type { StartJob } from './job-lane';
import type { WorkerMessage } from './protocol';

/** A replay this service is running. */
export interface Active {
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

/** Runs a store write that only shows progress to others; a busy file must not break the run. */
export function bestEffort(fn: () => void): void {
  try {
    fn();
  } catch {
    // The row is a display fallback (other processes); the worker's own writes carry the result.
  }
}

/** Drops the ledger of a run that did not finish; a later start-up sweeps it if this fails. */
export function dropPartialLedger(db: Db, runId: string): void {
  bestEffort(() => {
    if (getRun(db, runId)?.status !== 'done') clearLedger(db, runId);
  });
}

/** Keeps `a` current from one worker message. */
function follow(db: Db, runId: string, a: Active, m: WorkerMessage): void {
  if (m.type === 'progress') {
    if (a.phase === 'loading') bestEffort(() => setRunPhase(db, runId, 'replaying'));
    // Progress never goes backwards (a late message after the saving phase began).
    if (a.phase !== 'saving') Object.assign(a, { phase: 'replaying', processed: Math.max(a.processed, m.processed), total: m.total });
  }
  if (m.type === 'saving') {
    if (a.phase !== 'saving') bestEffort(() => setRunPhase(db, runId, 'saving'));
    Object.assign(a, { phase: 'saving', saved: m.saved, toSave: m.toSave });
  }
}

/** Starts the replay of `runId` in a worker; `onExit` hears when the worker is gone. */
export function launchRun(db: Db, startJob: StartJob, runId: string, programId: string, onExit: () => void): Active {
  const { worker, flag } = startJob({ kind: 'run', runId });
  let resolveEnded: () => void = () => undefined;
  const ended = new Promise<void>((r) => (resolveEnded = r));
  const a: Active = { programId, worker, flag, phase: 'loading', processed: 0, total: 0, saved: 0, toSave: 0, ended };
  bestEffort(() => setRunPhase(db, runId, 'loading'));
  let failure: string | null = null;
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'failed') failure = m.error;
    follow(db, runId, a, m);
  });
  worker.on('error', (e) => bestEffort(() => endRun(db, runId, 'failed', `the replay worker crashed: ${e.message}`, nowIso())));
  worker.on('exit', (code) => {
    // A worker that ended without ending its run (out of memory, killed, its connection
    // refused) must not leave it "running", nor the part of its ledger it had written. Both
    // steps are no-ops for a run the worker ended itself.
    const why = failure ?? (code === 0 ? 'the replay worker ended without finishing the run' : `the replay worker stopped (exit code ${code})`);
    bestEffort(() => endRun(db, runId, 'failed', why, nowIso()));
    dropPartialLedger(db, runId);
    resolveEnded();
    onExit();
  });
  return a;
}

/** Asks a running replay to stop and waits for its worker; after 10 s the worker is terminated. */
export async function stopRun(db: Db, runId: string, a: Active): Promise<void> {
  Atomics.store(a.flag, 0, 1);
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
  if ((await Promise.race([a.ended, timeout])) === 'timeout') {
    await a.worker.terminate();
    endRun(db, runId, 'cancelled', null, nowIso());
    dropPartialLedger(db, runId);
  }
}

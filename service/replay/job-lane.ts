/**
 * The lane for one-answer jobs (a trace, a large import, a CSV): at most `slots` workers at
 * once, the others wait their turn in order; each job resolves with its worker's first answer
 * of an accepted type.
 */
import type { Worker } from 'node:worker_threads';
import { StoreProblem } from '../store';
import type { WorkerJob, WorkerMessage } from './protocol';

/** Starts a worker for a job; `flag[0] = 1` asks it to stop. */
export type StartJob = (job: WorkerJob) => { worker: Worker; flag: Int32Array };

/** How a caller follows a job: abort it, or hear its progress messages. */
export interface Follow {
  signal?: AbortSignal | undefined;
  onProgress?: (m: WorkerMessage) => void;
}

export type Ask = <T extends WorkerMessage['type']>(job: WorkerJob, types: readonly T[], follow?: Follow) => Promise<Extract<WorkerMessage, { type: T }>>;

/** One job in its own worker: resolves with its first answer of an accepted type. */
function askWorker<T extends WorkerMessage['type']>(startJob: StartJob, job: WorkerJob, types: readonly T[], follow: Follow): Promise<Extract<WorkerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const { worker, flag } = startJob(job);
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
  });
}

/** The lane: `ask` runs a job when one of the `slots` is free. */
export function jobLane(startJob: StartJob, slots: number): Ask {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (job, types, follow = {}) => {
    if (running >= slots) await new Promise<void>((r) => queue.push(r));
    running++;
    try {
      return await askWorker(startJob, job, types, follow);
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}

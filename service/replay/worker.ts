/** Replay worker thread entry: opens its own connection (WAL lets it write beside the main one). */
import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../store/db';
import { storeErrorSentence } from '../store/errors';
import { ledgerCsv } from '../handlers/ledger-csv';
import { iterateLedger } from '../store/ledger-repo';
import { ledgerSortNames } from '../store/runs-repo';
import { importEventSetJob, runReplayJob, traceJob } from './jobs';
import type { WorkerInput, WorkerMessage } from './protocol';

function main(): void {
  const input = workerData as WorkerInput;
  const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
  const flag = new Int32Array(input.cancel);
  let db: ReturnType<typeof openDb> | null = null;
  try {
    db = openDb(input.dbFile, { nativeBinding: input.nativeBinding, migrate: false });
    const job = input.job;
    if (job.kind === 'run') runReplayJob(db, job.runId, { post, cancelled: () => Atomics.load(flag, 0) === 1 });
    else if (job.kind === 'trace') post({ type: 'trace', traces: traceJob(db, job.runId, job.eventId) });
    else if (job.kind === 'import') post(importEventSetJob(db, job, { post, cancelled: () => Atomics.load(flag, 0) === 1 }));
    else post({ type: 'csv', text: ledgerCsv(iterateLedger(db, job.filter, ledgerSortNames(db, job.filter.runId, job.filter.sort))) });
  } catch (e) {
    const sentence = storeErrorSentence(e, input.dbFile);
    post(sentence === null ? { type: 'failed', error: e instanceof Error ? e.message : String(e) } : { type: 'failed', error: sentence, known: true });
  } finally {
    db?.close();
  }
}

main();

/** Messages between the main side and a replay worker thread. */
import type { InputIssue } from '../../engine/formats/issues';
import type { EventTrace } from '../../engine/formats/report';
import type { EventSetSummary } from '../contract';
import type { LedgerFilter } from '../store/ledger-repo';

export type WorkerJob =
  | { kind: 'run'; runId: string }
  | { kind: 'trace'; runId: string; eventId: string }
  | { kind: 'import'; eventSetId: string; programId: string; fileName: string; text: string; now: string }
  | { kind: 'csv'; filter: LedgerFilter };

export interface WorkerInput {
  dbFile: string;
  nativeBinding?: string | undefined;
  job: WorkerJob;
  /** Int32Array over it: slot 0 becomes 1 when the main side asks the worker to stop. */
  cancel: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; processed: number; total: number }
  | { type: 'saving'; saved: number; toSave: number }
  | { type: 'done' }
  | { type: 'cancelled' }
  /** `known`: the error is an expected store failure already told as a sentence (disk full, busy…). */
  | { type: 'failed'; error: string; known?: boolean }
  | { type: 'trace'; traces: EventTrace[] }
  | { type: 'imported'; summary: EventSetSummary }
  /** An import's progress: `parsing` the file, then `storing` chunk `stored` of `total`. */
  | { type: 'importProgress'; phase: 'parsing' | 'storing'; stored: number; total: number }
  | { type: 'importCancelled' }
  | { type: 'invalid'; issues: readonly InputIssue[] }
  | { type: 'csv'; text: string };

/**
 * The work a replay worker does, as plain functions over a database connection (so tests can
 * run them in-process too): replay a stored run and persist its ledger in batches, or recompute
 * the trace of one event (the engine is deterministic, so the same inputs give the same trace).
 */
import { replay } from '../../engine';
import { parseEventSetText, tryParse } from '../../engine/formats/read';
import type { EventTrace } from '../../engine/formats/report';
import { ReplayCancelled } from '../../engine/replay/options';
import { clearCheckpoints, clearLedger, endRun, finishRun, getRunInputs, ImportCancelled, insertEventSet, LedgerWriteCancelled, loadEventSet, nearestCheckpoint, nowIso, openLedgerWriter, retryBusy, saveCheckpoint, setRunProgress, storeErrorSentence, type Db } from '../store';
import type { WorkerMessage } from './protocol';

export interface JobIo {
  post: (m: WorkerMessage) => void;
  cancelled: () => boolean;
}

function inputs(db: Db, runId: string) {
  const run = getRunInputs(db, runId);
  if (!run) throw new Error(`run ${runId} does not exist`);
  if (run.eventSetId === null) throw new Error('the event set of this run was deleted');
  const set = loadEventSet(db, run.eventSetId);
  if (!set) throw new Error('the event set of this run was deleted');
  return { ...run, set };
}

/**
 * Replays a run and persists it; ends the run row as done, cancelled or failed.
 *
 * The ledger is streamed: at every progress point the engine hands over the rows that are final
 * and forgets them (`keepRewards: false`), and they go straight into the run's own ledger table
 * in one transaction, so the ledger never piles up in memory (only the loaded event set grows
 * with the run) and the rows are written in the same pass. Once the replay is over the table's
 * indexes are built (the `saving` phase) and the run row is finished.
 * A cancelled or failed run leaves no rows: its table is dropped.
 */
export function runReplayJob(db: Db, runId: string, io: JobIo, checkpointEvery?: number): void {
  try {
    const { program, set, asOf } = inputs(db, runId);
    const total = set.events.length;
    const every = Math.max(500, Math.floor(total / 200));
    let lastWrite = 0;
    const ledger = openLedgerWriter(db, runId);
    let streamed = 0;
    const report = replay(program, set, {
      ...(asOf === null ? {} : { asOf }),
      progressEvery: every,
      shouldCancel: io.cancelled,
      keepRewards: false,
      checkpointEvery: checkpointEvery ?? checkpointInterval(total),
      onCheckpoint: (c) => retryBusy(() => saveCheckpoint(db, runId, c)),
      onRewards: (rows, first) => {
        ledger.write(rows, first);
        streamed = first + rows.length;
      },
      onProgress: (processed, t) => {
        io.post({ type: 'progress', processed, total: t });
        // The row is a fallback for other readers; the main side shows the posted value.
        if (processed - lastWrite >= every * 10 || processed === t) {
          lastWrite = processed;
          retryBusy(() => setRunProgress(db, runId, processed));
        }
      },
    });
    io.post({ type: 'saving', saved: streamed, toSave: streamed });
    const totals = ledger.finish(io.cancelled);
    retryBusy(() => finishRun(db, runId, report, totals, nowIso(), set.expect !== undefined));
    io.post({ type: 'done' });
  } catch (e) {
    if (e instanceof ReplayCancelled || e instanceof LedgerWriteCancelled) {
      retryBusy(() => clearLedger(db, runId));
      retryBusy(() => clearCheckpoints(db, runId));
      retryBusy(() => endRun(db, runId, 'cancelled', null, nowIso()));
      io.post({ type: 'cancelled' });
      return;
    }
    // A store failure (busy past the retries, disk full…) is told as a sentence, never raw.
    const message = storeErrorSentence(e, db.name) ?? (e instanceof Error ? e.message : String(e));
    retryBusy(() => clearLedger(db, runId));
    retryBusy(() => clearCheckpoints(db, runId));
    retryBusy(() => endRun(db, runId, 'failed', message, nowIso()));
    io.post({ type: 'failed', error: message });
  }
}

/**
 * Events between two checkpoints of a run: at most four checkpoints (each holds the whole world
 * state, ≈ 12 MB at 200,000 events and growing with the run, so more would cost the store
 * hundreds of MB), none for runs too short to need one.
 */
export function checkpointInterval(total: number): number {
  return Math.max(50_000, Math.ceil(total / 4));
}

/** The traces of one event of a run, its cascades included; replayed from the nearest checkpoint before it. */
export function traceJob(db: Db, runId: string, eventId: string): EventTrace[] {
  const { program, set, asOf } = inputs(db, runId);
  const checkpointFor = (position: number) => nearestCheckpoint(db, runId, position);
  const report = replay(program, set, { ...(asOf === null ? {} : { asOf }), traceEventIds: new Set([eventId]), stopAfterTraced: true, checkpointFor });
  return (report.trace ?? []).filter((t) => t.eventId === eventId || t.cascadeOf === eventId);
}

export interface ImportInput {
  eventSetId: string;
  programId: string;
  fileName: string;
  text: string;
  now: string;
}

/**
 * Parses an event-set file (JSON, or CSV by extension) and stores it; nothing is stored when
 * the file is invalid. Used inline for small files and in a worker for large ones.
 */
export function importEventSetJob(db: Db, input: ImportInput, io: JobIo = { post: () => undefined, cancelled: () => false }): WorkerMessage {
  io.post({ type: 'importProgress', phase: 'parsing', stored: 0, total: 0 });
  const parsed = tryParse(() => parseEventSetText(input.text, input.fileName));
  if (io.cancelled()) return { type: 'importCancelled' };
  if (!parsed.ok) return { type: 'invalid', issues: parsed.issues };
  const set = parsed.value.name ? parsed.value : { ...parsed.value, name: input.fileName.replace(/\.(json|csv)$/i, '') };
  const source = /\.csv$/i.test(input.fileName) ? 'csv' : 'json';
  try {
    const onChunk = (stored: number, total: number): void => io.post({ type: 'importProgress', phase: 'storing', stored, total });
    return { type: 'imported', summary: retryBusy(() => insertEventSet(db, input.eventSetId, input.programId, set, source, input.now, { onChunk, cancelled: io.cancelled })) };
  } catch (e) {
    if (e instanceof ImportCancelled) return { type: 'importCancelled' };
    throw e;
  }
}

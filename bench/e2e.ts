/**
 * One end-to-end measurement through the real service code, in a fresh process:
 *
 * 1. a new temporary data folder opened by `createService` (the app's open path: safe-open,
 *    migrations, WAL);
 * 2. the bench program imported as the app imports a program file (`programs.import`);
 * 3. the bench event set serialised to JSON text (not timed) and imported through
 *    `importEventSetJob` — the code the import worker runs for a large file — **timed** as
 *    "import": parse + validate + store in chunks;
 * 4. a run row inserted as `replay.start` inserts it, then `runReplayJob` — the code the replay
 *    worker runs — **timed** as "run": load the stored set, replay, persist the ledger, finish
 *    the run row. It runs in this process (not in a worker thread) so that CPU time and heap
 *    belong to the measured work alone; the worker adds only its start-up.
 *
 * The heap and RSS are sampled at every progress message the job posts (≈200 per run) and at
 * the end. The result is checked: the run is `done`, and the ledger holds `reward_count` rows.
 *
 *   node --expose-gc --import tsx bench/e2e.ts 100000     # one run, JSON on stdout
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { programFileText } from '../service/handlers/programs';
import { importEventSetJob, runReplayJob } from '../service/replay/jobs';
import type { WorkerMessage } from '../service/replay/protocol';
import { createService } from '../service/service';
import { getRun, insertRun, ledgerTotals, loadProgram, newId, nowIso } from '../service/store';
import { benchEvents } from './events';
import { MB, memorySampler, timed } from './measure';
import { benchProgram } from './program';

export interface E2eMeasurement {
  events: number;
  /** Import of the JSON text: parse, validate, store. */
  importMs: number;
  importCpuMs: number;
  jsonMb: number;
  /** The run: load the stored set, replay, persist the ledger, finish the run row. */
  runMs: number;
  runCpuMs: number;
  eventsPerSec: number;
  eventsPerCpuSec: number;
  /** Peak heapUsed during the run minus heapUsed just before it (after a GC). */
  peakHeapDeltaMb: number;
  peakRssMb: number;
  /** Peak RSS during the run minus RSS just before it. */
  peakRssDeltaMb: number;
  ledgerRows: number;
  /** Progress messages the job posted (the UI's live progress). */
  progressMessages: number;
  dbMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export async function measureE2e(size: number, partners: number): Promise<E2eMeasurement> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-bench-'));
  const service = createService({ dataDir: dir });
  try {
    const imported = await service.dispatch('programs.import', { text: programFileText(benchProgram(partners)), fileName: 'bench.program.json' });
    if (!imported.ok) throw new Error(`programs.import: ${imported.error.message}`);
    const programId = (imported.value as { id: string }).id;

    let text: string | null = JSON.stringify(benchEvents(size, partners));
    const jsonMb = text.length / MB;
    const json = text;
    gc();
    const imp = timed(size, () => importEventSetJob(service.db, { eventSetId: newId('es'), programId, fileName: 'bench.events.json', text: json, now: nowIso() }));
    text = null;
    const answer = imp.value;
    if (answer.type !== 'imported') throw new Error(`import: ${JSON.stringify(answer).slice(0, 500)}`);

    // What replay.start does before it hands the run to a worker.
    const program = loadProgram(service.db, programId)?.program;
    if (!program) throw new Error('program vanished');
    const runId = newId('run');
    insertRun(service.db, { id: runId, programId, eventSetId: answer.summary.id, eventSetName: answer.summary.name, program, total: answer.summary.eventCount, asOf: null, now: nowIso() });

    gc();
    const mem = memorySampler();
    let progressMessages = 0;
    // An object, not a `let`: the worker callback sets it, which TypeScript's narrowing cannot see.
    const outcome: { failure: string | null } = { failure: null };
    const post = (m: WorkerMessage): void => {
      if (m.type === 'progress') progressMessages++;
      if (m.type === 'failed') outcome.failure = m.error;
      mem.sample();
    };
    const run = timed(size, () => runReplayJob(service.db, runId, { post, cancelled: () => false }));
    mem.sample();
    if (outcome.failure) throw new Error(`run failed: ${outcome.failure}`);
    const done = getRun(service.db, runId);
    if (done?.status !== 'done') throw new Error(`run ended ${done?.status}: ${done?.error}`);
    const ledgerRows = ledgerTotals(service.db, { runId }).total;
    if (ledgerRows !== done.rewardCount) throw new Error(`ledger holds ${ledgerRows} rows, the run says ${done.rewardCount}`);
    service.db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      events: size,
      importMs: imp.ms,
      importCpuMs: imp.cpuMs,
      jsonMb,
      runMs: run.ms,
      runCpuMs: run.cpuMs,
      eventsPerSec: run.eventsPerSec,
      eventsPerCpuSec: run.eventsPerCpuSec,
      ...mem.peaks(),
      ledgerRows,
      progressMessages,
      dbMb: fs.statSync(service.dbFile).size / MB,
    };
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const size = Number(process.argv[2] ?? 100_000);
  process.stdout.write(`${JSON.stringify(await measureE2e(size, Number(process.argv[3] ?? 1000)))}\n`);
}

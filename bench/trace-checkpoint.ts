/**
 * Issue 17's trace row: the trace of one event late in a stored run, with the run's checkpoints
 * and without them (cleared), in one process, median of `runs` each, A B A B.
 *
 *   node --max-old-space-size=8192 --import tsx bench/trace-checkpoint.ts 200000 3
 */
import { performance } from 'node:perf_hooks';
import { clearCheckpoints, checkpointStats, insertRun, loadProgram } from '../service/store';
import { runReplayJob, traceJob } from '../service/replay/jobs';
import { testService } from '../service/test-helpers';
import { benchEvents } from './events';
import { benchProgram } from './program';

const n = Number(process.argv[2] ?? 200_000);
const runs = Number(process.argv[3] ?? 3);
const s = testService();
const doc = await s.call('programs.import', { text: JSON.stringify(benchProgram(10_000)), fileName: 'bench.program.json' });
const events = benchEvents(n, 10_000);
const set = await s.call('eventSets.import', { programId: doc.id, text: JSON.stringify(events), fileName: 'bench.events.json' });
const program = loadProgram(s.db, doc.id)!.program;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const late = events.events[n - 20]!.id ?? `#${n - 19}`;
const withCp: number[] = [];
const without: number[] = [];
insertRun(s.db, { id: 'a', programId: doc.id, eventSetId: set.id, eventSetName: 'x', program, total: n, asOf: null, now: '2026-01-01T00:00:00Z' });
const runMs = time(() => runReplayJob(s.db, 'a', { post: () => undefined, cancelled: () => false }));
insertRun(s.db, { id: 'b', programId: doc.id, eventSetId: set.id, eventSetName: 'x', program, total: n, asOf: null, now: '2026-01-01T00:00:00Z' });
runReplayJob(s.db, 'b', { post: () => undefined, cancelled: () => false });
const stats = checkpointStats(s.db, 'a');
clearCheckpoints(s.db, 'b');
for (let k = 0; k < runs; k++) {
  withCp.push(time(() => traceJob(s.db, 'a', late)));
  without.push(time(() => traceJob(s.db, 'b', late)));
}
console.log(`| trace of one event late in a ${n.toLocaleString('en-US')}-event stored run | ${Math.round(median(withCp))} ms with ${stats.count} checkpoints (${(stats.bytes / 1e6).toFixed(1)} MB) | ${Math.round(median(without))} ms from the start | run ${Math.round(runMs)} ms |`);
await s.dispose();

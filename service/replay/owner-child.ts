/**
 * The other process of the run-owner test (owner.test.ts): a service on a shared data folder that
 * starts a replay whose worker never finishes (so the run is deterministically still going when
 * this process is killed), prints `run <id>` and waits to be killed.
 *
 * Run as: node --import tsx service/replay/owner-child.ts <data-dir> <programId> <eventSetId>
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createService } from '../service';

const [dataDir, programId, eventSetId] = process.argv.slice(2);
if (!dataDir || !programId || !eventSetId) throw new Error('usage: owner-child.ts <data-dir> <programId> <eventSetId>');
// A worker that stays busy forever: the run stays "running" until this process dies.
const service = createService({ dataDir, spawn: () => new Worker('setInterval(() => {}, 60_000)', { eval: true }) });
void service.dispatch('replay.start', { programId, eventSetId }).then((r) => {
  fs.writeSync(1, r.ok ? `run ${(r.value as { runId: string }).runId}\n` : `error ${r.error.message}\n`);
});
setInterval(() => undefined, 60_000);

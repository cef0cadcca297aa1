/**
 * The victim of the crash-safety test (crash.test.ts): in a loop on the database given as
 * argv[2], it saves programs and trigger versions through the service's dispatcher and persists
 * replay ledgers through the replay job, printing one line after each commit. The parent
 * SIGKILLs it at a random moment; every line printed is a promise that the change is on disk.
 *
 * Run as: node --import tsx service/store/crash-child.ts <data-dir> <seed>
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createService } from '../service';
import { runReplayJob } from '../replay/jobs';
import { getRun, insertRun, loadProgram, newId, nowIso } from '.';

const [dirArg, seedText] = process.argv.slice(2);
if (!dirArg) throw new Error('usage: crash-child.ts <data-dir> <seed>');
const dataDir: string = dirArg;
let seed = Number(seedText ?? 1) >>> 0 || 1;
/** xorshift: the child's choices vary with the seed, reproducibly. */
function rand(n: number): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}

const examples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../resources/samples/spec-examples');
const programText = fs.readFileSync(path.join(examples, 'seed-order-recommended.program.json'), 'utf8');

/** An event set big enough that persisting its ledger takes a while (one reward per sale). */
function bigEventSet(sales: number): string {
  const events: unknown[] = [{ id: 'c1', type: 'customer.created', at: '2026-02-01T10:00:00Z', customer: { key: 'cust-1', partnerKey: 'ana' } }];
  for (let i = 0; i < sales; i++) {
    const at = new Date(Date.UTC(2026, 1, 2) + i * 60_000).toISOString().replace('.000Z', 'Z');
    events.push({ id: `t${i}`, type: 'transaction.created', at, transaction: { key: `txn-${i}`, customerKey: 'cust-1', amount: '20.00', currency: 'USD' } });
  }
  return JSON.stringify({ format: 'offerflow.events/1', name: `${sales} sales`, events });
}

const say = (line: string): void => void fs.writeSync(1, `${line}\n`);

async function main(): Promise<void> {
  const service = createService({ dataDir });
  const must = async (channel: Parameters<typeof service.dispatch>[0], args: unknown): Promise<{ id?: string; version?: number }> => {
    const r = await service.dispatch(channel, args);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as { id?: string; version?: number };
  };
  say('ready');
  for (;;) {
    const step = rand(3);
    if (step === 0) {
      const doc = await must('programs.import', { text: programText, fileName: 'crash.program.json' });
      say(`program ${doc.id}`);
    } else if (step === 1) {
      const programs = service.db.prepare<[], { id: string }>('SELECT id FROM programs ORDER BY id').all();
      const p = programs[rand(Math.max(1, programs.length))];
      if (!p) continue;
      const current = loadProgram(service.db, p.id)?.program.triggers.find((t) => t.id === 'bronze-offer');
      if (!current) throw new Error(`program ${p.id} lost its trigger`);
      const t = await must('triggers.update', { programId: p.id, triggerId: 'bronze-offer', trigger: { ...current, name: `Bronze ${rand(1e6)}` } });
      say(`version ${p.id} bronze-offer ${t.version}`);
    } else {
      const doc = await must('programs.import', { text: programText, fileName: 'crash.program.json' });
      const set = await must('eventSets.import', { programId: doc.id, fileName: 'big.events.json', text: bigEventSet(500 + rand(3000)) });
      const program = loadProgram(service.db, doc.id as string)?.program;
      if (!program || !set.id) throw new Error('the program or event set just saved is missing');
      const runId = newId('run');
      insertRun(service.db, { id: runId, programId: doc.id as string, eventSetId: set.id, eventSetName: 'big', program, total: 1, asOf: null, now: nowIso() });
      runReplayJob(service.db, runId, { post: () => undefined, cancelled: () => false });
      const run = getRun(service.db, runId);
      if (run?.status !== 'done') throw new Error(`run ${runId} ended ${run?.status}: ${run?.error}`);
      say(`run ${runId} ${run.rewardCount}`);
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`crash-child: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});

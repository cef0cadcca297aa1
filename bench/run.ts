/**
 * `npm run bench`: the synthetic 100-trigger program over 1e4 … 1e6 in-memory events, each run
 * in a fresh child process (so heap figures do not leak between runs), reporting medians of
 * events/s and peak memory growth:
 * - engine-only replay: the ledger kept compact (`replayToLedger`), kept as row objects
 *   (`replay()`), and streamed out (`onRewards` + `keepRewards: false`);
 * - end to end through the store (bench/e2e.ts): import of the JSON text, then the run as the
 *   replay worker runs it (load the stored set, replay, persist the ledger, finish the run);
 * - how time and memory grow with size; the peers on the same rules.
 *
 *   npm run bench                      # sizes 1e4, 1e5, 1e6; 5 runs each
 *   npm run bench -- --runs 3 --sizes 10000,1000000
 *   npm run bench -- --only e2e        # one part: engine | rows | stream | e2e | peers | floor (comma-separated)
 *   npm run bench -- --only floor --floor-size 100000   # the floors of issue 17 (needs npm run build)
 *   npm run bench -- --peer-sizes 10000,100000   # peers (json-rules-engine, zen) at these sizes
 *   node --import tsx bench/run.ts --child 1000000 [--mode ledger|rows|stream]   # one engine measurement, JSON on stdout
 *   node --expose-gc --import tsx bench/e2e.ts 1000000         # one end-to-end measurement
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { E2eMeasurement } from './e2e';
import { measure, type LedgerMode, type Measurement } from './measure';
import { benchEvents } from './events';
import { factStream, measurePeer, type PeerResult } from './peers/peers';
import { benchProgram } from './program';
import { floor } from './floor/floor';

const PARTNERS = 1000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function child(size: number, mode: LedgerMode): Measurement {
  const args = ['--max-old-space-size=8192', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(size), '--mode', mode];
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as Measurement;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** One peer measurement in this process: facts are computed first (not timed). */
async function peerChild(peer: 'json-rules-engine' | 'zen-engine', size: number): Promise<void> {
  const program = benchProgram(PARTNERS);
  const stream = factStream(program, benchEvents(size, PARTNERS));
  process.stdout.write(`${JSON.stringify(await measurePeer(peer, program, stream, size))}\n`);
}

function peerRun(peer: string, size: number): PeerResult | null {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--peer', peer, String(size)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop() as string) as PeerResult | null;
}

function peers(sizes: number[], runs: number, ours: Row[]): void {
  console.log('\npeers on the same rules (rule evaluation only, on precomputed facts; see docs/performance.md):\n');
  console.log('| engine | events | events/s (wall) | events/CPU-s | Offerflow events/CPU-s at that size | Offerflow ÷ peer |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const peer of ['json-rules-engine', 'zen-engine'] as const) {
    for (const size of sizes) {
      const rs: PeerResult[] = [];
      for (let k = 0; k < runs; k++) {
        const r = peerRun(peer, size);
        if (r) rs.push(r);
        process.stderr.write('.');
      }
      process.stderr.write('\n');
      if (rs.length === 0) {
        console.log(`| ${peer} | ${fmt(size)} | not installed | | | |`);
        continue;
      }
      const eps = median(rs.map((r) => size / (r.ms / 1000)));
      const epcs = median(rs.map((r) => size / (r.cpuMs / 1000)));
      const mine = ours.find((o) => o.size === size);
      console.log(`| ${peer} | ${fmt(size)} | ${fmt(eps)} | ${fmt(epcs)} | ${mine ? fmt(mine.epcs) : '—'} | ${mine ? `${fmt(mine.epcs / epcs, 1)}×` : '—'} |`);
    }
  }
}

async function main(): Promise<void> {
  const peerArg = arg('peer');
  if (peerArg) {
    await peerChild(peerArg as 'json-rules-engine' | 'zen-engine', Number(process.argv[process.argv.indexOf('--peer') + 2]));
    return;
  }
  const one = arg('child');
  if (one) {
    process.stdout.write(`${JSON.stringify(measure(Number(one), PARTNERS, (arg('mode') ?? 'ledger') as LedgerMode))}\n`);
    return;
  }
  const runs = Number(arg('runs') ?? 5);
  const sizes = (arg('sizes') ?? '10000,100000,1000000').split(',').map(Number);
  const only = new Set((arg('only') ?? 'engine,rows,stream,e2e,peers,floor').split(','));
  console.log(`100 triggers, ${PARTNERS} partners, America/New_York; median of ${runs} runs (fresh process each); load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  let ours: Row[] = [];
  if (only.has('engine')) {
    console.log('engine-only replay, the whole ledger kept in the engine\'s compact ledger (replayToLedger, as the CLI runs it):\n');
    ours = sizes.map((size) => row(size, runs, 'ledger'));
    table(ours);
  }
  if (only.has('rows')) {
    console.log('\nengine-only replay, every reward row built as an object in report.rewards (replay()):\n');
    const rows = sizes.map((size) => row(size, runs, 'rows'));
    table(rows);
    if (ours.length === 0) ours = rows;
  }
  if (only.has('stream')) {
    console.log('\nengine-only replay, ledger streamed out (onRewards to a counting sink, keepRewards: false):\n');
    const streamed = sizes.map((size) => row(size, runs, 'stream'));
    table(streamed);
    if (ours.length === 0) ours = streamed;
  }
  if (only.has('e2e')) e2e(sizes, runs);
  if (only.has('peers')) {
    const peerSizes = (arg('peer-sizes') ?? '10000').split(',').filter(Boolean).map(Number);
    peers(peerSizes, Math.min(runs, 3), ours);
  }
  if (only.has('floor')) floor(Math.max(3, Math.min(runs, 5)), Number(arg('floor-size') ?? 1_000_000));
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

function e2eChild(size: number): E2eMeasurement {
  const file = fileURLToPath(new URL('./e2e.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', file, String(size), String(PARTNERS)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as E2eMeasurement;
}

/** End to end through the store: import, then run (replay + persisted ledger + finished run row). */
function e2e(sizes: number[], runs: number): void {
  console.log('\nend to end through the store (fresh SQLite file; see bench/e2e.ts): import of the JSON text, then the run (load the stored set, replay, persist the ledger, finish the run):\n');
  const rows = sizes.map((size) => {
    const ms: E2eMeasurement[] = [];
    for (let k = 0; k < runs; k++) {
      ms.push(e2eChild(size));
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    const med = (f: (m: E2eMeasurement) => number): number => median(ms.map(f));
    return {
      size,
      importMs: med((m) => m.importMs),
      runMs: med((m) => m.runMs),
      eps: med((m) => m.eventsPerSec),
      epcs: med((m) => m.eventsPerCpuSec),
      heap: med((m) => m.peakHeapDeltaMb),
      rss: med((m) => m.peakRssMb),
      rssDelta: med((m) => m.peakRssDeltaMb),
      ledger: med((m) => m.ledgerRows),
      dbMb: med((m) => m.dbMb),
    };
  });
  console.log('| events | import ms | run ms | run events/s (wall) | run events/CPU-s | peak heap Δ MB | peak RSS MB | peak RSS Δ MB | ledger rows | file MB |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${fmt(r.size)} | ${fmt(r.importMs)} | ${fmt(r.runMs)} | ${fmt(r.eps)} | ${fmt(r.epcs)} | ${fmt(r.heap, 1)} | ${fmt(r.rss)} | ${fmt(r.rssDelta)} | ${fmt(r.ledger)} | ${fmt(r.dbMb)} |`);
  }
  console.log('\ngrowth of the end-to-end run from the smallest size (linear time: time × = events ×; flat memory: heap × ≈ 1):\n');
  console.log('| events | events × | run time × | import time × | peak heap Δ × | peak RSS × |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  const b = rows[0];
  for (const r of rows) {
    if (!b) break;
    const x = (a: number, base: number): string => (base > 0 ? fmt(a / base, 1) : '—');
    console.log(`| ${fmt(r.size)} | ${x(r.size, b.size)} | ${x(r.runMs, b.runMs)} | ${x(r.importMs, b.importMs)} | ${x(r.heap, b.heap)} | ${x(r.rss, b.rss)} |`);
  }
}

interface Row {
  size: number;
  ms: number;
  eps: number;
  epcs: number;
  heap: number;
  rss: number;
  rewards: number;
}

function row(size: number, runs: number, mode: LedgerMode): Row {
  const ms: Measurement[] = [];
  for (let k = 0; k < runs; k++) {
    ms.push(child(size, mode));
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  return {
    size,
    ms: median(ms.map((m) => m.replayMs)),
    eps: median(ms.map((m) => m.eventsPerSec)),
    epcs: median(ms.map((m) => m.eventsPerCpuSec)),
    heap: median(ms.map((m) => m.peakHeapDeltaMb)),
    rss: median(ms.map((m) => m.peakRssMb)),
    rewards: median(ms.map((m) => m.rewards)),
  };
}

function table(rows: Row[]): void {
  console.log('| events | replay ms | events/s (wall) | events/CPU-s | peak heap Δ MB | peak RSS MB | reward rows | time × | heap × |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const base = rows[0];
  for (const r of rows) {
    const tx = base ? r.ms / base.ms : 1;
    const hx = base && base.heap > 0 ? r.heap / base.heap : 1;
    console.log(`| ${fmt(r.size)} | ${fmt(r.ms)} | ${fmt(r.eps)} | ${fmt(r.epcs)} | ${fmt(r.heap, 1)} | ${fmt(r.rss)} | ${fmt(r.rewards)} | ${fmt(tx, 1)} | ${fmt(hx, 1)} |`);
  }
}

await main();

/**
 * `npm run bench`: engine-only replay of the synthetic 100-trigger program over 1e4 … 1e6
 * in-memory events, each run in a fresh child process (so heap figures do not leak between
 * runs), reporting medians of events/s and peak heap growth.
 *
 *   npm run bench                      # sizes 1e4, 1e5, 1e6; 5 runs each
 *   npm run bench -- --runs 3 --sizes 10000,1000000
 *   npm run bench -- --peer-sizes 10000,100000   # peers (json-rules-engine, zen) at these sizes
 *   node --import tsx bench/run.ts --child 1000000   # one measurement, JSON on stdout
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measure, type Measurement } from './measure';
import { benchEvents } from './events';
import { factStream, measurePeer, type PeerResult } from './peers/peers';
import { benchProgram } from './program';

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

function child(size: number): Measurement {
  const args = ['--max-old-space-size=8192', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(size)];
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
    process.stdout.write(`${JSON.stringify(measure(Number(one), PARTNERS))}\n`);
    return;
  }
  const runs = Number(arg('runs') ?? 5);
  const sizes = (arg('sizes') ?? '10000,100000,1000000').split(',').map(Number);
  console.log(`engine-only replay: 100 triggers, ${PARTNERS} partners, America/New_York; median of ${runs} runs (fresh process each)\n`);
  const ours = sizes.map((size) => row(size, runs));
  table(ours);
  const peerSizes = (arg('peer-sizes') ?? '10000').split(',').filter(Boolean).map(Number);
  peers(peerSizes, Math.min(runs, 3), ours);
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

function row(size: number, runs: number): Row {
  const ms: Measurement[] = [];
  for (let k = 0; k < runs; k++) {
    ms.push(child(size));
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

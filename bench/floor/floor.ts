/**
 * The floor rows of `npm run bench` (issue 17): each command measured against the least that
 * JavaScript itself costs for the same input, side by side in one run (A B A B …, fresh
 * processes, medians of the pairs' ratios):
 * - CLI replay of a JSON event set, report to a file / read + JSON.parse of the same file, on two
 *   workloads over the same event file (events for partners p0…p9999): the issue's (a program of
 *   1,000 partners, so the events of the other 9,000 are rejected as naming no partner: ≈ 0.12
 *   reward rows per event) and a heavier one (a program of all 10,000 partners: ≈ 1.0 rows per event);
 * - `offerflow validate demo.program.json` / `node` doing nothing;
 * - peak RSS of a CLI replay of a JSON Lines set at 1e6 / at 1e5 (a streamed read stays flat).
 * Needs `npm run build` (the CLI runs as the compiled JavaScript users run).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEvents } from '../events';
import { benchProgram } from '../program';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));
const CLI = path.join(ROOT, 'bin', 'offerflow.mjs');

interface Stats {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  /** What the command wrote to stderr (the CLI's summary line). */
  stderr: string;
}

/** One fresh process of `module args` under the stats wrapper. */
function runOnce(module: string, args: string[], nodeArgs: string[] = []): Stats {
  const statsFile = path.join(os.tmpdir(), `offerflow-floor-${process.pid}.json`);
  const start = performance.now();
  const r = spawnSync(process.execPath, [...nodeArgs, here('./proc-stats.mjs'), statsFile, module, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${path.basename(module)} ${args.join(' ')} exited ${String(r.status)}: ${r.stderr}`);
  const s = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as { cpuMs: number; maxRssMb: number };
  fs.rmSync(statsFile, { force: true });
  return { wallMs, ...s, stderr: r.stderr };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Pair {
  a: Stats[];
  b: Stats[];
}

/** A and B in turn, `runs` times after one warm-up pair. */
function pair(runs: number, a: () => Stats, b: () => Stats): Pair {
  a();
  b();
  const out: Pair = { a: [], b: [] };
  for (let k = 0; k < runs; k++) {
    out.a.push(a());
    out.b.push(b());
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  return out;
}

function ratioRow(label: string, p: Pair, target: number): string {
  const cpu = median(p.a.map((s, i) => s.cpuMs / (p.b[i] as Stats).cpuMs));
  const wall = median(p.a.map((s, i) => s.wallMs / (p.b[i] as Stats).wallMs));
  const met = cpu <= target ? 'met' : 'not met';
  return `| ${label} | ${fmt(median(p.a.map((s) => s.wallMs)))} | ${fmt(median(p.b.map((s) => s.wallMs)))} | ${fmt(cpu, 2)}× | ${fmt(wall, 2)}× | ≤ ${fmt(target, 1)}× | ${met} |`;
}

/** The workloads of the replay rows: the same events, a program of this many partners. */
const WORKLOADS = [
  { partners: 1_000, label: "the issue's workload: program of 1,000 partners" },
  { partners: 10_000, label: 'heavier: program of all 10,000 partners' },
] as const;

/** "N rewards … M rejected" of the CLI's summary line, per event. */
function perEvent(stderr: string, events: number): string {
  const rewards = /(\d+) rewards/.exec(stderr)?.[1];
  const rejected = /(\d+) rejected/.exec(stderr)?.[1];
  if (rewards === undefined || rejected === undefined) return 'summary line not found';
  return `${fmt(Number(rewards) / events, 2)} reward rows/event, ${fmt((100 * Number(rejected)) / events)} % of events rejected`;
}

/** Writes the bench programs and a JSON and a JSON Lines event set of `n` events (partners p0…p9999). */
function files(dir: string, sizes: readonly number[]): { programs: Map<number, string>; json: Map<number, string>; jsonl: Map<number, string> } {
  const programs = new Map<number, string>();
  for (const w of WORKLOADS) {
    const program = path.join(dir, `bench-${w.partners}.program.json`);
    fs.writeFileSync(program, JSON.stringify(benchProgram(w.partners)));
    programs.set(w.partners, program);
  }
  const json = new Map<number, string>();
  const jsonl = new Map<number, string>();
  for (const n of sizes) {
    const set = benchEvents(n, 10_000);
    const j = path.join(dir, `bench-${n}.events.json`);
    fs.writeFileSync(j, JSON.stringify(set));
    json.set(n, j);
    const l = path.join(dir, `bench-${n}.events.jsonl`);
    const fd = fs.openSync(l, 'w');
    fs.writeSync(fd, `${JSON.stringify({ format: set.format, name: set.name })}\n`);
    for (let i = 0; i < set.events.length; i += 10_000) fs.writeSync(fd, `${set.events.slice(i, i + 10_000).map((e) => JSON.stringify(e)).join('\n')}\n`);
    fs.closeSync(fd);
    jsonl.set(n, l);
  }
  return { programs, json, jsonl };
}

export function floor(runs: number, size: number): void {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli.mjs'))) throw new Error('the floor rows run the compiled CLI: run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-floor-'));
  try {
    const small = Math.max(1, Math.round(size / 10));
    const f = files(dir, [small, size]);
    const out = path.join(dir, 'report.json');
    const big = ['--max-old-space-size=8192'];
    const json = f.json.get(size) as string;
    console.log(`\nfloors (issue 17): each command against the least JavaScript costs for the same input, A B A B in fresh processes, median of ${runs} pairs' ratios; bench program (100 triggers), events for 10,000 partners; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    console.log('| measure | A wall ms | B wall ms | A/B CPU | A/B wall | target | |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    const mb = fmt(fs.statSync(json).size / 1e6);
    for (const w of WORKLOADS) {
      const program = f.programs.get(w.partners) as string;
      const replay = pair(runs, () => runOnce(CLI, ['replay', program, json, '--out', out], big), () => runOnce(here('./parse-floor.mjs'), [json], big));
      const what = perEvent((replay.a[0] as Stats).stderr, size);
      console.log(ratioRow(`CLI replay ${fmt(size)} events (${mb} MB JSON), ${w.label} (${what}) / read + JSON.parse`, replay, 1.8));
    }
    const demo = path.join(ROOT, 'resources', 'samples', 'demo.program.json');
    const validate = pair(Math.max(runs, 5), () => runOnce(CLI, ['validate', demo]), () => runOnce(here('./empty.mjs'), []));
    console.log(ratioRow('`offerflow validate demo.program.json` / node doing nothing', validate, 2));
    const heavy = f.programs.get(10_000) as string;
    const rss = pair(runs, () => runOnce(CLI, ['replay', heavy, f.jsonl.get(size) as string, '--out', out], big), () => runOnce(CLI, ['replay', heavy, f.jsonl.get(small) as string, '--out', out], big));
    const rssRatio = median(rss.a.map((s, i) => s.maxRssMb / (rss.b[i] as Stats).maxRssMb));
    console.log(`| peak RSS, CLI replay of JSON Lines, ${fmt(size)} / ${fmt(small)} events, report to a file (heavier workload) | ${fmt(median(rss.a.map((s) => s.maxRssMb)))} MB | ${fmt(median(rss.b.map((s) => s.maxRssMb)))} MB | ${fmt(rssRatio, 2)}× (RSS) | | ≤ 1.5× | ${rssRatio <= 1.5 ? 'met' : 'not met'} |`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One bench measurement: build the program and the event stream (not timed), then time
 * `replay()` alone and sample the heap every 10,000 events to find its peak growth (keeping the
 * whole ledger in the report, or streaming it out).
 */
import { replay, replayToLedger } from '../engine/index';
import { benchEvents } from './events';
import { benchProgram } from './program';

export interface Measurement {
  events: number;
  replayMs: number;
  /** CPU time (user + system) of the replay: less sensitive than wall time to a busy machine. */
  cpuMs: number;
  eventsPerSec: number;
  eventsPerCpuSec: number;
  /** Peak heapUsed during the replay minus heapUsed just before it (events already built). */
  peakHeapDeltaMb: number;
  peakRssMb: number;
  rewards: number;
  rejected: number;
}

export const MB = 1024 * 1024;

export interface MemorySampler {
  sample(): void;
  /** Peaks in MB: heap and RSS growth over the base, and the RSS itself. */
  peaks(): { peakHeapDeltaMb: number; peakRssMb: number; peakRssDeltaMb: number };
}

/** Peak heapUsed and RSS from the moment it is made, sampled whenever `sample` is called. */
export function memorySampler(): MemorySampler {
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  return {
    sample(): void {
      const m = process.memoryUsage();
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
      if (m.rss > peakRss) peakRss = m.rss;
    },
    peaks: () => ({ peakHeapDeltaMb: (peakHeap - base.heapUsed) / MB, peakRssMb: peakRss / MB, peakRssDeltaMb: (peakRss - base.rss) / MB }),
  };
}

/** Wall and CPU time of `work`, and events per second of each. */
export function timed<T>(events: number, work: () => T): { value: T; ms: number; cpuMs: number; eventsPerSec: number; eventsPerCpuSec: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { value, ms, cpuMs, eventsPerSec: events / (ms / 1000), eventsPerCpuSec: events / (cpuMs / 1000) };
}

/**
 * How the replay's ledger is kept:
 * - `ledger`: `replayToLedger`, the rows in the engine's compact ledger (typed columns, strings
 *   formatted when a row is read) — what the CLI uses;
 * - `rows`: `replay()`, every row built as an object in `report.rewards` at the end;
 * - `stream`: rows leave in batches (`onRewards` to a sink that only counts, `keepRewards:
 *   false`) — the store's mode.
 */
export type LedgerMode = 'ledger' | 'rows' | 'stream';

export function measure(size: number, partners: number, mode: LedgerMode = 'ledger'): Measurement {
  const program = benchProgram(partners);
  const set = benchEvents(size, partners);
  const mem = memorySampler();
  let streamed = 0;
  const options = {
    onProgress: () => { mem.sample(); },
    progressEvery: 10_000,
    ...(mode === 'stream' ? { keepRewards: false, onRewards: (rows: readonly unknown[]) => void (streamed += rows.length) } : {}),
  };
  const t = timed(size, () => {
    if (mode !== 'ledger') {
      const report = replay(program, set, options);
      return { rewards: report.rewards.length + streamed, rejected: report.rejected.length };
    }
    const { report, ledger } = replayToLedger(program, set, options);
    return { rewards: ledger.length, rejected: report.rejected.length };
  });
  mem.sample();
  const { peakHeapDeltaMb, peakRssMb } = mem.peaks();
  return {
    events: size,
    replayMs: t.ms,
    cpuMs: t.cpuMs,
    eventsPerSec: t.eventsPerSec,
    eventsPerCpuSec: t.eventsPerCpuSec,
    peakHeapDeltaMb,
    peakRssMb,
    rewards: t.value.rewards,
    rejected: t.value.rejected,
  };
}

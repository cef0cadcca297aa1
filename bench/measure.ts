/**
 * One bench measurement: build the program and the event stream (not timed), then time
 * `replay()` alone and sample the heap every 10,000 events to find its peak growth.
 */
import { replay } from '../engine/index';
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

const MB = 1024 * 1024;

export function measure(size: number, partners: number): Measurement {
  const program = benchProgram(partners);
  const set = benchEvents(size, partners);
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.rss > peakRss) peakRss = m.rss;
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const report = replay(program, set, { onProgress: sample, progressEvery: 10_000 });
  const replayMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  sample();
  return {
    events: size,
    replayMs,
    cpuMs,
    eventsPerSec: size / (replayMs / 1000),
    eventsPerCpuSec: size / (cpuMs / 1000),
    peakHeapDeltaMb: (peakHeap - base.heapUsed) / MB,
    peakRssMb: peakRss / MB,
    rewards: report.rewards.length,
    rejected: report.rejected.length,
  };
}

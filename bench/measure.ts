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
  eventsPerSec: number;
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
  const t0 = performance.now();
  const report = replay(program, set, { onProgress: sample, progressEvery: 10_000 });
  const replayMs = performance.now() - t0;
  sample();
  return {
    events: size,
    replayMs,
    eventsPerSec: size / (replayMs / 1000),
    peakHeapDeltaMb: (peakHeap - base.heapUsed) / MB,
    peakRssMb: peakRss / MB,
    rewards: report.rewards.length,
    rejected: report.rejected.length,
  };
}

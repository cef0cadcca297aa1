/**
 * A replay resumed from a checkpoint (serialized and revived as the service stores it) gives
 * the same traces and the same later reward rows as a replay from the start: at many positions
 * of the demo sample, events with cascades among them, right at and right after a checkpoint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseEventSetText, parseProgramText, replay, serializeReport } from '../index';
import { reviveCheckpoint, type ReplayCheckpoint } from './checkpoint';
import { PreparedEvents } from './prepare';

const SAMPLES = join(import.meta.dirname, '../../resources/samples');
const program = parseProgramText(readFileSync(join(SAMPLES, 'demo.program.json'), 'utf8'), 'demo.program.json');
const events = parseEventSetText(readFileSync(join(SAMPLES, 'demo.events.json'), 'utf8'), 'demo.events.json');
const EVERY = 100;

/** Every checkpoint of a whole replay, serialized as the store keeps them. */
function checkpoints(): Buffer[] {
  const out: Buffer[] = [];
  replay(program, events, { checkpointEvery: EVERY, onCheckpoint: (c) => out.push(serialize(c)) });
  return out;
}

const stored = checkpoints();
const prepared = new PreparedEvents(events.events);
const full = replay(program, events, { trace: true });

function nearest(position: number): ReplayCheckpoint | undefined {
  const k = Math.floor(position / EVERY) - 1;
  return k < 0 ? undefined : reviveCheckpoint(deserialize(stored[Math.min(k, stored.length - 1)] as Buffer) as ReplayCheckpoint);
}

function traceOf(id: string, resumeFrom?: ReplayCheckpoint) {
  const report = replay(program, events, { traceEventIds: new Set([id]), stopAfterTraced: true, ...(resumeFrom ? { resumeFrom } : {}) });
  return (report.trace ?? []).filter((t) => t.eventId === id || t.cascadeOf === id);
}

describe('replay checkpoints', () => {
  it('are taken every N events, at their positions', () => {
    expect(stored.length).toBe(Math.floor((events.events.length - 1) / EVERY));
    expect(stored.map((b) => (deserialize(b) as ReplayCheckpoint).position)).toEqual(stored.map((_, k) => (k + 1) * EVERY));
  });

  const cascaded = [...new Set((full.trace ?? []).filter((t) => t.cascadeOf !== undefined).map((t) => t.cascadeOf as string))];
  const rejected = full.rejected.map((r) => r.eventId);
  const ids = prepared.length;
  const positions = [EVERY, EVERY + 1, 2 * EVERY - 1, 1000, 1777, ids - 1];
  // Events at or after the first checkpoint (one before it has none to resume from).
  const resumable = (id: string) => prepared.lastPositionOf(new Set([id])) >= EVERY;
  const picked = [...positions.map((k) => (full.trace ?? []).filter((t) => t.cascadeOf === undefined)[k]?.eventId as string), ...cascaded.filter(resumable).slice(0, 6), ...rejected.filter(resumable).slice(0, 3)];

  it('include events with cascades and rejected ones', () => {
    expect(cascaded.length).toBeGreaterThan(0);
    expect(picked.length).toBeGreaterThan(10);
    expect(picked.every(resumable)).toBe(true);
  });

  it.each(picked)('the trace of %s from the nearest checkpoint equals the trace from the start', (id) => {
    const position = prepared.lastPositionOf(new Set([id]));
    const from = nearest(position);
    expect(from).toBeDefined();
    const resumed = traceOf(id, from);
    expect(resumed.length).toBeGreaterThan(0);
    expect(JSON.stringify(resumed)).toBe(JSON.stringify(traceOf(id)));
  });

  it('gives the same later reward rows, ids included, and the same final partners', () => {
    const from = nearest(2000) as ReplayCheckpoint;
    const resumed = replay(program, events, { resumeFrom: from });
    const rowsAfter = full.rewards.filter((r) => Number(r.id.slice(1)) > from.rewardsBefore);
    expect(resumed.rewards.length).toBeGreaterThan(0);
    expect(serializeReport({ ...full, rewards: rowsAfter, trace: [], groupChanges: [], tagsApplied: [], rejected: [], expectations: resumed.expectations })).toBe(
      serializeReport({ ...resumed, trace: [], groupChanges: [], tagsApplied: [], rejected: [] }),
    );
  });
});

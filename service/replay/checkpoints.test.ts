/**
 * Trace checkpoints of a stored run: the run's worker job stores them, the trace job resumes
 * from the nearest one and gives the same traces as a replay from the start (late events,
 * events with cascades, rejected ones), and they go with the run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replay } from '../../engine';
import { parseEventSetText, parseProgramText } from '../../engine/formats/read';
import { checkpointStats, deleteRun, insertRun, loadProgram } from '../store';
import { disposeIfCreated, testService, type TestService } from '../test-helpers';
import { runReplayJob, traceJob } from './jobs';

const SAMPLES = join(import.meta.dirname, '../../resources/samples');
const programText = readFileSync(join(SAMPLES, 'demo.program.json'), 'utf8');
const eventsText = readFileSync(join(SAMPLES, 'demo.events.json'), 'utf8');

let s: TestService;
afterEach(async () => disposeIfCreated(s));

describe('trace checkpoints of a stored run', () => {
  it('are stored every N events, give the same traces as a replay from the start, and go with the run', async () => {
    s = testService();
    const doc = await s.call('programs.import', { text: programText, fileName: 'demo.program.json' });
    const set = await s.call('eventSets.import', { programId: doc.id, text: eventsText, fileName: 'demo.events.json' });
    const program = loadProgram(s.db, doc.id)!.program;
    insertRun(s.db, { id: 'run-cp', programId: doc.id, eventSetId: set.id, eventSetName: 'demo', program, total: 3055, asOf: null, now: '2026-01-01T00:00:00Z' });
    runReplayJob(s.db, 'run-cp', { post: () => undefined, cancelled: () => false }, 300);
    const stats = checkpointStats(s.db, 'run-cp');
    expect(stats.count).toBe(10);
    expect(stats.bytes).toBeGreaterThan(0);

    const engineProgram = parseProgramText(programText, 'p.json');
    const events = parseEventSetText(eventsText, 'demo.events.json');
    const full = replay(engineProgram, events, { trace: true });
    const cascaded = [...new Set((full.trace ?? []).flatMap((t) => (t.cascadeOf === undefined ? [] : [t.cascadeOf])))];
    const late = (full.trace ?? []).filter((t) => t.cascadeOf === undefined).slice(-5).map((t) => t.eventId);
    const picked = [...late, ...cascaded.slice(-4), ...full.rejected.slice(-2).map((r) => r.eventId), (full.trace ?? [])[301]!.eventId];
    expect(cascaded.length).toBeGreaterThan(0);
    for (const id of picked) {
      const fromStart = replay(engineProgram, events, { traceEventIds: new Set([id]), stopAfterTraced: true });
      const expected = (fromStart.trace ?? []).filter((t) => t.eventId === id || t.cascadeOf === id);
      expect(expected.length, id).toBeGreaterThan(0);
      expect(JSON.stringify(traceJob(s.db, 'run-cp', id)), id).toBe(JSON.stringify(expected));
    }

    deleteRun(s.db, 'run-cp');
    expect(checkpointStats(s.db, 'run-cp').count).toBe(0);
  });
});

/**
 * Runs and event sets can be named, annotated and deleted; a run records the program snapshot
 * (trigger versions) it replayed and shows it against the program now; any two runs compare,
 * also across program versions and across programs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { disposeIfCreated, example, testService, waitForRun, type TestService } from '../test-helpers';

let s: TestService;
afterEach(async () => disposeIfCreated(s));

async function seeded() {
  s = testService();
  const doc = await s.call('programs.import', { text: example('seed-order-double-reward.program.json'), fileName: 'p.json' });
  const set = await s.call('eventSets.import', { programId: doc.id, text: example('seed-order-double-reward.events.json'), fileName: 'e.json' });
  const run = async (programId = doc.id, eventSetId = set.id) => {
    const { runId } = await s.call('replay.start', { programId, eventSetId });
    await waitForRun(s, runId);
    return runId;
  };
  return { programId: doc.id, eventSetId: set.id, run };
}

describe('names and notes', () => {
  it('names and annotates a run; an empty text clears; the list shows them', async () => {
    const { programId, run } = await seeded();
    const runId = await run();
    expect((await s.call('replay.runs', { programId }))[0]).toMatchObject({ id: runId, name: null, note: null });
    const named = await s.call('replay.annotate', { runId, name: '  Before the gold change ', note: 'baseline for QA' });
    expect(named).toMatchObject({ name: 'Before the gold change', note: 'baseline for QA', status: 'done' });
    expect((await s.call('replay.annotate', { runId, note: 'only the note' })).name).toBe('Before the gold change');
    const cleared = await s.call('replay.annotate', { runId, name: '', note: '' });
    expect(cleared).toMatchObject({ name: null, note: null });
    const missing = await s.dispatch('replay.annotate', { runId: 'run-nope', name: 'x' });
    expect(missing.ok ? null : missing.error).toMatchObject({ field: 'runId' });
    const long = await s.dispatch('replay.annotate', { runId, name: 'x'.repeat(201) });
    expect(long.ok ? null : long.error.field).toBe('name');
  });

  it('renames and annotates an event set; a blank name is refused naming the field', async () => {
    const { programId, eventSetId } = await seeded();
    const r = await s.call('eventSets.annotate', { eventSetId, name: 'Q1 sample', note: 'from the CRM export' });
    expect(r).toMatchObject({ name: 'Q1 sample', note: 'from the CRM export' });
    expect((await s.call('eventSets.list', { programId }))[0]).toMatchObject({ name: 'Q1 sample', note: 'from the CRM export' });
    const blank = await s.dispatch('eventSets.annotate', { eventSetId, name: '   ' });
    expect(blank.ok ? null : blank.error.field).toBe('name');
    const missing = await s.dispatch('eventSets.annotate', { eventSetId: 'es-nope', note: 'x' });
    expect(missing.ok ? null : missing.error).toMatchObject({ field: 'eventSetId', message: 'event set "es-nope" does not exist' });
  });

  it('deleting a set keeps the runs made from it; deleting a run removes it', async () => {
    const { programId, eventSetId, run } = await seeded();
    const runId = await run();
    await s.call('eventSets.delete', { eventSetId });
    expect(await s.call('eventSets.list', { programId })).toEqual([]);
    expect((await s.call('replay.runs', { programId })).map((r) => r.id)).toEqual([runId]);
    await s.call('replay.delete', { runId });
    expect(await s.call('replay.runs', { programId })).toEqual([]);
  });
});

describe('the program snapshot of a run', () => {
  it('lists every trigger with the version replayed and the version now', async () => {
    const { programId, run } = await seeded();
    const first = await run();
    const doc = await s.call('programs.get', { programId });
    const silver = doc.program.triggers.find((t) => t.id === 'silver-offer')!;
    await s.call('triggers.update', { programId, triggerId: silver.id, trigger: { ...silver, name: 'Silver $12', action: { type: 'reward', offer: { description: '$12', type: 'flat', amount: '12.00', currency: 'USD' } } } });
    await s.call('triggers.create', { programId, trigger: { id: 'new-one', name: 'New one', event: 'transaction.created', status: 'draft', action: { type: 'apply_tag', tag: 'x' } } });
    const snap = await s.call('replay.snapshot', { runId: first });
    expect(snap.programName).toBe(doc.program.name);
    expect(snap.triggers.map((t) => [t.id, t.version, t.currentVersion])).toEqual(doc.program.triggers.map((t) => [t.id, t.version ?? 1, t.id === 'silver-offer' ? (t.version ?? 1) + 1 : (t.version ?? 1)]));
    expect(snap.addedSince).toEqual([{ id: 'new-one', name: 'New one' }]);

    const second = await run();
    const cmp = await s.call('replay.compare', { beforeRunId: first, afterRunId: second });
    expect(cmp.programs).toEqual({ before: doc.program.name, after: doc.program.name, sameProgram: true });
    expect(cmp.triggers).toEqual([
      { triggerId: 'silver-offer', name: 'Silver $12', before: { version: silver.version ?? 1, status: 'active' }, after: { version: (silver.version ?? 1) + 1, status: 'active' } },
      { triggerId: 'new-one', name: 'New one', before: null, after: { version: 1, status: 'draft' } },
    ]);
    expect(cmp.changed.length).toBeGreaterThan(0);
  });

  it('compares runs of two programs (a duplicate with a trigger deactivated)', async () => {
    const { programId, eventSetId, run } = await seeded();
    const a = await run();
    const copy = await s.call('programs.duplicate', { programId, name: 'Without silver' });
    await s.call('triggers.deactivate', { programId: copy.id, triggerId: 'silver-offer' });
    const set = await s.call('eventSets.import', { programId: copy.id, text: example('seed-order-double-reward.events.json'), fileName: 'e.json' });
    expect(set.id).not.toBe(eventSetId);
    const b = await run(copy.id, set.id);
    const cmp = await s.call('replay.compare', { beforeRunId: a, afterRunId: b });
    expect(cmp.programs).toMatchObject({ after: 'Without silver', sameProgram: false });
    expect(cmp.triggers?.map((t) => [t.triggerId, t.before?.status, t.after?.status])).toEqual([['silver-offer', 'active', 'inactive']]);
    expect(cmp.removed.every((r) => r.triggerId === 'silver-offer')).toBe(true);
    expect(cmp.removed.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { Trigger } from '../../../engine/formats/program-schema';
import type { ServiceClient } from '../../../service/contract';
import { createEditorStore, readTrigger } from './editor-store';
import { startPersistence } from './persistence';

const draft: Trigger = {
  id: 't1', name: 'Ten percent', event: 'transaction.created', status: 'draft',
  action: { type: 'reward', offer: { description: '10% of every sale', type: 'percentage', percent: '10' } },
};

function fakeClient() {
  const calls: unknown[] = [];
  const client: ServiceClient = {
    send: vi.fn(async (channel: string, args: unknown) => {
      calls.push({ channel, args });
      const trigger = (args as { trigger: Trigger }).trigger;
      return { ok: true as const, value: { ...trigger, version: 2 } };
    }) as ServiceClient['send'],
  };
  return { client, calls };
}

describe('editor store', () => {
  it('builds the seed trigger from the palette and undoes every step', () => {
    const store = createEditorStore(draft);
    const s = () => store.getState();
    s().onEdgesChange([{ type: 'remove', id: s().edges[0]?.id ?? '' }]);
    const and = s().addNode('all', { x: 300, y: 0 }) ?? '';
    const rule = s().addNode('rule', { x: 600, y: 0 }) ?? '';
    const or = s().addNode('any', { x: 600, y: 200 }) ?? '';
    expect(s().connect({ source: 'event', target: and, sourceHandle: null, targetHandle: null })).toBeNull();
    expect(s().connect({ source: and, target: rule, sourceHandle: null, targetHandle: null })).toBeNull();
    expect(s().connect({ source: and, target: or, sourceHandle: null, targetHandle: null })).toBeNull();
    expect(s().connect({ source: rule, target: 'action', sourceHandle: null, targetHandle: null })).toBe('Only the top of the rule tree connects to the Action.');
    expect(readTrigger(s())).toMatchObject({ ok: false, reason: 'Connect the top of the rule tree to the Action.' });
    expect(s().connect({ source: and, target: 'action', sourceHandle: null, targetHandle: null })).toBeNull();
    const r = readTrigger(s());
    expect(r.ok && r.trigger.rules).toEqual({ all: [{ object: 'partnership', field: 'joined_days', op: 'less_than', value: 0 }, { any: [] }] });
    const steps = s().past.length;
    expect(steps).toBe(8);
    for (let i = 0; i < steps; i += 1) s().undo();
    expect(readTrigger(s())).toMatchObject({ ok: true, trigger: draft });
    s().redo();
    expect(s().edges).toEqual([]);
  });

  it('coalesces typing into one undo step', () => {
    const store = createEditorStore(draft);
    for (const name of ['T', 'Te', 'Ten']) store.getState().setName(name);
    expect(store.getState().past.length).toBe(1);
    store.getState().undo();
    expect(store.getState().meta.name).toBe('Ten percent');
  });

  it('refuses structural edits once activated, but keeps the name and offer editable', () => {
    const store = createEditorStore({ ...draft, status: 'active' });
    expect(store.getState().addNode('rule', { x: 0, y: 0 })).toBeNull();
    store.getState().onEdgesChange([{ type: 'remove', id: store.getState().edges[0]?.id ?? '' }]);
    expect(store.getState().edges.length).toBe(1);
    store.getState().setAction({ type: 'change_group', group: 'x' });
    store.getState().setAction({ type: 'reward', offer: { description: 'Now 12%', type: 'percentage', percent: '12' } });
    store.getState().setName('Renamed');
    expect(readTrigger(store.getState())).toMatchObject({ ok: true, trigger: { name: 'Renamed', action: { type: 'reward', offer: { percent: '12' } } } });
  });

  it('saves after a change, once, and not while the graph is incomplete', async () => {
    vi.useFakeTimers();
    const store = createEditorStore(draft);
    const { client, calls } = fakeClient();
    const saved = vi.fn();
    const p = startPersistence(store, { client, programId: 'p1', onSaved: saved });
    store.getState().setName('A');
    store.getState().setName('AB');
    expect(store.getState().save.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual([{ channel: 'triggers.update', args: { programId: 'p1', triggerId: 't1', trigger: { ...draft, name: 'AB' } } }]);
    expect(saved).toHaveBeenCalledTimes(1);
    expect(store.getState().save.status).toBe('saved');
    store.getState().onEdgesChange([{ type: 'remove', id: store.getState().edges[0]?.id ?? '' }]);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.length).toBe(1);
    expect(store.getState().save).toEqual({ status: 'unsaved', message: 'Not saved: Connect the Event to a rule, a block or the Action.' });
    store.getState().undo();
    expect(store.getState().save.status).toBe('saved');
    p.stop();
    vi.useRealTimers();
  });
});

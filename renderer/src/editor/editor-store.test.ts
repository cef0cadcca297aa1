import { describe, expect, it, vi } from 'vitest';
import type { Trigger } from '@engine/formats/program-schema';
import type { ServiceClient } from '@service/contract';
import { createEditorStore, readTrigger } from './editor-store';
import { newRule } from './inspector-model';
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
    }),
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
    // Event → AND makes the block the tree's top and connects it to the Action as well.
    expect(s().connect({ source: 'event', target: and, sourceHandle: null, targetHandle: null })).toBeNull();
    expect(s().edges.map((e) => e.id).sort()).toEqual([`e:${and}->action`, `e:event->${and}`].sort());
    expect(s().connect({ source: and, target: rule, sourceHandle: null, targetHandle: null })).toBeNull();
    expect(s().connect({ source: and, target: or, sourceHandle: null, targetHandle: null })).toBeNull();
    expect(s().connect({ source: rule, target: 'action', sourceHandle: null, targetHandle: null })).toMatch(/^Only the top of the rule tree connects to the Action/);
    const r = readTrigger(s());
    expect(r.ok && r.incomplete).toBeNull();
    expect(r.ok && r.trigger.rules).toEqual({ all: [newRule('transaction.created'), { any: [] }] });
    const steps = s().past.length;
    expect(steps).toBe(7);
    for (let i = 0; i < steps; i += 1) s().undo();
    expect(readTrigger(s())).toMatchObject({ ok: true, trigger: draft });
    s().redo();
    expect(s().edges).toEqual([]);
  });

  it('replaces Event → Action when the Event is connected to a new block (no "already starts a rule tree")', () => {
    const store = createEditorStore(draft);
    const s = () => store.getState();
    const and = s().addNode('all', { x: 300, y: 0 }) ?? '';
    expect(s().connect({ source: 'event', target: and, sourceHandle: null, targetHandle: null })).toBeNull();
    expect(s().edges.map((e) => e.id).sort()).toEqual([`e:${and}->action`, `e:event->${and}`].sort());
    const other = s().addNode('any', { x: 300, y: 200 }) ?? '';
    expect(s().connect({ source: 'event', target: other, sourceHandle: null, targetHandle: null })).toMatch(/^The Event already starts a rule tree\. Connect this node into that tree’s block/);
  });

  it('adds palette items connected to the selection: into a block, after a rule, into the top block', () => {
    const store = createEditorStore({ ...draft, rules: { all: [] } });
    const s = () => store.getState();
    const root = s().nodes.find((n) => n.type === 'block')?.id ?? '';
    const rule = s().addConnected('rule') ?? '';
    expect([...s().view.getState().nodes]).toEqual([rule]);
    const or = s().addConnected('any') ?? '';
    const inOr = s().addConnected('rule') ?? '';
    const second = s().addConnected('rule') ?? '';
    const r = readTrigger(s());
    expect(r.ok && r.incomplete).toBeNull();
    expect(r.paths.get(rule)).toBe('rules.all[0]');
    expect(r.paths.get(root)).toBe('rules');
    expect(r.ok && r.trigger.rules).toEqual({ all: [newRule('transaction.created'), { any: [newRule('transaction.created'), newRule('transaction.created')] }] });
    expect([r.paths.get(or), r.paths.get(inOr), r.paths.get(second)]).toEqual(['rules.all[1]', 'rules.all[1].any[0]', 'rules.all[1].any[1]']);
  });

  it('wraps a top-level rule in an AND block when another node is added beside it', () => {
    const store = createEditorStore(draft);
    const s = () => store.getState();
    s().onNodesChange(s().nodes.map((n) => ({ type: 'select' as const, id: n.id, selected: false })));
    const first = s().addConnected('rule') ?? '';
    expect(readTrigger(s())).toMatchObject({ ok: true, trigger: { rules: newRule('transaction.created') } });
    s().addConnected('rule');
    const r = readTrigger(s());
    expect(r.ok && r.trigger.rules).toEqual({ all: [newRule('transaction.created'), newRule('transaction.created')] });
    expect(r.paths.get(first)).toBe('rules.all[0]');
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
    // Cut Event → Action: still the same trigger (no rules), so nothing to send, but it says so.
    store.getState().onEdgesChange([{ type: 'remove', id: store.getState().edges[0]?.id ?? '' }]);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.length).toBe(1);
    expect(store.getState().save).toEqual({ status: 'saved', message: 'Draft saved (not complete yet: Connect the Event to an AND block, a rule, or straight to the Action.)' });
    store.getState().undo();
    expect(store.getState().save).toEqual({ status: 'saved', message: 'All changes saved' });
    p.stop();
    vi.useRealTimers();
  });

  it('saves an unfinished draft: a rule tree not yet connected to the Action is stored as far as it reaches', async () => {
    vi.useFakeTimers();
    const store = createEditorStore(draft);
    const { client, calls } = fakeClient();
    const p = startPersistence(store, { client, programId: 'p1', onSaved: vi.fn() });
    const s = () => store.getState();
    s().onEdgesChange([{ type: 'remove', id: s().edges[0]?.id ?? '' }]);
    const and = s().addNode('all', { x: 300, y: 0 }) ?? '';
    s().connect({ source: 'event', target: and, sourceHandle: null, targetHandle: null });
    s().onEdgesChange([{ type: 'remove', id: `e:${and}->action` }]);
    const rule = s().addNode('rule', { x: 600, y: 0 }) ?? '';
    s().connect({ source: and, target: rule, sourceHandle: null, targetHandle: null });
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual([{ channel: 'triggers.update', args: { programId: 'p1', triggerId: 't1', trigger: { ...draft, rules: { all: [newRule('transaction.created')] } } } }]);
    expect(s().save.status).toBe('saved');
    expect(s().save.message).toMatch(/^Draft saved \(not complete yet: Connect the top of the rule tree to the Action/);
    p.stop();
    vi.useRealTimers();
  });

  it('copies a block with its sub-tree and pastes it into the selected block as new nodes', () => {
    const store = createEditorStore({ ...draft, rules: { all: [{ any: [newRule('transaction.created'), { object: 'partnership', field: 'group', op: 'is_empty' }] }] } });
    const s = () => store.getState();
    const or = s().nodes.find((n) => n.type === 'block' && n.data.kind === 'any')?.id ?? '';
    s().onNodesChange(s().nodes.map((n) => ({ type: 'select' as const, id: n.id, selected: n.id === or })));
    expect(s().copySelected()).toBe(true);
    const root = s().nodes.find((n) => n.type === 'block' && n.data.kind === 'all')?.id ?? '';
    s().onNodesChange(s().nodes.map((n) => ({ type: 'select' as const, id: n.id, selected: n.id === root })));
    expect(s().paste()).toBe(true);
    // The copies are the selection now, and nothing else.
    const pasted = [...s().view.getState().nodes];
    expect(pasted).toHaveLength(3);
    expect(pasted.some((id) => id === or || id === root)).toBe(false);
    const r = readTrigger(s());
    const sub = { any: [newRule('transaction.created'), { object: 'partnership', field: 'group', op: 'is_empty' }] };
    expect(r.ok && r.trigger.rules).toEqual({ all: [sub, sub] });
    expect(new Set(s().nodes.map((n) => n.id)).size).toBe(s().nodes.length);
    s().undo();
    expect(readTrigger(s())).toMatchObject({ ok: true, trigger: { rules: { all: [sub] } } });
  });

  it('selection and measured sizes are view state: no undo step, no unsaved change, no save, and the saved graph holds neither', async () => {
    const store = createEditorStore({ ...draft, rules: { all: [newRule('transaction.created')] } });
    const s = () => store.getState();
    const { client, calls } = fakeClient();
    const persistence = startPersistence(store, { client, programId: 'p1', onSaved: () => undefined });
    let notified = 0;
    const stop = store.subscribe(() => (notified += 1));
    const nodesBefore = s().nodes;
    const rule = s().nodes.find((n) => n.type === 'rule')?.id ?? '';
    s().onNodesChange([{ type: 'select', id: rule, selected: true }, { type: 'dimensions', id: rule, dimensions: { width: 240, height: 131 } }]);
    s().onEdgesChange([{ type: 'select', id: s().edges[0]?.id ?? '', selected: true }]);
    await persistence.flush();
    expect(notified).toBe(0);
    expect(s().nodes).toBe(nodesBefore);
    expect(s().past).toEqual([]);
    expect(s().save.status).toBe('saved');
    expect(calls).toEqual([]);
    expect(s().nodes.every((n) => n.selected === undefined && n.measured === undefined)).toBe(true);
    // The view store has them.
    expect([...s().view.getState().nodes]).toEqual([rule]);
    expect(s().view.getState().sizes[rule]).toEqual({ width: 240, height: 131 });
    // An edit is still one undo step and one save; undoing it leaves nothing selected.
    s().setBlockKind(s().nodes.find((n) => n.type === 'block')?.id ?? '', 'any');
    await persistence.flush();
    expect(s().past).toHaveLength(1);
    expect(calls).toHaveLength(1);
    s().undo();
    expect(s().view.getState().nodes.size).toBe(0);
    stop();
    persistence.stop();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Trigger } from '../../engine/formats/program-schema';
import { example, testService, type TestService } from '../test-helpers';

let s: TestService;
let programId: string;
let clock = '2026-03-01T10:00:00.000Z';
beforeEach(async () => {
  s = testService(() => clock);
  programId = (await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' })).id;
});
afterEach(async () => s.dispose());

const draft = {
  name: 'Welcome bonus',
  event: 'customer.created',
  rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: 'bronze' }] },
  action: { type: 'reward', offer: { description: '$20 per customer', type: 'flat', amount: '20.00', currency: 'USD' } },
};

async function error(channel: Parameters<TestService['dispatch']>[0], args: unknown) {
  const r = await s.dispatch(channel, args);
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

describe('trigger lifecycle', () => {
  it('creates a draft with a generated id, activates it with activatedAt = now, and keeps every version', async () => {
    const t = await s.call('triggers.create', { programId, trigger: draft });
    expect(t).toMatchObject({ id: 'trigger-4', status: 'draft', version: 1 });
    clock = '2026-03-02T08:00:00.000Z';
    const a = await s.call('triggers.activate', { programId, triggerId: t.id });
    expect(a).toMatchObject({ status: 'active', activatedAt: '2026-03-02T08:00:00.000Z', version: 2 });
    const versions = await s.call('triggers.versions', { programId, triggerId: t.id });
    expect(versions.map((v) => [v.version, v.trigger.status])).toEqual([[2, 'active'], [1, 'draft']]);
  });

  it('activates since always (null) or from a given instant, and refuses a bad instant', async () => {
    const a = await s.call('triggers.create', { programId, trigger: draft });
    expect((await s.call('triggers.activate', { programId, triggerId: a.id, activatedAt: null })).activatedAt).toBeUndefined();
    const b = await s.call('triggers.create', { programId, trigger: draft });
    expect((await s.call('triggers.activate', { programId, triggerId: b.id, activatedAt: '2026-01-01T00:00:00Z' })).activatedAt).toBe('2026-01-01T00:00:00Z');
    const c = await s.call('triggers.create', { programId, trigger: draft });
    const e = await error('triggers.activate', { programId, triggerId: c.id, activatedAt: 'last tuesday' });
    expect(e).toMatchObject({ field: 'activatedAt', message: expect.stringContaining('not an ISO-8601 instant') });
  });

  it('refuses to activate a trigger with errors, naming the path', async () => {
    const bad = { ...draft, rules: { all: [{ object: 'transaction', field: 'amount', op: 'greater_than', value: '10.00' }] } };
    const t = await s.call('triggers.create', { programId, trigger: bad });
    const e = await error('triggers.activate', { programId, triggerId: t.id });
    expect(e.message).toMatch(/cannot be activated/);
    expect(e.field).toMatch(/^triggers\[3\]\.rules\.all\[0\]/);
  });

  it.each([
    ['event', { event: 'customer.created' }, 'trigger.event'],
    ['rules', { rules: { all: [] } }, 'trigger.rules'],
    ['action type', { action: { type: 'change_group', group: 'silver' } }, 'trigger.action.type'],
  ])('refuses to change the %s of an active trigger', async (_label, change, field) => {
    const stored = (await s.call('programs.get', { programId })).program.triggers[0] as Trigger;
    const e = await error('triggers.update', { programId, triggerId: stored.id, trigger: { ...stored, ...change } });
    expect(e.field).toBe(field);
    expect(e.message).toMatch(/cannot change once it has been activated/);
  });

  it('refuses to change the group of an active group move', async () => {
    const move = (await s.call('programs.get', { programId })).program.triggers[2] as Trigger;
    const e = await error('triggers.update', { programId, triggerId: move.id, trigger: { ...move, action: { type: 'change_group', group: 'bronze' } } });
    expect(e.field).toBe('trigger.action.group');
  });

  it('lets an active trigger change its name, offer and status, and saves a new version', async () => {
    const t = (await s.call('programs.get', { programId })).program.triggers[0] as Trigger;
    const next = { ...t, name: 'Bronze $6', status: 'inactive', action: { type: 'reward', offer: { description: '6% of the sale', type: 'percentage', percent: '6' } } };
    const saved = await s.call('triggers.update', { programId, triggerId: t.id, trigger: next });
    expect(saved).toMatchObject({ name: 'Bronze $6', status: 'inactive', version: 2 });
  });

  it('refuses to turn an activated trigger back into a draft', async () => {
    const t = (await s.call('programs.get', { programId })).program.triggers[0] as Trigger;
    expect((await error('triggers.update', { programId, triggerId: t.id, trigger: { ...t, status: 'draft' } })).field).toBe('trigger.status');
  });

  it('duplicates a locked trigger as a new draft and deletes permanently', async () => {
    const copy = await s.call('triggers.duplicate', { programId, triggerId: 'bronze-offer' });
    expect(copy).toMatchObject({ id: 'bronze-offer-copy', status: 'draft', version: 1 });
    expect(copy.activatedAt).toBeUndefined();
    await s.call('triggers.delete', { programId, triggerId: 'bronze-offer' });
    expect((await error('triggers.versions', { programId, triggerId: 'bronze-offer' })).field).toBe('triggerId');
  });

  it('names the path of a malformed trigger', async () => {
    const e = await error('triggers.create', { programId, trigger: { ...draft, rules: { all: [{ object: 'partnership', field: 'group', op: 'nope', value: 'x' }] } } });
    expect(e.field).toBe('trigger.rules.all[0].op');
  });

  it('reorders and refuses an id of another event type', async () => {
    const doc = await s.call('triggers.reorder', { programId, event: 'transaction.created', order: ['move-to-silver', 'bronze-offer'] });
    expect(doc.program.evaluationOrder['transaction.created']).toEqual(['move-to-silver', 'bronze-offer']);
    expect(doc.issues.some((i) => i.code === 'order.double_reward')).toBe(true);
    const t = await s.call('triggers.create', { programId, trigger: draft });
    expect((await error('triggers.reorder', { programId, event: 'transaction.created', order: [t.id] })).field).toBe('order[0]');
  });
});

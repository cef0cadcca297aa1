/**
 * programs.compare: a program against another, or against its own state at an earlier moment
 * (the store keeps every trigger version), on one stored event set; deltas hand-computed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testService, type TestService } from '../test-helpers';

let s: TestService;
afterEach(() => s.dispose());

const trigger = (amount: string) => ({
  id: 'sale',
  name: 'Per sale',
  event: 'transaction.created',
  status: 'active',
  action: { type: 'reward', offer: { description: `$${amount} per sale`, type: 'flat', amount, currency: 'USD' } },
});
const program = (name: string, amount: string) =>
  JSON.stringify({
    format: 'offerflow.program/1',
    name,
    partners: [{ key: 'alice', name: 'Alice', group: null, tags: [], joinedAt: '2026-01-01T00:00:00Z' }],
    triggers: [trigger(amount)],
  });
const events = JSON.stringify({
  format: 'offerflow.events/1',
  name: 'Two sales',
  events: [
    { id: 'c1', type: 'customer.created', at: '2026-02-01T00:00:00Z', customer: { key: 'c1', partnerKey: 'alice' } },
    { id: 't1', type: 'transaction.created', at: '2026-02-02T00:00:00Z', transaction: { key: 't1', customerKey: 'c1', amount: '100.00', currency: 'USD' } },
    { id: 't2', type: 'transaction.created', at: '2026-03-02T00:00:00Z', transaction: { key: 't2', customerKey: 'c1', amount: '50.00', currency: 'USD' } },
  ],
});

/** A service whose clock is set by the test: trigger versions are saved at known moments. */
async function seeded() {
  let clock = '2026-10-01T09:00:00.000Z';
  s = testService(() => clock);
  const doc = await s.call('programs.import', { text: program('Northwind', '5.00'), fileName: 'p.json' });
  const set = await s.call('eventSets.import', { programId: doc.id, text: events, fileName: 'e.json' });
  clock = '2026-11-15T12:00:00.000Z';
  await s.call('triggers.update', { programId: doc.id, triggerId: 'sale', trigger: trigger('8.00') });
  return { programId: doc.id, eventSetId: set.id, setClock: (c: string) => (clock = c) };
}

describe('programs.compare', () => {
  it('against its state before the last trigger change: B is the $5 version, so B − A = 2 × (5 − 8)', async () => {
    const { programId, eventSetId } = await seeded();
    const c = await s.call('programs.compare', { programId, eventSetId, against: { asOf: '2026-11-01T00:00:00Z' } });
    expect([c.a.rewardsUsd, c.b.rewardsUsd, c.delta.rewardsUsd]).toEqual(['16.00', '10.00', '-6.00']);
    expect(c.b.program).toBe('Northwind as of 2026-11-01T00:00:00Z');
    expect(c.months).toEqual([
      { month: '2026-02', aUsd: '8.00', bUsd: '5.00', deltaUsd: '-3.00' },
      { month: '2026-03', aUsd: '8.00', bUsd: '5.00', deltaUsd: '-3.00' },
    ]);
  });

  it('as of a moment after the change is the program itself; before the import, it has no triggers', async () => {
    const { programId, eventSetId } = await seeded();
    const same = await s.call('programs.compare', { programId, eventSetId, against: { asOf: '2026-11-15T12:00:00Z' } });
    expect(same.delta.rewardsUsd).toBe('0.00');
    const before = await s.call('programs.compare', { programId, eventSetId, against: { asOf: '2026-09-01T00:00:00Z' } });
    expect([before.b.rewards, before.delta.rewardsUsd]).toEqual([0, '-16.00']);
    expect(before.triggers.map((t) => [t.a?.id ?? null, t.b?.id ?? null])).toEqual([['sale', null]]);
  });

  it('against another program on the same set', async () => {
    const { programId, eventSetId } = await seeded();
    const other = await s.call('programs.import', { text: program('Proposal', '12.00'), fileName: 'b.json' });
    const c = await s.call('programs.compare', { programId, eventSetId, against: { programId: other.id } });
    expect([c.b.program, c.delta.rewardsUsd, c.delta.increasePercent]).toEqual(['Proposal', '8.00', '50.00']);
    expect(c.partners).toMatchObject([{ partnerKey: 'alice', aUsd: '16.00', bUsd: '24.00', deltaUsd: '8.00' }]);
  });

  it('refuses what it cannot compare, naming the field', async () => {
    const { programId, eventSetId } = await seeded();
    const field = async (args: Parameters<TestService['dispatch']>[1]) => {
      const r = await s.dispatch('programs.compare', args);
      return r.ok ? null : r.error.field;
    };
    expect(await field({ programId, eventSetId, against: { asOf: 'last tuesday' } })).toBe('against.asOf');
    expect(await field({ programId, eventSetId: 'es-nope', against: { asOf: '2026-11-01T00:00:00Z' } })).toBe('eventSetId');
    expect(await field({ programId, eventSetId, against: { programId: 'p-nope' } })).toBe('programId');
    expect(await field({ programId, eventSetId, against: {} })).toBe('against');
  });
});

describe('programs.compareTraces', () => {
  it('lists the events where the trigger pays differently, with its trace on both sides', async () => {
    const { programId, eventSetId } = await seeded();
    const t = await s.call('programs.compareTraces', { programId, eventSetId, against: { asOf: '2026-11-01T00:00:00Z' }, aTriggerId: 'sale', bTriggerId: 'sale' });
    expect(t.total).toBe(2);
    expect(t.events.map((e) => [e.eventId, e.partnerKey, e.aUsd, e.bUsd, e.a?.verdict, e.b?.verdict])).toEqual([
      ['t1', 'alice', '8.00', '5.00', 'passed', 'passed'],
      ['t2', 'alice', '8.00', '5.00', 'passed', 'passed'],
    ]);
    expect([t.events[0]?.a?.triggerVersion, t.events[0]?.b?.triggerVersion]).toEqual([2, 1]);
  });

  it('a trigger B does not have: A’s trace only; same payments: no events', async () => {
    const { programId, eventSetId } = await seeded();
    const gone = await s.call('programs.compareTraces', { programId, eventSetId, against: { asOf: '2026-09-01T00:00:00Z' }, aTriggerId: 'sale' });
    expect(gone.events.map((e) => [e.aUsd, e.bUsd, e.a?.verdict, e.b])).toEqual([
      ['8.00', '0.00', 'passed', null],
      ['8.00', '0.00', 'passed', null],
    ]);
    const same = await s.call('programs.compareTraces', { programId, eventSetId, against: { asOf: '2026-11-15T12:00:00Z' }, aTriggerId: 'sale', bTriggerId: 'sale' });
    expect(same).toEqual({ events: [], total: 0 });
    const r = await s.dispatch('programs.compareTraces', { programId, eventSetId, against: { asOf: '2026-11-15T12:00:00Z' } });
    expect(r.ok ? null : r.error.field).toBe('aTriggerId');
  });
});

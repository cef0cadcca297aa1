/**
 * The event browser against the engine: the demo event set browsed through the service, and the
 * same program and events replayed by the engine directly. Every page, filter count and outcome
 * must agree with the engine's events and report (and the partner timeline's event counts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../engine';
import { parseEventSetText, parseProgramText } from '../../engine/formats/read';
import type { EventInput } from '../../engine/formats/events-schema';
import type { Report } from '../../engine/formats/report';
import { parseInstant } from '../../engine/time';
import type { ArgsOf, EventRow } from '../contract';
import { testService, waitForRun, type TestService } from '../test-helpers';

const SAMPLES = path.resolve(import.meta.dirname, '../../resources/samples');
const programText = fs.readFileSync(path.join(SAMPLES, 'demo.program.json'), 'utf8');
const eventsText = fs.readFileSync(path.join(SAMPLES, 'demo.events.json'), 'utf8');

let s: TestService;
let programId: string;
let eventSetId: string;
let runId: string;
let events: EventInput[];
let engine: Report;

/** Every page of a query, 97 rows at a time (an odd size, so pages do not line up with anything). */
async function all(q: Omit<ArgsOf<'eventSets.events'>, 'offset' | 'limit'>): Promise<{ rows: EventRow[]; total: number }> {
  const rows: EventRow[] = [];
  let total = -1;
  for (let offset = 0; total < 0 || offset < total; offset += 97) {
    const p = await s.call('eventSets.events', { ...q, offset, limit: 97 });
    expect(p.indexing).toBeNull();
    total = p.total;
    rows.push(...p.rows);
    if (p.rows.length === 0) break;
  }
  expect(rows).toHaveLength(total);
  return { rows, total };
}

beforeAll(async () => {
  s = testService();
  const doc = await s.call('programs.import', { text: programText, fileName: 'demo.program.json' });
  programId = doc.id;
  eventSetId = (await s.call('eventSets.import', { programId, text: eventsText, fileName: 'demo.events.json' })).id;
  const asOf = '2026-07-01T00:00:00Z';
  runId = (await s.call('replay.start', { programId, eventSetId, asOf })).runId;
  await waitForRun(s, runId, 120_000);
  const set = parseEventSetText(eventsText, 'demo.events.json');
  events = set.events;
  engine = replay(parseProgramText(programText), set, { asOf });
}, 180_000);
afterAll(async () => s.dispose());

const idOf = (e: EventInput, i: number): string => e.id ?? `#${i + 1}`;
const atMs = (e: EventInput): number => parseInstant(e.at) ?? Number.NaN;

describe('event browser', () => {
  it('lists every event of the set once, in time order (ties in file order), paged', async () => {
    // Built on first browse: ask until the index is whole (a small set is whole at once).
    for (let i = 0; i < 100 && (await s.call('eventSets.events', { eventSetId })).indexing; i++);
    const { rows, total } = await all({ eventSetId });
    expect(total).toBe(events.length);
    const want = events.map((e, i) => ({ e, i })).sort((a, b) => atMs(a.e) - atMs(b.e) || a.i - b.i);
    expect(rows.map((r) => [r.position, r.id, r.type, r.at])).toEqual(want.map(({ e, i }) => [i + 1, idOf(e, i), e.type, e.at]));
  });

  it('counts per type and per customer equal the events of the file', async () => {
    const types = [...new Set(events.map((e) => e.type))];
    expect(types.length).toBeGreaterThan(3);
    for (const type of types) expect((await s.call('eventSets.events', { eventSetId, type, limit: 1 })).total, type).toBe(events.filter((e) => e.type === type).length);
    const customerOf = (e: EventInput): string | null =>
      e.type === 'customer.created' ? e.customer.key : e.type === 'transaction.created' ? e.transaction.customerKey : e.type === 'action.created' ? e.action.customerKey : null;
    const customers = [...new Set(events.map(customerOf).filter((c): c is string => c !== null))].slice(0, 8);
    for (const customerKey of customers) {
      const { rows } = await all({ eventSetId, customerKey });
      expect(rows.map((r) => r.position), customerKey).toEqual(
        events
          .map((e, i) => ({ e, i }))
          .filter(({ e }) => customerOf(e) === customerKey)
          .sort((a, b) => atMs(a.e) - atMs(b.e) || a.i - b.i)
          .map(({ i }) => i + 1),
      );
    }
  });

  it('per partner holds the events the partner timeline counts for that partner', async () => {
    const keys = engine.partners.map((p) => p.key);
    expect(keys.length).toBeGreaterThan(3);
    let some = 0;
    for (const partnerKey of keys) {
      const tl = await s.call('replay.partnerTimeline', { runId, partnerKey, limit: 20_000 });
      const { rows, total } = await all({ eventSetId, partnerKey });
      expect(total, partnerKey).toBe(tl.eventCount);
      expect(new Set(rows.map((r) => r.id)), partnerKey).toEqual(new Set(tl.entries.filter((e) => e.kind === 'event').map((e) => e.eventId)));
      some += total;
    }
    expect(some).toBeGreaterThan(0);
  });

  it('a date range holds the events at or after from and before to', async () => {
    const sorted = events.map(atMs).sort((a, b) => a - b);
    const from = new Date(sorted[Math.floor(sorted.length / 4)]!).toISOString();
    const to = new Date(sorted[Math.floor((sorted.length * 3) / 4)]!).toISOString();
    const want = events.filter((e) => atMs(e) >= Date.parse(from) && atMs(e) < Date.parse(to)).length;
    expect(want).toBeGreaterThan(0);
    expect((await s.call('eventSets.events', { eventSetId, from, to, limit: 1 })).total).toBe(want);
    // An instant with an offset means the same moment.
    const local = new Date(Date.parse(from)).toISOString().replace('Z', '+00:00');
    expect((await s.call('eventSets.events', { eventSetId, from: local, to, limit: 1 })).total).toBe(want);
  });

  it("each event's outcome is the engine's: rejected with its reason, fired with its rewards, or nothing", async () => {
    const { rows } = await all({ eventSetId, runId });
    const rejected = new Map(engine.rejected.map((r) => [r.index + 1, r.message]));
    const rewards = new Map<string, number>();
    for (const r of engine.rewards) rewards.set(r.eventId, (rewards.get(r.eventId) ?? 0) + 1);
    const acted = new Set([...engine.groupChanges.map((g) => g.eventId), ...engine.tagsApplied.map((t) => t.eventId)]);
    for (const r of rows) {
      const want = rejected.has(r.position)
        ? { kind: 'rejected', reason: rejected.get(r.position), rewards: 0 }
        : { kind: (rewards.get(r.id) ?? 0) > 0 || acted.has(r.id) ? 'fired' : 'nothing', rewards: rewards.get(r.id) ?? 0 };
      expect(r.outcome, r.id).toEqual(want);
    }
    const kinds = { rejected: 0, fired: 0, nothing: 0 };
    for (const r of rows) kinds[r.outcome!.kind]++;
    expect(kinds.rejected).toBe(engine.rejected.length);
    expect(kinds.fired).toBeGreaterThan(0);
    expect(kinds.nothing).toBeGreaterThan(0);
    expect(rows.reduce((a, r) => a + r.outcome!.rewards, 0)).toBe(engine.rewards.length);
    // The outcome filters page the same events, each with its count.
    for (const outcome of ['rejected', 'fired', 'nothing'] as const) {
      const f = await all({ eventSetId, runId, outcome });
      expect(f.total, outcome).toBe(kinds[outcome]);
      expect(f.rows.map((r) => r.id), outcome).toEqual(rows.filter((r) => r.outcome!.kind === outcome).map((r) => r.id));
    }
    // Combined with a type: the transactions nothing fired for.
    const tx = await all({ eventSetId, runId, outcome: 'nothing', type: 'transaction.created' });
    expect(tx.rows.every((r) => r.type === 'transaction.created' && r.outcome?.kind === 'nothing')).toBe(true);
    expect(tx.total).toBe(rows.filter((r) => r.type === 'transaction.created' && r.outcome!.kind === 'nothing').length);
  });

  it('text matches the id, partner, customer or detail, case-insensitively; % and _ are plain characters', async () => {
    const sample = events.find((e) => e.type === 'transaction.created')!;
    const key = sample.transaction.key;
    const hit = await all({ eventSetId, text: key.toUpperCase() });
    expect(hit.rows.some((r) => r.detail.includes(key))).toBe(true);
    expect(hit.rows.every((r) => [r.id, r.partnerKey, r.customerKey, r.detail, r.type].some((x) => x?.toLowerCase().includes(key.toLowerCase())))).toBe(true);
    // LIKE's wildcards match only themselves: as many hits as rows holding the character.
    const every = (await all({ eventSetId })).rows;
    for (const ch of ['%', '_']) {
      const want = every.filter((r) => [r.id, r.partnerKey, r.customerKey, r.detail, r.type].some((x) => x?.includes(ch))).length;
      expect((await s.call('eventSets.events', { eventSetId, text: ch, limit: 1 })).total, ch).toBe(want);
      expect(want, ch).toBeLessThan(every.length);
    }
  });

  it('refuses bad input naming the field', async () => {
    const err = async (args: ArgsOf<'eventSets.events'>) => {
      const r = await s.dispatch('eventSets.events', args);
      return r.ok ? null : { message: r.error.message, field: r.error.field ?? r.error.issues?.[0]?.path };
    };
    expect(await err({ eventSetId, from: 'yesterday' })).toEqual({ message: 'from is not an ISO-8601 instant (e.g. 2026-02-01T05:00:00Z)', field: 'from' });
    expect(await err({ eventSetId, from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })).toEqual({ message: 'to is before from', field: 'to' });
    expect(await err({ eventSetId: 'es_nope' })).toEqual({ message: 'event set "es_nope" does not exist', field: 'eventSetId' });
    expect((await err({ eventSetId, outcome: 'fired' }))?.field).toMatch(/outcome/);
    expect((await err({ eventSetId, limit: 5000 }))?.field).toMatch(/limit/);
    const other = await s.call('eventSets.import', { programId, fileName: 'one.json', text: JSON.stringify({ format: 'offerflow.events/1', events: [] }) });
    expect(await err({ eventSetId: other.id, runId })).toEqual({ message: `run "${runId}" replayed another event set`, field: 'runId' });
  });
});

describe('event browser index', () => {
  it('is built over several calls for a large set, never going backwards; a customer created later in the file still names its partner', async () => {
    const n = 25_000;
    const list: object[] = [];
    // The first transaction comes before its customer in the file (and in time): its partner is filled in at the end.
    list.push({ type: 'transaction.created', at: '2026-01-01T00:00:00Z', transaction: { key: 't-early', customerKey: 'c-late', amount: '10.00', currency: 'USD' } });
    for (let i = 1; i < n - 1; i++) list.push({ id: `e${i}`, type: 'link.clicked', at: new Date(Date.parse('2026-01-02T00:00:00Z') + i * 1000).toISOString(), partnerKey: i % 2 ? 'ana' : 'bo', count: i });
    list.push({ type: 'customer.created', at: '2026-02-01T00:00:00Z', customer: { key: 'c-late', partnerKey: 'ana' } });
    const set = await s.call('eventSets.import', { programId, fileName: 'big.json', text: JSON.stringify({ format: 'offerflow.events/1', events: list }) });
    let last = -1;
    let page = await s.call('eventSets.events', { eventSetId: set.id, limit: 3 });
    for (let calls = 0; page.indexing && calls < 1000; calls++) {
      expect(page.indexing.done).toBeGreaterThanOrEqual(last);
      expect(page.indexing.total).toBe(n);
      last = page.indexing.done;
      page = await s.call('eventSets.events', { eventSetId: set.id, limit: 3 });
    }
    expect(page.indexing).toBeNull();
    expect(page.total).toBe(n);
    // Events without an id are named as the engine names them: #<position>.
    expect(page.rows[0]).toMatchObject({ position: 1, id: '#1', partnerKey: 'ana', customerKey: 'c-late', detail: 't-early · 10.00 USD' });
    expect((await s.call('eventSets.events', { eventSetId: set.id, partnerKey: 'ana', limit: 1 })).total).toBe(1 + Math.ceil((n - 2) / 2) + 1);
    const end = await s.call('eventSets.events', { eventSetId: set.id, offset: n - 2, limit: 5 });
    expect(end.rows.map((r) => r.id)).toEqual([`e${n - 2}`, `#${n}`]);
    expect(end.rows[0]?.detail).toBe(`${n - 2} clicks`);
    // Deleting the set removes its index with it.
    await s.call('eventSets.delete', { eventSetId: set.id });
    expect((await s.dispatch('eventSets.events', { eventSetId: set.id })).ok).toBe(false);
  }, 120_000);
});

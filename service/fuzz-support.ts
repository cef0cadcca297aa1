/**
 * Shared pieces of the contract fuzzers (issue 6): a valid argument per channel built from a
 * seeded service's ids, structural mutations of those arguments, and a dump of every table so a
 * test can prove a refused call left the database exactly as it was.
 */
import { jsonPaths, setAtPath } from '../engine/test-helpers';
import fc from 'fast-check';
import type { Channel } from './contract';
import type { Db } from './store';

/** Ids of a seeded service that valid arguments point at. */
export interface FuzzIds {
  programId: string;
  triggerId: string;
  draftId: string;
  eventSetId: string;
  runId: string;
  rewardId: string;
  eventId: string;
  partnerKey: string;
  /** An import job started by the seeding (its progress and cancel calls need one). */
  importId: string;
  /** An app import draft with a preview (its preview, commit and discard calls need one). */
  importDraftId: string;
}

const trigger = {
  name: 'Fuzz draft',
  event: 'transaction.created',
  status: 'draft',
  rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: 'bronze' }] },
  action: { type: 'reward', offer: { description: '$1', type: 'flat', amount: '1.00', currency: 'USD' } },
};
const drip = { delay: { count: 1, unit: 'month' }, cycle: { count: 1, unit: 'month' }, occurrences: 3, split: false };
const offer = { description: 'drip', type: 'flat', amount: '3.00', currency: 'USD' };
const partner = { key: 'fuzz-partner', name: 'Fuzz', group: 'bronze', tier: null, tags: [], joinedAt: '2026-01-02T09:00:00Z' };

/** A one-line Stripe export (a customer with a partner) for the import channels. */
export const FUZZ_STRIPE_EVENTS = `${JSON.stringify({ id: 'evt_1', object: 'event', type: 'customer.created', created: 1767225600, livemode: true, data: { object: { id: 'cus_1', object: 'customer', created: 1767225600, livemode: true, metadata: { customer_key: 'c1', partner_key: 'ana' } } } })}\n`;

/** The app import's and compare traces' channels (issue 18). */
function importArgs({ programId, triggerId, eventSetId, importDraftId }: FuzzIds) {
  return {
    'programs.compareTraces': { programId, eventSetId, against: { programId }, aTriggerId: triggerId, bTriggerId: triggerId },
    'imports.addFile': { role: 'source', fileName: 'events.jsonl', text: FUZZ_STRIPE_EVENTS },
    'imports.preview': { draftId: importDraftId, source: 'stripe', transactions: 'invoices', includeTest: true },
    'imports.commit': { draftId: importDraftId, programId, createProgram: false },
    'imports.discard': { draftId: importDraftId },
  };
}

/** A valid argument for every channel (the type makes a new channel a compile error here). */
export function validArgs(ids: FuzzIds, programText: string, eventsText: string): Record<Channel, Record<string, unknown>> {
  const { programId, triggerId, draftId, eventSetId, runId, importId } = ids;
  return {
    'programs.list': {},
    'programs.get': { programId },
    'programs.create': { name: 'Fuzz program' },
    'programs.import': { text: programText, fileName: 'fuzz.program.json' },
    'programs.export': { programId },
    'programs.duplicate': { programId, name: 'Copy' },
    'programs.rename': { programId, name: 'Renamed' },
    'programs.delete': { programId },
    'programs.updateSettings': { programId, timeZone: 'Europe/Paris', fxRates: { EUR: '1.10' }, groups: [{ key: 'bronze', name: 'Bronze' }, { key: 'silver', name: 'Silver' }], tiers: [], tags: [] },
    'programs.validate': { programId },
    'programs.compare': { programId, eventSetId, against: { asOf: '2026-01-01T00:00:00Z' } },
    ...importArgs(ids),
    'partners.upsert': { programId, partner },
    'partners.delete': { programId, key: ids.partnerKey },
    'partners.importCsv': { programId, text: 'key,name,group,joinedAt\nzed,Zed,bronze,2026-01-05T00:00:00Z\n', fileName: 'p.csv' },
    'triggers.create': { programId, trigger },
    'triggers.update': { programId, triggerId: draftId, trigger: { ...trigger, id: draftId, name: 'Renamed draft' } },
    'triggers.activate': { programId, triggerId: draftId },
    'triggers.deactivate': { programId, triggerId },
    'triggers.duplicate': { programId, triggerId },
    'triggers.delete': { programId, triggerId },
    'triggers.versions': { programId, triggerId },
    'triggers.reorder': { programId, event: 'transaction.created', order: ['silver-offer', 'bronze-offer', 'move-to-silver', draftId] },
    'visibility.get': { programId, partnerKey: ids.partnerKey },
    'drip.preview': { programId, drip, offer, exampleAt: '2026-02-01T10:00:00Z', exampleAmount: '100.00', exampleCurrency: 'USD' },
    'eventSets.list': { programId },
    'eventSets.import': { programId, fileName: 'fuzz.events.json', text: eventsText },
    'eventSets.delete': { eventSetId },
    'eventSets.importStart': { programId, fileName: 'fuzz.events.json', text: eventsText },
    'eventSets.importProgress': { importId },
    'eventSets.importCancel': { importId },
    'eventSets.annotate': { eventSetId, name: 'Renamed set', note: 'for the fuzz' },
    'eventSets.events': { eventSetId, runId, offset: 0, limit: 20, type: 'transaction.created', from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z', text: 'a', outcome: 'fired' },
    'eventSets.expectations': { eventSetId },
    'eventSets.setExpectations': { eventSetId, expect: { rejected: [] } },
    'replay.saveAsExpected': { runId, rewards: true, partners: true, rejected: false },
    'replay.start': { programId, eventSetId },
    'replay.progress': { runId },
    'replay.cancel': { runId },
    'replay.result': { runId },
    'replay.runs': { programId },
    'replay.ledger': { runId, offset: 0, limit: 10, sort: 'amountUsd', desc: true },
    'replay.ledgerCsv': { runId, status: 'pending' },
    'replay.trace': { runId, eventId: ids.eventId },
    'replay.compare': { beforeRunId: runId, afterRunId: runId },
    'replay.delete': { runId },
    'replay.annotate': { runId, name: 'Fuzz run', note: 'a note' },
    'replay.snapshot': { runId },
    'rewards.review': { runId, rewardIds: [ids.rewardId], decision: 'declined', reason: 'fuzz' },
    'payouts.month': { runId, month: '2026-03' },
    'payouts.invoiceCsv': { runId, month: '2026-03' },
    'payouts.year': { runId, from: '2026-01' },
    'payouts.statement': { runId, partnerKey: ids.partnerKey },
    'replay.summary': { runId },
    'replay.partnerTimeline': { runId, partnerKey: ids.partnerKey, limit: 100 },
  };
}

type Path = (string | number)[];

/** Paths to every node of a JSON-like value (the root included). */
export const paths = jsonPaths;

/** Values that break assumptions: wrong types, edge numbers, huge or hostile strings. */
export const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '', ' ', '2026-02-30T00:00:00Z', '1.001', '-0', 'NaN', '1e309', 'Europe/Atlantis', '../../etc/passwd', '\u0000', "'; DROP TABLE programs; --",
    '__proto__', 'constructor', 'a'.repeat(5000), 1e308, -1, 0.5, Number.MAX_SAFE_INTEGER, true, null, [], {}, [[[[]]]], { __proto__: { polluted: 1 } },
  ),
);

/** One mutation of a valid argument: a node replaced or removed, an unknown key, or a whole random value. */
export function mutatedArgs(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const all = paths(base);
  const structural = fc
    .record({ at: fc.integer({ min: 0, max: all.length - 1 }), value: weird, remove: fc.boolean(), extraKey: fc.option(fc.string({ maxLength: 8 }), { freq: 4 }) })
    .map(({ at, value, remove, extraKey }) => {
      let v = setAtPath(base, all[at] as Path, value, remove);
      if (extraKey !== null && v && typeof v === 'object' && !Array.isArray(v)) v = { ...v, [extraKey]: value };
      return v;
    });
  return fc.oneof({ arbitrary: structural, weight: 8 }, { arbitrary: fc.constant(base), weight: 1 }, { arbitrary: weird, weight: 1 });
}

/** Every row of every table, in a stable order: equal dumps mean an unchanged database. */
export function dumpDb(db: Db): string {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name}"`).all().map((r) => JSON.stringify(r));
    out[name] = rows.sort();
  }
  return JSON.stringify(out);
}

/** Rejects when `p` takes longer than `ms` (a hang is a failure, not a slow test). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

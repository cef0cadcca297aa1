/**
 * Fuzzing the contract through the dispatcher (issue 6): every channel gets mutated and random
 * arguments. A call never throws or hangs; it answers a valid result or `{ ok: false, error }`
 * whose message a person can act on (never "internal error"), naming the field when the
 * arguments were malformed; and a refused call leaves every table exactly as it was.
 *
 * Each call runs inside `BEGIN IMMEDIATE … ROLLBACK` on the service's own connection: the
 * handlers' transactions become savepoints, so a half-written refusal would still show in the
 * dump taken before the rollback, and the rollback gives every case the same seeded state.
 * `replay.start`/`replay.cancel` talk to a worker with its own connection, so they run bare.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from './contract';
import { dumpDb, FUZZ_STRIPE_EVENTS, mutatedArgs, validArgs, withTimeout, type FuzzIds } from './fuzz-support';
import { example, testService, waitForRun, type TestService } from './test-helpers';
import { readLedger } from './store';

const LONG = Number(process.env.FUZZ_RUNS ?? 0);
/** Cases per channel: a quick fixed-seed pass in `npm test`, many more under `npm run fuzz`. */
const RUNS = LONG > 0 ? Math.ceil(LONG / 20) : 40;
/** Channels that start a worker thread per valid call get fewer cases (each costs ~1 s). */
const HEAVY = new Set<Channel>(['replay.start', 'replay.trace']);
const BARE = new Set<Channel>(['replay.start', 'replay.cancel']);

let s: TestService;
let ids: FuzzIds;
let bases: ReturnType<typeof validArgs>;
const counts = { calls: 0, accepted: 0, refused: 0, refusedUnchanged: 0, unknownChannel: 0 };

beforeAll(async () => {
  s = testService(() => '2026-03-01T00:00:00.000Z');
  const programText = example('seed-order-recommended.program.json');
  const eventsText = example('seed-order-recommended.events.json');
  const doc = await s.call('programs.import', { text: programText, fileName: 'p.json' });
  const set = await s.call('eventSets.import', { programId: doc.id, fileName: 'e.json', text: eventsText });
  const draft = await s.call('triggers.create', {
    programId: doc.id,
    trigger: { name: 'Draft', event: 'transaction.created', status: 'draft', rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: 'silver' }] }, action: { type: 'reward', offer: { description: '$2', type: 'flat', amount: '2.00', currency: 'USD' } } },
  });
  const { runId } = await s.call('replay.start', { programId: doc.id, eventSetId: set.id });
  await waitForRun(s, runId);
  const first = readLedger(s.db, runId)[0];
  if (!first) throw new Error('the seeded run has no rewards');
  const { importId } = await s.call('eventSets.importStart', { programId: doc.id, fileName: 'fuzz.events.json', text: eventsText });
  const { draftId: importDraftId } = await s.call('imports.addFile', { fileName: 'events.jsonl', text: FUZZ_STRIPE_EVENTS });
  await s.call('imports.preview', { draftId: importDraftId, source: 'stripe' });
  ids = { programId: doc.id, triggerId: 'bronze-offer', draftId: draft.id, eventSetId: set.id, runId, rewardId: first.id, eventId: first.eventId, partnerKey: 'ana', importId, importDraftId };
  bases = validArgs(ids, programText, eventsText);
}, 60_000);

afterAll(async () => {
  console.log(`contract fuzz (dispatcher): ${JSON.stringify(counts)} over ${CHANNELS.length} channels, ${RUNS} cases each`);
  await s.dispose();
});

/** Calls one channel and checks the answer; returns whether it was refused. */
async function check(channel: Channel, args: unknown): Promise<void> {
  const bare = BARE.has(channel);
  if (!bare) s.db.exec('BEGIN IMMEDIATE');
  try {
    const before = dumpDb(s.db);
    const r = await withTimeout(s.dispatch(channel, args), 20_000, channel);
    counts.calls++;
    expect(() => JSON.stringify(r)).not.toThrow();
    if (r.ok) {
      counts.accepted++;
      // A started run writes its progress, heartbeat and end through this same connection; it
      // must be over before the next case, or those writes land inside another case's
      // before/after dump and read as a refused call changing the database.
      if (channel === 'replay.start') await waitForRun(s, (r.value as { runId: string }).runId, 120_000);
      return;
    }
    counts.refused++;
    expect(typeof r.error.message).toBe('string');
    expect(r.error.message.length).toBeGreaterThan(0);
    expect(r.error.message, `${channel} ${JSON.stringify(args ?? null).slice(0, 300)}`).not.toMatch(/^internal error/);
    const parsed = contract[channel].args.safeParse(args ?? {});
    // A malformed argument is named: by its field, or at the root ("arguments unknown key \"x\"").
    if (!parsed.success) expect(r.error.field ?? r.error.message.match(/^arguments /)?.[0], r.error.message).toBeTruthy();
    expect(dumpDb(s.db), `${channel} refused but changed the database`).toBe(before);
    counts.refusedUnchanged++;
  } finally {
    if (!bare) s.db.exec('ROLLBACK');
  }
}

describe('contract fuzz over the dispatcher', () => {
  it('every valid base argument is accepted (so mutations start from a real call)', async () => {
    for (const channel of CHANNELS) {
      if (BARE.has(channel)) continue;
      s.db.exec('BEGIN IMMEDIATE');
      try {
        const r = await s.dispatch(channel, bases[channel]);
        expect(r.ok ? 'ok' : `${channel}: ${r.error.message}`).toBe('ok');
      } finally {
        s.db.exec('ROLLBACK');
      }
    }
  });

  for (const [i, channel] of CHANNELS.entries()) {
    it(`fuzz ${channel}: mutated arguments give a result or a named refusal, never a partial write`, async () => {
      await fc.assert(
        fc.asyncProperty(mutatedArgs(bases[channel]), (args) => check(channel, args)),
        { numRuns: HEAVY.has(channel) ? Math.max(8, Math.ceil(RUNS / 4)) : RUNS, seed: 600 + i },
      );
    }, 120_000);
  }

  it('fuzz unknown channels and non-object arguments are refused by name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 2 }), async (name, args) => {
        const r = await s.dispatch(name, args);
        if (Object.prototype.hasOwnProperty.call(contract, name)) return;
        expect(r).toMatchObject({ ok: false, error: { field: 'channel' } });
        counts.unknownChannel++;
      }),
      { numRuns: RUNS * 5, seed: 699 },
    );
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect((await s.dispatch(name, {})).ok).toBe(false);
  });
});

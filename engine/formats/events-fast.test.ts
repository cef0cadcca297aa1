/**
 * The fast event path (events-fast.ts) against the schema it stands in for: on generated events,
 * well-formed and broken in every field, whatever the fast path accepts the schema accepts with
 * the very same output (keys in the same order), and every well-formed hot event takes the fast
 * path. A whole set read through `parseEventSetText` gives the schema's value or the schema's
 * issues, byte for byte.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventSchema, EventSetSchema, EVENTS_FORMAT } from './events-schema';
import { fastEvent, fastEvents } from './events-fast';
import { InputError } from './issues';
import { parseEventSetText, readEventSetText } from './read';
import { parseInstant } from '../time';
import { zodIssues } from './zod-issues';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const instant = fc.constantFrom('2026-02-01T09:00:00Z', '2026-02-01T09:00:00.123Z', '2026-03-29T01:30:00+01:00', '2026-12-31T23:59:59-05:00');
const key = fc.oneof(fc.constantFrom('c1', 'p-9', 'tx_1', 'ä'), fc.string({ minLength: 1, maxLength: 12 }));
const text = fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }));
const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'KWD', 'GBP');
// Amounts a currency allows: JPY has no decimals, KWD three.
const amountFor = (c: string) =>
  c === 'JPY' ? fc.oneof(fc.constantFrom('1200', '0', '-5'), fc.integer({ min: -1e6, max: 1e6 })) : c === 'KWD' ? fc.constantFrom('1.234', '10', '-0.5', 7) : fc.oneof(fc.constantFrom('100.00', '0.5', '-12.30', '19'), fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(12.5, 0.25));

/** An optional field: absent (key left out) or the value. */
const opt = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const strip = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const base = fc.record({ id: opt(key), at: instant, receivedAt: opt(instant) });
const customer = fc.record({ key, partnerKey: opt(fc.oneof(fc.constant(null), key)), name: opt(text), createdAt: opt(instant) }).map(strip);
const transaction = currency.chain((c) => fc.record({ key, customerKey: key, amount: amountFor(c), currency: fc.constant(c), productKey: opt(text), categoryKey: opt(text), createdAt: opt(instant) }).map(strip));
const action = fc.record({ key, customerKey: key, actionKey: key, value: opt(fc.constantFrom('1.50', '3', 2)) }).map(strip);
const deal = fc.oneof(
  fc.record({ key, partnerKey: key, name: opt(text), stage: key }).map(strip),
  currency.chain((c) => fc.record({ key, partnerKey: key, name: opt(text), stage: key, amount: amountFor(c), currency: opt(fc.constant(c)) }).map(strip)).filter((d) => d.currency !== undefined || typeof d.amount !== 'string' || !/\.\d{3}/.test(d.amount)),
);
const lead = fc.record({ key, partnerKey: key, name: opt(text), stage: opt(key), submittedAt: opt(instant) }).map(strip);

/** A well-formed hot event, its keys in a shuffled order (the schema's output order is its own). */
const goodHot = fc
  .tuple(
    base,
    fc.oneof(
      customer.map((customer) => ({ type: 'customer.created', customer })),
      transaction.map((transaction) => ({ type: 'transaction.created', transaction })),
      action.map((action) => ({ type: 'action.created', action })),
      deal.map((deal) => ({ type: 'deal.stage_changed', deal })),
      lead.chain((lead) => fc.constantFrom({ type: 'lead.closed', lead }, { type: 'lead.qualified', lead })),
    ),
    fc.boolean(),
  )
  .map(([b, e, reverse]) => {
    const o = { ...strip(b), ...e } as Record<string, unknown>;
    return reverse ? Object.fromEntries(Object.entries(o).reverse()) : o;
  });

const weird = fc.constantFrom<unknown>('', 'a'.repeat(201), '2026-02-30T00:00:00Z', '1.001', '1.2.3', 'NaN', 'XYZ', 1e21, -0, 1.5, true, null, [], {}, 'EUR', '12');

/** A good event with one field (at any depth) replaced, removed, or an extra key added. */
const broken = fc.tuple(goodHot, fc.nat(), weird, fc.constantFrom('replace', 'remove', 'extra')).map(([e, n, value, how]) => {
  const copy = structuredClone(e);
  const spots: [Record<string, unknown>, string][] = [];
  for (const [k, v] of Object.entries(copy)) {
    spots.push([copy, k]);
    if (v && typeof v === 'object') for (const k2 of Object.keys(v)) spots.push([v as Record<string, unknown>, k2]);
  }
  const [obj, k] = spots[n % spots.length] as [Record<string, unknown>, string];
  if (how === 'replace') obj[k] = value;
  else if (how === 'remove') Reflect.deleteProperty(obj, k);
  else obj[`${k}X`] = value;
  return copy;
});

const rare = fc.tuple(base, fc.constantFrom<Record<string, unknown>>(
  { type: 'link.clicked', partnerKey: 'p1', count: 3 },
  { type: 'link.clicked', partnerKey: 'p1', count: 1.5 },
  { type: 'partner.group_changed', partnerKey: 'p1', group: 'gold' },
  { type: 'partner.created', partner: { key: 'p9', joinedAt: '2026-01-01T00:00:00Z' } },
  { type: 'partner.created', partner: { key: 'p9', tags: ['a'] } },
  { type: 'no.such.type', partnerKey: 'p1' },
)).map(([b, e]) => ({ ...strip(b), ...e }));

describe('the fast event path', () => {
  it('takes every well-formed hot event, with exactly the schema\'s output', () => {
    fc.assert(
      fc.property(goodHot, (e) => {
        const fast = fastEvent(e);
        const slow = EventSchema.safeParse(e);
        expect(slow.success).toBe(true);
        expect(fast).not.toBeNull();
        expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data));
      }),
      { numRuns: RUNS, seed: 17 },
    );
  });

  it('never accepts what the schema refuses, and never answers differently from it', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(broken, rare, goodHot), (e) => {
        const fast = fastEvent(e);
        const slow = EventSchema.safeParse(e);
        if (!slow.success) refused++;
        if (fast !== null) {
          expect(slow.success).toBe(true);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data));
        }
      }),
      { numRuns: RUNS * 3, seed: 18 },
    );
    // The generator must really reach refusals for this to say anything.
    expect(refused).toBeGreaterThan(RUNS / 2);
  });

  it('a whole set reads as the schema reads it: the same value, or the same issues', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(goodHot, goodHot, broken, rare), { maxLength: 6 }), fc.option(fc.string({ maxLength: 6 }), { nil: undefined }), (events, name) => {
        const value = { format: EVENTS_FORMAT, ...(name === undefined ? {} : { name }), events };
        const slow = EventSetSchema.safeParse(value);
        let read: unknown;
        try {
          read = parseEventSetText(JSON.stringify(value), 'e.json');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(slow.success).toBe(false);
          if (!slow.success) expect(e.issues).toEqual(zodIssues(slow.error));
          return;
        }
        expect(slow.success).toBe(true);
        expect(JSON.stringify(read)).toBe(JSON.stringify(slow.data));
        expect(fastEvents(events) !== null).toBe(true);
      }),
      { numRuns: RUNS, seed: 19 },
    );
  });

  it('hands over the instants it parsed: each event\'s `at` and moment as parseInstant reads them', () => {
    let handed = 0;
    const goodRare = fc.tuple(base, fc.constantFrom<Record<string, unknown>>({ type: 'link.clicked', partnerKey: 'p1', count: 3 }, { type: 'partner.group_changed', partnerKey: 'p1', group: 'gold' })).map(([b, e]) => ({ ...strip(b), ...e }));
    fc.assert(
      fc.property(fc.array(fc.oneof(goodHot, goodHot, goodRare), { maxLength: 8 }), (events) => {
        const { set, instants } = readEventSetText(JSON.stringify({ format: EVENTS_FORMAT, events }), 'e.json');
        expect(instants).not.toBeNull();
        if (instants === null) return;
        handed++;
        expect(instants.atMs.length).toBe(set.events.length);
        set.events.forEach((e, i) => {
          expect(instants.atMs[i]).toBe(parseInstant(e.at));
          expect(instants.momentMs[i]).toBe(parseInstant(e.receivedAt ?? e.at));
        });
      }),
      { numRuns: RUNS, seed: 20 },
    );
    expect(handed).toBe(RUNS);
    // A CSV set hands over nothing (the replay parses its instants itself).
    expect(readEventSetText('id,type,at,partnerKey,count\nk1,link.clicked,2026-02-10T12:00:00Z,alice,3\n', 'e.csv').instants).toBeNull();
  });
});

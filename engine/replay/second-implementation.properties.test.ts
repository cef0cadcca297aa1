/**
 * The generators that would have found the classes of issue 13 (a second implementation of
 * ENGINE.md disagreed there): filters on every static field of the aggregated object checked
 * against a brute-force count, huge amounts checked against BigInt sums, and partner, customer
 * and lead events with and without their optional dates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldSpec, filterFieldsFor, valueTypeOf, type FieldSpec, type Operator } from '../catalogue';
import { serializeReport, type BlockTrace, type RuleTrace } from '../formats/report';
import { divRoundHalfAway, minorOf } from '../money';
import { eventSet, program, run, trigger, type Json } from '../test-helpers';
import { validateProgram } from '../validate';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 1, 1);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const PRODUCTS = ['p', 'q', null] as const;
const CATEGORIES = ['x', null] as const;

interface Tx {
  customer: number;
  cents: number | bigint;
  currency: 'USD' | 'EUR';
  product: string | null;
  category: string | null;
  createdDay: number | null;
  at: number;
}
interface Cust {
  at: number;
  createdDay: number | null;
}

/** Five customers of ana and up to 25 sales, each at its own second; some dates left out. */
const worldArb = fc
  .record({
    customers: fc.array(fc.record({ day: fc.integer({ min: 0, max: 20 }), createdDay: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }) }), { minLength: 5, maxLength: 5 }),
    sales: fc.array(
      fc.record({
        customer: fc.integer({ min: 0, max: 4 }),
        day: fc.integer({ min: 0, max: 40 }),
        cents: fc.oneof(fc.integer({ min: -5000, max: 200_000 }), fc.bigInt({ min: 2n ** 52n, max: 2n ** 60n }).map(minorOf)),
        currency: fc.constantFrom<'USD' | 'EUR'>('USD', 'EUR'),
        product: fc.constantFrom(...PRODUCTS),
        category: fc.constantFrom(...CATEGORIES),
        createdDay: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ customers, sales }) => {
    const cs: Cust[] = customers.map((c, i) => ({ at: BASE + c.day * DAY + i * 1000, createdDay: c.createdDay }));
    // Sales come after every customer exists (no rejections to model), in time order.
    const start = Math.max(...cs.map((c) => c.at)) + 1000;
    const txs: Tx[] = sales.map((s, i) => ({ ...s, at: start + s.day * DAY + i * 1000 })).sort((a, b) => a.at - b.at);
    return { cs, txs };
  });

const money = (cents: number | bigint) => {
  const b = BigInt(cents);
  const neg = b < 0n;
  const d = (neg ? -b : b).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${d.slice(0, -2)}.${d.slice(-2)}`;
};

function eventsOf(cs: Cust[], txs: Tx[]): Json[] {
  return [
    ...cs.map((c, i) => ({ id: `c${i}`, type: 'customer.created', at: iso(c.at), customer: { key: `c${i}`, partnerKey: 'ana', ...(c.createdDay === null ? {} : { createdAt: iso(BASE + c.createdDay * DAY) }) } })),
    ...txs.map((t, i) => ({
      id: `t${i}`,
      type: 'transaction.created',
      at: iso(t.at),
      transaction: { key: `t${i}`, customerKey: `c${t.customer}`, amount: money(t.cents), currency: t.currency, productKey: t.product, categoryKey: t.category, ...(t.createdDay === null ? {} : { createdAt: iso(BASE + t.createdDay * DAY) }) },
    })),
  ];
}

/** A valid value for a rule on `spec` with `op` (FORMATS: the kind follows field and operator). */
function valueArb(spec: FieldSpec, op: Operator): fc.Arbitrary<unknown> {
  switch (valueTypeOf(spec, op)) {
    case 'none':
      return fc.constant(undefined);
    case 'integer':
      return fc.integer({ min: 0, max: 12 });
    case 'money':
      return fc.integer({ min: -100, max: 3000 }).map((n) => `${n}.00`);
    case 'date':
      return fc.integer({ min: 0, max: 45 }).map((d) => iso(BASE + d * DAY).slice(0, 10));
    case 'boolean':
      return fc.boolean();
    case 'string':
      return spec.field === 'currency' ? fc.constantFrom('USD', 'EUR') : fc.constantFrom('p', 'q', 'x');
    case 'string_list':
      return fc.subarray(spec.field === 'currency' ? ['USD', 'EUR'] : ['p', 'q', 'x'], { minLength: 1 });
  }
}

/** Every static field of the aggregated object, every operator it allows, a valid value. */
function filterArb(aggregate: FieldSpec): fc.Arbitrary<Json> {
  const fields = filterFieldsFor(aggregate);
  return fc
    .constantFrom(...fields)
    .chain((f) => fc.constantFrom(...f.operators).chain((op) => valueArb(f, op).map((value) => ({ object: f.object, field: f.field, op, ...(value === undefined ? {} : { value }) }))));
}

type Plain = number | string | boolean | null;

/** ENGINE §4 operators over a plain value (dates as epoch ms, thresholds already converted). */
function refPass(op: string, v: Plain, x: unknown): boolean {
  const missing = v === null || v === '';
  switch (op) {
    case 'is_empty':
      return missing;
    case 'is_not_empty':
      return !missing;
    case 'not_equal_to':
      return missing || v !== x;
    case 'is_not_in':
      return missing || !(x as unknown[]).includes(v);
    case 'is_in':
      return !missing && (x as unknown[]).includes(v);
    case 'equal_to':
    case 'is':
      return !missing && v === x;
  }
  if (missing) return false;
  const a = v as number;
  const b = x as number;
  if (['greater_than', 'becomes_greater_than', 'after'].includes(op)) return a > b;
  if (['greater_than_or_equal_to', 'reaches_or_exceeds', 'more_than_or_exactly', 'after_or_exactly'].includes(op)) return a >= b;
  if (['less_than', 'before'].includes(op)) return a < b;
  if (['less_than_or_equal_to', 'before_or_exactly'].includes(op)) return a <= b;
  throw new Error(`no reference for ${op}`);
}

const dayOf = (ms: number) => Math.floor(ms / DAY);

/** The threshold a filter value stands for: cents for money, 00:00 UTC for dates. */
function refThreshold(f: Json): unknown {
  const spec = fieldSpec(String(f.object), String(f.field)) as FieldSpec;
  if (f.value === undefined) return undefined;
  if (spec.kind === 'date') return Date.parse(`${f.value as string}T00:00:00Z`);
  if (spec.kind === 'money') return Math.round(Number(f.value) * 100);
  return f.value;
}

/** Brute-force counts after each sale, straight from the generated objects. */
function referenceCounts(aggregate: 'customer_count' | 'transaction_count', filter: Json, cs: Cust[], txs: Tx[]): number[] {
  const x = refThreshold(filter);
  const firstPaid = new Map<number, number>();
  const order = new Map<number, number>();
  const out: number[] = [];
  txs.forEach((t, k) => {
    if (!firstPaid.has(t.customer)) {
      firstPaid.set(t.customer, t.at);
      order.set(t.customer, order.size + 1);
    }
    const moment = t.at;
    if (aggregate === 'customer_count') {
      out.push(
        cs.filter((c, i) => {
          const created = c.createdDay === null ? c.at : BASE + c.createdDay * DAY;
          const paid = firstPaid.get(i);
          const v: Plain = {
            signed_up_date: created,
            signed_up_days: dayOf(moment) - dayOf(created),
            first_purchase_days: paid === undefined ? null : dayOf(moment) - dayOf(paid),
            has_paid: paid !== undefined,
            paid_order: order.get(i) ?? null,
          }[String(filter.field)] as Plain;
          return refPass(String(filter.op), v, x);
        }).length,
      );
      return;
    }
    out.push(
      txs.slice(0, k + 1).filter((s) => {
        const usd = s.currency === 'USD' ? Number(s.cents) : Number(divRoundHalfAway(BigInt(s.cents) * 108n, 100n));
        const v: Plain = {
          created_date: s.createdDay === null ? s.at : BASE + s.createdDay * DAY,
          amount: usd,
          product_key: s.product,
          category_key: s.category,
          currency: s.currency,
        }[String(filter.field)] as Plain;
        return refPass(String(filter.op), v, x);
      }).length,
    );
  });
  return out;
}

const FUZZ = Number(process.env.FUZZ_RUNS ?? 0);

describe('second-implementation generators', () => {
  it.each(['customer_count', 'transaction_count'] as const)('%s filtered by any static field of the aggregated object counts what a brute-force count counts', (aggregate) => {
    const spec = fieldSpec('partnership', aggregate) as FieldSpec;
    fc.assert(
      fc.property(worldArb, filterArb(spec), ({ cs, txs }, filter) => {
        const p = program({
          fxRates: { EUR: '1.08' },
          triggers: [trigger('count', { rules: { all: [{ object: 'partnership', field: aggregate, op: 'greater_than_or_equal_to', value: 0, filters: [filter] }] } })],
        });
        expect(validateProgram(p).filter((i) => i.severity === 'error')).toEqual([]);
        const r = run(p, eventSet(eventsOf(cs, txs)), { trace: true });
        const seen = r.trace!.filter((t) => t.type === 'transaction.created').map((t) => ((t.triggers[0]!.rules as BlockTrace).children[0] as RuleTrace).actual);
        expect(seen).toEqual(referenceCounts(aggregate, filter, cs, txs));
      }),
      { numRuns: FUZZ || 150, seed: 1313 },
    );
  });

  it('aggregate sums of huge amounts are the exact BigInt sums (is_multiple_of included)', () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 1, max: 7 }), ({ cs, txs }, m) => {
        const usdOnly = txs.map((t) => ({ ...t, currency: 'USD' as const }));
        const p = program({
          triggers: [
            trigger('sum', { rules: { all: [{ object: 'partnership', field: 'transaction_amount_sum', op: 'is_multiple_of', value: `0.0${m}` }] } }),
          ],
        });
        const e = eventSet(eventsOf(cs, usdOnly));
        const traced = run(p, e, { trace: true });
        let sum = 0n;
        const expected = usdOnly.map((t) => {
          sum += BigInt(t.cents);
          return { actual: money(sum), result: sum !== 0n && sum % BigInt(m) === 0n };
        });
        const seen = traced.trace!.filter((t) => t.type === 'transaction.created').map((t) => {
          const leaf = (t.triggers[0]!.rules as BlockTrace).children[0] as RuleTrace;
          return { actual: leaf.actual, result: leaf.result };
        });
        expect(seen).toEqual(expected);
        // The generated fast path pays the same sales.
        expect(run(p, e).rewards.map((x) => x.eventId)).toEqual(traced.rewards.map((x) => x.eventId));
      }),
      { numRuns: FUZZ || 100, seed: 253 },
    );
  });

  it('partner, customer and lead events without their optional dates replay as with the dates they default to', () => {
    const leadsArb = fc.array(
      fc.record({ key: fc.constantFrom('l1', 'l2', 'l3'), day: fc.integer({ min: 0, max: 30 }), closed: fc.boolean(), laterSubmitted: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), leadsArb, fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 6 }), (joinDay, leads, customerDays) => {
        const p = program({
          triggers: [
            trigger('new', { event: 'customer.created', rules: { all: [{ object: 'partnership', field: 'joined_days', op: 'less_than', value: 5 }, { object: 'customer', field: 'signed_up_days', op: 'less_than', value: 1 }] } }),
            trigger('early', { event: 'lead.closed', rules: { any: [{ object: 'lead', field: 'submitted_date', op: 'before', value: '2026-02-10' }, { object: 'partnership', field: 'lead_count', op: 'is_multiple_of', value: 2 }] } }),
            trigger('q', { event: 'lead.qualified', rules: { all: [{ object: 'lead', field: 'submitted_date', op: 'after_or_exactly', value: '2026-02-05' }] } }),
          ],
        });
        const joinAt = iso(BASE + joinDay * DAY);
        // Version A gives every date explicitly (first-seen leads: submittedAt = at); version B
        // leaves them out; later lead events carry an arbitrary submittedAt in A (ignored: a lead's
        // submitted date is fixed when it is first seen).
        const build = (explicit: boolean): Json[] => {
          const ev: (Json & { at: string })[] = [{ id: 'p', type: 'partner.created', at: joinAt, partner: { key: 'zed', ...(explicit ? { joinedAt: joinAt } : {}) } }];
          customerDays.forEach((d, i) => {
            const at = iso(BASE + (joinDay + d) * DAY + i * 1000 + 500);
            ev.push({ id: `c${i}`, type: 'customer.created', at, customer: { key: `c${i}`, partnerKey: 'zed', ...(explicit ? { createdAt: at } : {}) } });
          });
          leads.forEach((l, i) => {
            const at = iso(BASE + (joinDay + l.day) * DAY + i * 1000 + 700);
            ev.push({ id: `l${i}`, type: l.closed ? 'lead.closed' : 'lead.qualified', at, lead: { key: l.key, partnerKey: 'zed' }, later: l.laterSubmitted });
          });
          ev.sort((a, b) => a.at.localeCompare(b.at));
          // In processing order: a lead's first event gets submittedAt = at, later ones their own.
          const seen = new Set<string>();
          return ev.map(({ later, ...e }) => {
            const lead = e.lead as Json | undefined;
            if (!lead) return e;
            const first = !seen.has(String(lead.key));
            seen.add(String(lead.key));
            if (!explicit) return e;
            const submittedAt = first ? e.at : later === null || later === undefined ? undefined : iso(BASE + Number(later) * DAY);
            return submittedAt === undefined ? e : { ...e, lead: { ...lead, submittedAt } };
          });
        };
        const a = run(p, eventSet(build(true)), { trace: true });
        const b = run(p, eventSet(build(false)), { trace: true });
        expect(a.rejected).toEqual([]);
        expect(serializeReport(b)).toBe(serializeReport(a));
      }),
      { numRuns: FUZZ || 150, seed: 2026 },
    );
  });
});

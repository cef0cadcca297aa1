import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEventSetText } from '../formats/read';
import type { ImportFile } from './input';
import { importStripe } from './stripe';
import { file, inputErrorOf } from './test-files';

/** Every file of `fixtures/<folder>`, named by its path inside the fixtures folder. */
function fixtureFiles(folder: string): ImportFile[] {
  const dir = join(import.meta.dirname, 'fixtures', folder);
  return readdirSync(dir).sort().map((n) => ({ name: `${folder}/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
}

const full = importStripe(fixtureFiles('stripe'));
const byId = new Map(full.events.map((e) => [e.id, e]));
const tx = (key: string): unknown => byId.get(`transaction:${key}`)?.transaction;
const skipOf = (source: string): string | undefined => full.report.skipped.find((s) => s.source === source)?.reason;
const T = Date.parse('2026-03-02T10:00:00Z') / 1000;
const H = 3600;

describe('Stripe import: the fixture export (charges)', () => {
  it('writes an event set the replay reads', () => {
    expect(parseEventSetText(full.eventsText, 'events.json').events).toHaveLength(full.events.length);
  });

  it('customers: key and partner from metadata, at the first attributable version, createdAt when earlier', () => {
    expect(byId.get('customer:acme')).toEqual({ id: 'customer:acme', type: 'customer.created', at: '2026-03-02T10:00:00Z', customer: { key: 'acme', partnerKey: 'alice', name: 'Acme' } });
    // cus_B got its partner_key in a customer.updated 5 hours after it was created.
    expect(byId.get('customer:globex')).toEqual({ id: 'customer:globex', type: 'customer.created', at: '2026-03-02T15:00:00Z', customer: { key: 'globex', partnerKey: 'bob', name: 'Globex', createdAt: '2026-03-02T11:00:00Z' } });
    expect([skipOf('cus_C'), skipOf('cus_D'), skipOf('cus_E'), skipOf('cus_F')]).toEqual(['no_partner', 'no_customer_key', 'test_mode', undefined]);
  });

  it('amounts by Stripe exponent, written by ISO 4217: USD, zero-decimal JPY, three-decimal KWD, ISK and MGA', () => {
    expect(tx('ch_1')).toEqual({ key: 'ch_1', customerKey: 'acme', amount: '49.00', currency: 'USD', productKey: 'pro', categoryKey: 'saas' });
    expect([tx('ch_2'), tx('ch_3'), tx('ch_4'), tx('ch_6')].map((t) => `${(t as { amount: string }).amount} ${(t as { currency: string }).currency}`)).toEqual(['4500 JPY', '12.340 KWD', '500 ISK', '5000.00 MGA']);
    expect(skipOf('ch_5')).toBe('inexact_amount');
  });

  it('epoch seconds become instants; receivedAt is the earliest event when later than the charge', () => {
    expect(byId.get('transaction:ch_1')).toMatchObject({ at: '2026-03-02T10:59:50Z', receivedAt: '2026-03-02T11:00:00Z' });
    expect(byId.get('transaction:ch_2')?.receivedAt).toBeUndefined();
  });

  it('payment skips: not_succeeded, customer_not_imported, no_customer, before_attribution, test_mode, unread event types', () => {
    expect(['ch_7', 'ch_8', 'ch_9', 'ch_10', 'ch_15', 'evt_012', 'evt_026', 'in_1'].map(skipOf)).toEqual([
      'not_succeeded', 'customer_not_imported', 'no_customer', 'before_attribution', 'test_mode', 'unsupported_type', 'unsupported_type', 'other_source',
    ]);
  });

  it('customers sharing a customer_key are one: the later one is merged and its payments map to the first', () => {
    expect(full.events.filter((e) => e.type === 'customer.created').map((e) => e.id)).toEqual(['customer:hooli', 'customer:acme', 'customer:globex']);
  });

  it('refund objects win: each succeeded refund is a negative transaction with its own key; failed ones are skipped', () => {
    expect(byId.get('transaction:re_1')).toEqual({ id: 'transaction:re_1', type: 'transaction.created', at: '2026-03-03T10:00:00Z', receivedAt: '2026-03-03T10:00:30Z', transaction: { key: 're_1', customerKey: 'acme', amount: '-25.00', currency: 'USD' } });
    expect(skipOf('re_2')).toBe('not_succeeded');
    expect(byId.has('transaction:ch_11-refund-1')).toBe(false);
    // An expanded refunds.data entry of a bare charge counts too.
    expect(tx('re_3')).toEqual({ key: 're_3', customerKey: 'hooli', amount: '-10.00', currency: 'USD' });
  });

  it('else charge.refunded deltas against previous_attributes: -30.00 then -50.00', () => {
    expect([byId.get('transaction:ch_12-refund-1'), byId.get('transaction:ch_12-refund-2')].map((e) => [e?.at, (e?.transaction as { amount: string }).amount])).toEqual([
      ['2026-03-03T16:00:00Z', '-30.00'],
      ['2026-03-04T12:00:00Z', '-50.00'],
    ]);
  });

  it('refund_without_time for a bare refunded charge; refund_unlinked for a charge only seen refunded', () => {
    expect([skipOf('ch_13'), skipOf('ch_14')]).toEqual(['refund_without_time', 'refund_unlinked']);
    expect(tx('ch_13')).toMatchObject({ amount: '20.00' });
  });

  it('report: read = used + merged + skipped, currencies, the refund warning', () => {
    const r = full.report;
    expect(r.counts.read).toBe(33);
    // cus_B's update, ch_1's retried webhook, ch_11's charge.refunded, ch_12's two charge.refunded, cus_F.
    expect(r.counts.merged).toBe(6);
    expect(r.counts.emitted).toEqual({ 'customer.created': 3, 'transaction.created': 13 });
    expect(r.currencies).toEqual(['EUR', 'ISK', 'JPY', 'KWD', 'MGA', 'USD']);
    expect(r.warnings).toContain('refunds are negative transactions: each adds 1 to transaction_count');
    expect(r.options).toEqual({ transactions: 'charges', includeTest: false });
  });

  it('the same files in another order give byte-identical outputs', () => {
    const again = importStripe([...fixtureFiles('stripe')].reverse());
    expect(again.eventsText).toBe(full.eventsText);
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(full.report));
  });

  it('--include-test imports test-mode customers and charges', () => {
    const r = importStripe(fixtureFiles('stripe'), { includeTest: true });
    expect(r.events.some((e) => e.id === 'customer:testco')).toBe(true);
    expect(r.events.some((e) => e.id === 'transaction:ch_15')).toBe(true);
  });

  it('--partners-from: a PartnerStack customer with the same customer_key gives the partner', () => {
    const ps = [
      file('partnerships.json', [{ key: 'ps_9', partner_key: 'carol', created_at: 0 }]),
      file('customers.json', [{ key: 'pc_1', customer_key: 'initech', partner_key: 'carol', created_at: 0 }]),
    ];
    const r = importStripe(fixtureFiles('stripe'), { partnersFrom: ps });
    expect(r.events.find((e) => e.id === 'customer:initech')?.customer).toEqual({ key: 'initech', partnerKey: 'carol' });
    expect(r.events.some((e) => e.id === 'transaction:ch_8')).toBe(true);
  });

  it('warns when every page of a list url says has_more', () => {
    const r = importStripe([file('events.json', { object: 'list', url: '/v1/events', has_more: true, data: [] })]);
    expect(r.report.warnings).toContain('the export of /v1/events looks incomplete: every page read says has_more');
  });
});

describe('Stripe import: invoices', () => {
  const customer = { id: 'cus_1', object: 'customer', created: T, livemode: true, metadata: { customer_key: 'k1', partner_key: 'p1' } };
  const invoice = (id: string, extra: Record<string, unknown>): Record<string, unknown> => ({ id, object: 'invoice', customer: 'cus_1', subtotal: 9000, amount_paid: 9900, currency: 'usd', status: 'paid', livemode: true, ...extra });
  const events = [
    { id: 'evt_1', object: 'event', type: 'invoice.payment_succeeded', created: T + 2 * H, livemode: true, data: { object: invoice('in_1', { status_transitions: { paid_at: T + H }, lines: { data: [{ price: { product: { id: 'prod_X', object: 'product' } } }] } }) } },
    { id: 'evt_2', object: 'event', type: 'invoice.payment_succeeded', created: T + 3 * H, livemode: true, data: { object: invoice('in_4', { metadata: {}, lines: { data: [{ pricing: { price_details: { product: 'prod_basil' } } }] } }) } },
    { id: 'evt_3', object: 'event', type: 'charge.succeeded', created: T + H, livemode: true, data: { object: { id: 'ch_1', object: 'charge', invoice: 'in_1', customer: 'cus_1', amount: 9900, currency: 'usd', status: 'succeeded', created: T + H, livemode: true } } },
    { id: 'evt_4', object: 'event', type: 'refund.created', created: T + 5 * H, livemode: true, data: { object: { id: 're_1', object: 'refund', charge: 'ch_1', amount: 4950, currency: 'usd', status: 'pending', created: T + 5 * H } } },
    { id: 'evt_5', object: 'event', type: 'refund.created', created: T + 6 * H, livemode: true, data: { object: { id: 're_2', object: 'refund', charge: 'ch_1', amount: 9900, currency: 'usd', status: 'succeeded', created: T + 6 * H } } },
  ];
  const bare = [invoice('in_2', { amount_paid: 0, subtotal: 0 }), invoice('in_3', { status: 'open' })];
  const r = importStripe([file('events.jsonl', events), file('customers.json', [customer]), file('invoices.json', { object: 'list', url: '/v1/invoices', has_more: false, data: bare })], { transactions: 'invoices' });
  const get = (id: string): Record<string, unknown> | undefined => r.events.find((e) => e.id === id);

  it('subtotal as the amount, paid_at as the moment, receivedAt from the event, product of the first line (expanded or basil)', () => {
    expect(get('transaction:in_1')).toEqual({ id: 'transaction:in_1', type: 'transaction.created', at: '2026-03-02T11:00:00Z', receivedAt: '2026-03-02T12:00:00Z', transaction: { key: 'in_1', customerKey: 'k1', amount: '90.00', currency: 'USD', productKey: 'prod_X' } });
    expect(get('transaction:in_4')).toMatchObject({ at: '2026-03-02T13:00:00Z', transaction: { amount: '90.00', productKey: 'prod_basil' } });
  });

  it('refunds link through the charge invoice, scaled by subtotal / amount_paid and capped at what remains', () => {
    // 4950 × 9000 / 9900 = 4500; the second, 9900 → 9000, is capped at the 4500 left.
    expect([get('transaction:re_1')?.transaction, get('transaction:re_2')?.transaction]).toEqual([
      { key: 're_1', customerKey: 'k1', amount: '-45.00', currency: 'USD', productKey: 'prod_X' },
      { key: 're_2', customerKey: 'k1', amount: '-45.00', currency: 'USD', productKey: 'prod_X' },
    ]);
  });

  it('zero_amount, not_succeeded, and charges as other_source', () => {
    const reasons = Object.fromEntries(r.report.skipped.map((s) => [s.source, s.reason]));
    expect(reasons).toEqual({ in_2: 'zero_amount', in_3: 'not_succeeded', ch_1: 'other_source' });
  });
});

describe('Stripe import: malformed input names the file and the path', () => {
  it.each([
    ['an amount that is not an integer', [file('charges.json', [{ id: 'ch_1', object: 'charge', amount: 49.5, currency: 'usd', status: 'succeeded', created: 1, customer: null }])], 'charges.json: [0].amount: must be an integer amount in minor units, not 49.5'],
    ['a created that is not epoch seconds', [file('events.jsonl', [{ id: 'evt_1', object: 'event', type: 'customer.created', created: '2026-03-02', data: { object: { id: 'c', object: 'customer' } } }])], 'events.jsonl: line 1: created: must be epoch seconds'],
    ['an item that is not a Stripe object', [file('events.json', { object: 'list', data: [{ id: 'x' }] })], 'events.json: data[0]: not a Stripe object'],
    ['a JSON Lines line that is not JSON', [{ name: 'webhooks.jsonl', text: '{"id":"evt_1"}\n{"id":\n' }], 'webhooks.jsonl: line 2, column 7:'],
    ['two differing bare copies', [file('a.json', [{ id: 'ch_1', object: 'charge', amount: 1 }]), file('b.json', [{ id: 'ch_1', object: 'charge', amount: 2 }])], 'b.json: [0]: charge ch_1 differs from its copy in a.json'],
  ])('%s', (_what, files, expected) => {
    expect(inputErrorOf(() => importStripe(files))).toContain(expected);
  });
});

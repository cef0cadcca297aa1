import { describe, expect, it } from 'vitest';
import { parseEventSetText, parseProgramText } from '../formats/read';
import { replay } from '../replay/replay';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFile } from './input';
import { importPartnerStack } from './partnerstack';
import { file, inputErrorOf, ms } from './test-files';

/** Every file of `fixtures/<folder>`, named by its path inside the fixtures folder. */
function fixtureFiles(folder: string): ImportFile[] {
  const dir = join(import.meta.dirname, 'fixtures', folder);
  return readdirSync(dir).sort().map((n) => ({ name: `${folder}/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
}

const full = importPartnerStack(fixtureFiles('partnerstack'));
const byId = new Map(full.events.map((e) => [e.id, e]));
const payload = (id: string, key: string): unknown => byId.get(id)?.[key];
const skipOf = (source: string): string | undefined => full.report.skipped.find((s) => s.source === source)?.reason;

describe('PartnerStack import: the fixture export', () => {
  it('writes files the replay reads: the event set and the skeleton parse, and replay without rejections', () => {
    const events = parseEventSetText(full.eventsText, 'events.json');
    const program = parseProgramText(full.programText, 'program.json');
    // The skeleton has no FX rates: give it the report's hints, as the user would.
    const withRates = { ...program, fxRates: { ...full.report.fxHints } };
    expect(events.name).toBe('Imported from PartnerStack');
    expect(replay(withRates, events).rejected).toEqual([]);
  });

  it('skeleton: groups from groups and partnerships (archived too) sorted by key, tags sorted, tiers', () => {
    const p = full.program as { groups: { key: string }[]; tags: { key: string; name: string }[]; tiers: unknown[] };
    expect(p.groups.map((g) => g.key)).toEqual(['bronze', 'gold', 'legacy', 'silver']);
    expect(p.tags).toEqual([{ key: 'early', name: 'early' }, { key: 'vip', name: 'vip' }, { key: 'webhook', name: 'webhook' }]);
    expect(p.tiers).toEqual([{ key: 'gold', name: 'Gold' }]);
  });

  it('skeleton partners: key, name fallbacks, group, tier, de-duplicated tags, joinedAt fallback, sorted by joinedAt', () => {
    const partners = (full.program as { partners: unknown[] }).partners;
    expect(partners).toEqual([
      { key: 'ps_3', name: 'ps_3', group: null, tier: null, tags: [], joinedAt: '2025-12-01T00:00:00Z' },
      { key: 'bob', name: 'bob@example.com', group: 'silver', tier: null, tags: [], joinedAt: '2026-01-03T00:00:00.250Z' },
      { key: 'alice', name: 'Alice Archer', group: 'bronze', tier: 'gold', tags: ['early', 'vip'], joinedAt: '2026-01-05T10:00:00Z' },
      { key: 'carol', name: 'Carol', group: 'bronze', tier: null, tags: ['webhook'], joinedAt: '2026-02-01T00:00:00Z' },
    ]);
  });

  it('customers: partner via partnership_key then partner_key; key customer_key else key; latest fields; same key merged', () => {
    expect(byId.get('customer:acme')).toEqual({ id: 'customer:acme', type: 'customer.created', at: '2026-01-10T09:00:00Z', customer: { key: 'acme', partnerKey: 'alice', name: 'Acme Corp' } });
    expect(byId.get('customer:cus_2')).toEqual({ id: 'customer:cus_2', type: 'customer.created', at: '2026-01-11T09:00:00Z', customer: { key: 'cus_2', partnerKey: 'bob' } });
    expect([skipOf('cus_3'), skipOf('cus_4'), skipOf('cus_6'), skipOf('cus_5')]).toEqual(['test_mode', 'no_partner', 'no_timestamp', undefined]);
  });

  it('transaction amounts by ISO exponent (USD 2, JPY 0, KWD 3, negative EUR), currency upper-cased, product object key', () => {
    const t = (id: string): unknown => payload(id, 'transaction');
    expect(t('transaction:tx_1')).toEqual({ key: 'tx_1', customerKey: 'acme', amount: '49.00', currency: 'USD', productKey: 'pro', categoryKey: 'saas' });
    expect(t('transaction:tx_2')).toEqual({ key: 'tx_2', customerKey: 'acme', amount: '4500', currency: 'JPY' });
    expect(t('transaction:tx_3')).toEqual({ key: 'tx_3', customerKey: 'cus_2', amount: '12.340', currency: 'KWD' });
    expect(t('transaction:tx_5')).toEqual({ key: 'tx_5', customerKey: 'acme', amount: '-25.00', currency: 'EUR' });
  });

  it('epoch milliseconds become instants, with .sss only when not zero', () => {
    expect(byId.get('transaction:tx_3')?.at).toBe('2026-01-13T08:00:00.500Z');
    expect(byId.get('transaction:tx_2')?.at).toBe('2026-01-13T12:00:00Z');
  });

  it('transaction skips: test_mode, archived, unknown_currency, no_timestamp, no_customer, customer_not_imported', () => {
    expect(['tx_7', 'tx_8', 'tx_9', 'tx_10', 'tx_11', 'tx_12'].map(skipOf)).toEqual(['test_mode', 'archived', 'unknown_currency', 'customer_not_imported', 'no_customer', 'no_timestamp']);
  });

  it('actions: value with 2 decimals, more → inexact_amount, no customer → no_customer', () => {
    expect(payload('action:act_1', 'action')).toEqual({ key: 'act_1', customerKey: 'acme', actionKey: 'demo_booked', value: '3.00' });
    expect(payload('action:act_4', 'action')).toEqual({ key: 'act_4', customerKey: 'cus_2', actionKey: 'seats', value: '2.50' });
    expect([skipOf('act_2'), skipOf('act_3')]).toEqual(['no_customer', 'inexact_amount']);
  });

  it('deals: at updated_at, account name, USD cents, null amount omits both, vendor deal → no_partner', () => {
    expect(byId.get('deal:deal_1')).toEqual({ id: 'deal:deal_1', type: 'deal.stage_changed', at: '2026-02-18T12:00:00Z', deal: { key: 'deal_1', partnerKey: 'alice', name: 'Globex', stage: 'closed_won', amount: '5000.00', currency: 'USD' } });
    expect(payload('deal:deal_3', 'deal')).toEqual({ key: 'deal_3', partnerKey: 'bob', name: 'Hooli', stage: 'open' });
    expect(skipOf('deal_2')).toBe('no_partner');
  });

  it('leads: status normalized into closed/qualified, name from company fields or meta names, submittedAt, open skipped', () => {
    expect(byId.get('lead:lead_1')).toEqual({ id: 'lead:lead_1', type: 'lead.closed', at: '2026-02-20T12:00:00Z', lead: { key: 'lead_1', partnerKey: 'alice', name: 'Initech', stage: 'Closed Won', submittedAt: '2026-01-20T12:00:00Z' } });
    expect(byId.get('lead:lead_2')).toMatchObject({ type: 'lead.qualified', lead: { name: 'Jane Doe', stage: 'qualified' } });
    expect(byId.get('lead:lead_4')?.type).toBe('lead.closed');
    expect(skipOf('lead_3')).toBe('lead_status_unmapped');
  });

  it('webhooks: partnership_created adds a partner; group_updated moves it; unknown partner, tags and deletions skipped', () => {
    expect(byId.get('partner:carol')).toEqual({ id: 'partner:carol', type: 'partner.group_changed', at: '2026-03-01T00:00:00Z', partnerKey: 'carol', group: 'gold' });
    expect(byId.get('customer:wayne')).toMatchObject({ at: '2026-02-05T00:00:00Z', customer: { key: 'wayne', partnerKey: 'carol' } });
    expect([skipOf('ps_z'), skipOf('wh_tags_1'), skipOf('wh_del_1')]).toEqual(['unknown_partner', 'unsupported_type', 'unsupported_type']);
  });

  it('report: read = used + merged + skipped, counts by type, currencies, FX hints as medians, rewards paid per partner', () => {
    const r = full.report;
    expect(r.counts.read).toBe(45);
    expect(r.counts.merged).toBe(3); // cus_1's second page version, cus_5 (same customer_key as cus_1), tx_1's duplicate line
    expect(r.counts.emitted['transaction.created']).toBe(5);
    expect(Object.values(r.counts.skipped).reduce((a, b) => a + b, 0)).toBe(r.skipped.length);
    expect(r.currencies).toEqual(['EUR', 'JPY', 'KWD', 'USD']);
    // EUR: median of 108/100 and 27.25/25 = (1.08 + 1.09) / 2; JPY 30/4500; KWD 40.11/12.34 = 3.2504051…
    expect(r.fxHints).toEqual({ EUR: '1.085', JPY: '0.006667', KWD: '3.250405' });
    expect(r.paidRewards).toEqual([
      { partnerKey: 'alice', status: 'paid', amount: '7.50', currency: 'USD' },
      { partnerKey: 'bob', status: 'pending', amount: '10.00', currency: 'USD' },
    ]);
    expect(r.skipped.map((s) => s.reason)).toEqual([...r.skipped.map((s) => s.reason)].sort());
  });

  it('events are in moment order, ties by type rank then id', () => {
    const moments = full.events.map((e) => Date.parse(e.receivedAt ?? e.at));
    expect(moments).toEqual([...moments].sort((a, b) => a - b));
  });

  it('the same files in another order, with items reversed, give byte-identical outputs', () => {
    const shuffled = fixtureFiles('partnerstack')
      .reverse()
      .map((f) => (f.name.endsWith('.jsonl') ? { ...f, text: f.text.trim().split('\n').reverse().join('\n') } : f));
    const again = importPartnerStack(shuffled);
    expect(again.eventsText).toBe(full.eventsText);
    expect(again.programText).toBe(full.programText);
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(full.report));
  });

  it('--include-test imports test customers and transactions', () => {
    const r = importPartnerStack(fixtureFiles('partnerstack'), { includeTest: true });
    expect(r.events.some((e) => e.id === 'customer:tester')).toBe(true);
    expect(r.events.some((e) => e.id === 'transaction:tx_7')).toBe(true);
    expect(r.events.some((e) => e.id === 'transaction:tx_10')).toBe(true);
  });

  it('custom lead statuses', () => {
    const r = importPartnerStack(fixtureFiles('partnerstack'), { qualifiedStatuses: ['Open'], closedStatuses: ['closed won'] });
    expect(r.events.find((e) => e.id === 'lead:lead_3')?.type).toBe('lead.qualified');
    expect(r.report.skipped.find((s) => s.source === 'lead_4')?.reason).toBe('lead_status_unmapped');
  });
});

describe('PartnerStack import: input shapes', () => {
  const partnership = { key: 'ps_1', partner_key: 'alice', created_at: ms('2026-01-01T00:00:00Z') };
  const customer = { key: 'cus_1', partner_key: 'alice', created_at: ms('2026-01-02T00:00:00Z') };

  it('a bundle object with resource keys holding pages or arrays', () => {
    const r = importPartnerStack([file('export.json', { partnerships: { data: { items: [partnership], has_more: false } }, customers: [customer] })]);
    expect(r.events.map((e) => e.id)).toEqual(['customer:cus_1']);
  });

  it('Airbyte RECORD lines are items of their stream; STATE lines are ignored', () => {
    const lines = [
      { type: 'RECORD', record: { stream: 'partnerships', data: partnership, emitted_at: 1 } },
      { type: 'STATE', state: {} },
      { type: 'RECORD', record: { stream: 'customers', data: customer, emitted_at: 1 } },
    ];
    const r = importPartnerStack([file('airbyte-output.jsonl', lines)]);
    expect(r.events.map((e) => e.id)).toEqual(['customer:cus_1']);
    expect(r.report.counts.read).toBe(2);
  });

  it('warns when every page of a resource says has_more', () => {
    const r = importPartnerStack([file('partnerships.json', { data: { items: [partnership], has_more: true } })]);
    expect(r.report.warnings).toContain('the partnerships export looks incomplete: every page read says has_more');
  });

  it('a file name with a suffix after a dot or a dash still names its resource', () => {
    const r = importPartnerStack([file('partnerships-2026.json', [partnership]), file('customers.page-7.json', [customer])]);
    expect(r.events).toHaveLength(1);
  });
});

describe('PartnerStack import: malformed input names the file and the path', () => {
  const partnership = { key: 'ps_1', partner_key: 'alice', created_at: ms('2026-01-01T00:00:00Z') };

  it.each([
    ['a file whose resource cannot be told', [file('export-1.json', [partnership])], 'export-1.json: : cannot tell which PartnerStack resource'],
    ['neither JSON nor JSON Lines', [{ name: 'customers.json', text: '{"items": [\n  {"key": 1,}\n]}' }], 'customers.json: line 2, column 13: invalid JSON'],
    ['a bad JSON Lines line', [{ name: 'transactions.jsonl', text: '{"key":"t"}\n{oops}\n' }], 'transactions.jsonl: line 2, column 2:'],
    ['a non-integer amount', [file('transactions.json', { items: [{ key: 't', amount: '49.00', currency: 'USD' }] })], 'transactions.json: items[0].amount: must be an integer amount in minor units, not "49.00"'],
    ['an epoch in seconds as a string', [file('partnerships.json', [{ ...partnership, created_at: '2026-01-01' }])], 'partnerships.json: [0].created_at: must be epoch milliseconds'],
    ['an item with no key', [file('customers.jsonl', [{ partner_key: 'x' }])], 'customers.jsonl: line 1: a customer needs a non-empty "key"'],
    ['an item that is not an object', [file('deals.json', { data: { items: [3], has_more: false } })], 'deals.json: data.items[0]: a deals item must be a JSON object'],
  ])('%s', (_what, files, expected) => {
    expect(inputErrorOf(() => importPartnerStack(files))).toContain(expected);
  });

  it('two differing copies with the same updated_at name both files', () => {
    const a = file('partnerships.a.json', [{ ...partnership, updated_at: 5 }]);
    const b = file('partnerships.b.json', [{ ...partnership, first_name: 'Other', updated_at: 5 }]);
    const message = inputErrorOf(() => importPartnerStack([a, b]));
    expect(message).toContain('partnerships.a.json');
    expect(message).toContain('partnerships.b.json');
  });
});

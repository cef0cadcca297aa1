/**
 * The import samples in `resources/samples/imports/`: a PartnerStack-shaped export and a Stripe
 * events file import into event sets that the demo program replays with the expectations kept
 * beside them; and the "Northwind 2027 proposal" compared with the demo tells its story.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposal } from '../../scripts/samples/proposal';
import { compare } from '../compare';
import { ExpectSchema } from '../formats/events-schema';
import { parseEventSetText, parseProgramText } from '../formats/read';
import { replay } from '../replay/replay';
import type { ImportFile } from './input';
import { importPartnerStack } from './partnerstack';
import { importStripe } from './stripe';

const SAMPLES = join(import.meta.dirname, '../../resources/samples');
const IMPORTS = join(SAMPLES, 'imports');
const text = (path: string): string => readFileSync(path, 'utf8');
const folder = (name: string): ImportFile[] =>
  readdirSync(join(IMPORTS, name)).sort().map((n) => ({ name: `${name}/${n}`, text: text(join(IMPORTS, name, n)) }));
const demo = parseProgramText(text(join(SAMPLES, 'demo.program.json')), 'demo.program.json');

function replayWithExpectations(eventsText: string, expectFile: string) {
  const set = parseEventSetText(eventsText, 'imported.json');
  const withExpect = { ...set, expect: ExpectSchema.parse(JSON.parse(text(join(IMPORTS, expectFile)))) };
  return replay(demo, withExpect);
}

describe('import samples replay against the demo program', () => {
  it('PartnerStack: every mapped event is accepted and the expected rewards are paid', () => {
    const r = importPartnerStack(folder('partnerstack'));
    expect(r.report.counts).toEqual({
      read: 21,
      emitted: { 'customer.created': 4, 'deal.stage_changed': 2, 'lead.qualified': 1, 'transaction.created': 6 },
      skipped: { archived: 1, lead_status_unmapped: 1, test_mode: 2 },
      merged: 0,
    });
    const report = replayWithExpectations(r.eventsText, 'partnerstack.expect.json');
    expect(report.rejected).toEqual([]);
    expect(report.expectations).toEqual({ passed: true, failures: [] });
  });

  it('Stripe: customers and charges map to demo partners; the partial refund is a negative transaction', () => {
    const r = importStripe(folder('stripe'));
    expect(r.report.skipped.map((s) => `${s.source}:${s.reason}`)).toEqual(['ch_Test0001:test_mode', 'evt_sample_09:unsupported_type', 'evt_sample_10:unsupported_type']);
    expect(r.events.find((e) => e.id === 'transaction:re_Echo01a')?.transaction).toEqual({ key: 're_Echo01a', customerKey: 'st-echo', amount: '-500.00', currency: 'USD', productKey: 'pro-annual' });
    const report = replayWithExpectations(r.eventsText, 'stripe.expect.json');
    expect(report.rejected).toEqual([]);
    expect(report.expectations).toEqual({ passed: true, failures: [] });
  });
});

describe('Northwind 2027 proposal', () => {
  const file = parseProgramText(text(join(SAMPLES, 'demo-2027.program.json')), 'demo-2027.program.json');

  it('is what scripts/samples/proposal.ts derives from the demo program (regenerate it when the demo changes)', () => {
    expect(JSON.parse(text(join(SAMPLES, 'demo-2027.program.json')))).toEqual(proposal(JSON.parse(text(join(SAMPLES, 'demo.program.json'))) as Record<string, unknown>));
  });

  it('on the imported Stripe sample, the demo pays Bronze $5 on the refund; the proposal does not', () => {
    const events = parseEventSetText(importStripe(folder('stripe')).eventsText, 'stripe.json');
    const onRefund = (p: typeof demo) => replay(p, events).rewards.filter((x) => x.eventId === 'transaction:re_Echo01a').map((x) => `${x.triggerId} ${x.amount}`);
    expect(onRefund(demo)).toEqual(['bronze-sale 5.00']);
    expect(onRefund(file)).toEqual([]);
  });

  it('compared with the demo on the demo events: Bronze up, Gold down, a new Enterprise bonus, one promotion fewer', () => {
    const events = parseEventSetText(text(join(SAMPLES, 'demo.events.json')), 'demo.events.json');
    const ra = replay(demo, events);
    const rb = replay(file, events);
    const c = compare({ program: demo, report: ra }, { program: file, report: rb });
    const t = (id: string) => c.triggers.find((x) => (x.a ?? x.b)?.id === id);
    // Flat offers: each side's total is its reward count times the offer.
    const count = (r: typeof ra, id: string) => r.rewards.filter((x) => x.triggerId === id).length;
    expect(t('bronze-sale')?.a?.rewardsUsd).toBe(`${count(ra, 'bronze-sale') * 5}.00`);
    expect(t('bronze-sale')?.b?.rewardsUsd).toBe(`${count(rb, 'bronze-sale') * 8}.00`);
    // The Enterprise bonus pays $40 on every positive Enterprise sale whose partner is in the program.
    const enterprise = events.events.filter((e) => e.type === 'transaction.created' && e.transaction.productKey === 'enterprise' && !e.transaction.amount.startsWith('-') && Number(e.transaction.amount) > 0);
    const rejected = new Set(rb.rejected.map((x) => x.eventId));
    expect(t('enterprise-bonus')?.b?.rewardsUsd).toBe(`${enterprise.filter((e) => !rejected.has(e.id ?? '')).length * 40}.00`);
    expect(t('enterprise-bonus')?.a).toBeNull();
    expect(Number(t('gold-commission')?.deltaUsd)).toBeLessThan(0);
    expect(c.delta.groupChanges).toBeLessThan(0);
    // The totals are the sum of the per-trigger deltas (in cents, to avoid float drift).
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(c.triggers.reduce((s, x) => s + cents(x.deltaUsd), 0)).toBe(cents(c.delta.rewardsUsd));
    expect(cents(c.delta.rewardsUsd)).toBeLessThan(0);
  });
});

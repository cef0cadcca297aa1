/**
 * The program overview's, the partner timeline's and the money-out numbers against the engine:
 * the demo program and demo event set replayed through the service, and the same inputs
 * replayed by the engine directly; every count and USD total must agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../engine';
import { formatMinor } from '../../engine/money';
import { parseEventSetText, parseProgramText } from '../../engine/formats/read';
import type { Report, RewardRow } from '../../engine/formats/report';
import { usdMinor } from '../store';
import { testService, waitForRun, type TestService } from '../test-helpers';

const SAMPLES = path.resolve(import.meta.dirname, '../../resources/samples');
const programText = fs.readFileSync(path.join(SAMPLES, 'demo.program.json'), 'utf8');
const eventsText = fs.readFileSync(path.join(SAMPLES, 'demo.events.json'), 'utf8');

let s: TestService;
let runId: string;
let engine: Report;

/** Count and cents per key of the engine's rewards. */
function tally(rows: readonly RewardRow[], key: (r: RewardRow) => string): Map<string, { count: number; usd: string }> {
  const m = new Map<string, { n: number; c: number }>();
  for (const r of rows) {
    const t = m.get(key(r)) ?? { n: 0, c: 0 };
    t.n++;
    t.c += usdMinor(r.amountUsd);
    m.set(key(r), t);
  }
  return new Map([...m].map(([k, t]) => [k, { count: t.n, usd: formatMinor(t.c, 'USD') }]));
}

beforeAll(async () => {
  s = testService();
  const doc = await s.call('programs.import', { text: programText, fileName: 'demo.program.json' });
  // A partner whose name would run as a formula in a spreadsheet: the invoice CSV must keep it text.
  const first = doc.program.partners[0]!;
  await s.call('partners.upsert', { programId: doc.id, partner: { ...first, name: '=HYPERLINK("http://x","pay")' }, previousKey: first.key });
  const set = await s.call('eventSets.import', { programId: doc.id, text: eventsText, fileName: 'demo.events.json' });
  const asOf = '2026-07-01T00:00:00Z';
  runId = (await s.call('replay.start', { programId: doc.id, eventSetId: set.id, asOf })).runId;
  await waitForRun(s, runId, 120_000);
  const program = parseProgramText(programText);
  program.partners[0] = { ...program.partners[0]!, name: '=HYPERLINK("http://x","pay")' };
  engine = replay(program, parseEventSetText(eventsText, 'demo.events.json'), { asOf });
}, 180_000);
afterAll(async () => s.dispose());

describe('program overview totals', () => {
  it('per trigger, per partner and per due month equal the engine report', async () => {
    const t = await s.call('replay.summary', { runId });
    expect(t.count).toBe(engine.rewards.length);
    expect(t.usd).toBe(formatMinor(engine.rewards.reduce((a, r) => a + usdMinor(r.amountUsd), 0), 'USD'));
    const pick = (g: typeof t.byTrigger) => new Map(g.map((x) => [x.key, { count: x.count, usd: x.usd }]));
    expect(pick(t.byTrigger)).toEqual(tally(engine.rewards, (r) => r.triggerId));
    expect(pick(t.byPartner)).toEqual(tally(engine.rewards, (r) => r.partnerKey));
    expect(t.byTrigger.length).toBeGreaterThan(5);
    // Largest first, and the shares add up to one.
    const cents = t.byTrigger.map((g) => usdMinor(g.usd));
    expect([...cents].sort((a, b) => b - a)).toEqual(cents);
    expect(t.byTrigger.reduce((a, g) => a + g.share, 0)).toBeCloseTo(1, 9);
    expect(t.byMonth.map((m) => m.key)).toEqual([...t.byMonth.map((m) => m.key)].sort());
  });
});

describe('partner timeline', () => {
  it('rewards, drip payments, moves and tags of every partner match the engine, with running totals', async () => {
    const keys = [...new Set(engine.rewards.map((r) => r.partnerKey))];
    expect(keys.length).toBeGreaterThan(3);
    for (const partnerKey of keys) {
      const tl = await s.call('replay.partnerTimeline', { runId, partnerKey });
      const mine = engine.rewards.filter((r) => r.partnerKey === partnerKey);
      const want = tally(mine, () => 'all').get('all')!;
      expect([tl.rewardCount, tl.rewardsUsd], partnerKey).toEqual([want.count, want.usd]);
      expect(tl.entries.filter((e) => e.kind === 'drip').length).toBe(mine.filter((r) => r.kind === 'drip').length);
      expect(tl.groupMoves).toBe(engine.groupChanges.filter((g) => g.partnerKey === partnerKey).length);
      expect(tl.tags).toBe(engine.tagsApplied.filter((g) => g.partnerKey === partnerKey).length);
      expect(tl.entries.at(-1)?.runningUsd).toBe(want.usd);
      // Time order, and each running total is the previous plus the entry's amount.
      let prev = 0;
      for (let i = 0; i < tl.entries.length; i++) {
        const e = tl.entries[i]!;
        if (i > 0) expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(tl.entries[i - 1]!.at));
        expect(usdMinor(e.runningUsd)).toBe(prev + (e.amountUsd === null ? 0 : usdMinor(e.amountUsd)));
        prev = usdMinor(e.runningUsd);
      }
      // Every event that earned this partner a reward is on their axis.
      const events = new Set(tl.entries.filter((e) => e.kind === 'event').map((e) => e.eventId));
      for (const r of mine) expect(events.has(r.eventId), `${partnerKey} ${r.eventId}`).toBe(true);
    }
  });

  it('names an unknown partner', async () => {
    const r = await s.dispatch('replay.partnerTimeline', { runId, partnerKey: 'nobody' });
    expect(r.ok ? null : r.error).toEqual({ message: 'partner "nobody" is not in this run', field: 'partnerKey' });
  });
});

describe('ledger sorted by partner or trigger', () => {
  const collate = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

  it('follows the names the table shows (the run\'s program), every page, both directions, also in the CSV', async () => {
    const program = parseProgramText(programText);
    program.partners[0] = { ...program.partners[0]!, name: '=HYPERLINK("http://x","pay")' };
    const names = {
      partnerKey: new Map(program.partners.map((p) => [p.key, p.name])),
      triggerId: new Map(program.triggers.map((t) => [t.id, t.name])),
    };
    const field = { partnerKey: (r: RewardRow) => r.partnerKey, triggerId: (r: RewardRow) => r.triggerId };
    for (const sort of ['partnerKey', 'triggerId'] as const) {
      const label = (r: RewardRow): string => names[sort].get(field[sort](r)) ?? field[sort](r);
      // The engine's rewards in name order, ties in ledger order: what the pages must add up to.
      const byName = engine.rewards.map((r, i) => ({ r, i })).sort((a, b) => collate.compare(label(a.r), label(b.r)) || (field[sort](a.r) < field[sort](b.r) ? -1 : field[sort](a.r) > field[sort](b.r) ? 1 : 0) || a.i - b.i);
      const want = byName.map((x) => x.r.id);
      // By id the order differs (otherwise this test would prove nothing).
      const byId = engine.rewards.map((r, i) => ({ r, i })).sort((a, b) => (field[sort](a.r) < field[sort](b.r) ? -1 : field[sort](a.r) > field[sort](b.r) ? 1 : 0) || a.i - b.i);
      expect(byId.map((x) => x.r.id)).not.toEqual(want);
      const got: string[] = [];
      for (let offset = 0; offset < engine.rewards.length; offset += 37) {
        got.push(...(await s.call('replay.ledger', { runId, offset, limit: 37, sort })).rows.map((r) => r.id));
      }
      expect(got, sort).toEqual(want);
      // Descending: names in reverse, and ties newest first, as the id sort does.
      const down: string[] = [];
      for (let offset = 0; offset < engine.rewards.length; offset += 50) {
        down.push(...(await s.call('replay.ledger', { runId, offset, limit: 50, sort, desc: true })).rows.map((r) => r.id));
      }
      expect(down, `${sort} desc`).toEqual([...want].reverse());
      const csv = await s.call('replay.ledgerCsv', { runId, sort });
      expect(csv.text.trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[0]), `${sort} csv`).toEqual(want);
    }
  });

  it('a filtered page sorted by name holds only matching rows, in name order', async () => {
    const rows = (await s.call('replay.ledger', { runId, limit: 500, status: 'pending', sort: 'partnerKey' })).rows;
    const want = engine.rewards.filter((r) => r.status === 'pending').length;
    expect(rows).toHaveLength(Math.min(500, want));
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    const names = new Map(parseProgramText(programText).partners.map((p) => [p.key, p.name]));
    names.set(parseProgramText(programText).partners[0]!.key, '=HYPERLINK("http://x","pay")');
    const labels = rows.map((r) => names.get(r.partnerKey) ?? r.partnerKey);
    for (let i = 1; i < labels.length; i++) expect(collate.compare(labels[i - 1]!, labels[i]!), `${labels[i - 1]} before ${labels[i]}`).toBeLessThanOrEqual(0);
  });
});

describe('money out', () => {
  it('the statement of each partner adds up to the engine rewards, by status', async () => {
    for (const [partnerKey, want] of tally(engine.rewards, (r) => r.partnerKey)) {
      const st = await s.call('payouts.statement', { runId, partnerKey });
      expect([st.totals.count, st.totals.usd]).toEqual([want.count, want.usd]);
      const pending = engine.rewards.filter((r) => r.partnerKey === partnerKey && r.status === 'pending');
      expect(st.totals.pendingUsd).toBe(formatMinor(pending.reduce((a, r) => a + usdMinor(r.amountUsd), 0), 'USD'));
      expect(st.months.reduce((a, m) => a + m.count, 0)).toBe(want.count);
    }
  });

  it('the payout year is twelve months of invoices equal to the monthly invoice previews', async () => {
    const year = await s.call('payouts.year', { runId });
    expect(year).toHaveLength(12);
    for (const m of year) {
      const inv = await s.call('payouts.month', { runId, month: m.month });
      expect([m.usd, m.payoutDate], m.month).toEqual([inv.totalUsd, inv.payoutDate]);
    }
    // Each month's count is the engine's pending and approved rewards due then.
    for (const m of year) {
      const due = engine.rewards.filter((r) => (r.status === 'pending' || r.status === 'approved') && r.invoiceDate === m.invoiceDate);
      expect(m.count, m.month).toBe(due.length);
    }
    expect(year.some((m) => m.count > 0)).toBe(true);
  });

  it('the invoice CSV lists every partner line and a total; a formula-like name stays text', async () => {
    const inv = await s.call('payouts.month', { runId });
    const csv = await s.call('payouts.invoiceCsv', { runId, month: inv.month });
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('partnerKey,partnerName,rewards,balanceUsd,approvedUsd,canCashOut');
    expect(lines).toHaveLength(inv.lines.length + 2);
    expect(lines.at(-1)).toBe(`TOTAL,,${inv.lines.reduce((a, l) => a + l.rewardCount, 0)},${inv.totalUsd},,no`);
    for (const l of inv.lines) expect(lines.some((x) => x.startsWith(`${l.partnerKey},`) && x.includes(`,${l.rewardCount},${l.amountUsd},`))).toBe(true);
    expect(csv.fileName).toMatch(new RegExp(`^invoice-${inv.month}-.+\\.csv$`));
  });

  it('a partner name that a spreadsheet would run as a formula is written as text', async () => {
    const key = engine.partners[0]!.key;
    const month = engine.rewards.find((r) => r.partnerKey === key && r.status === 'pending')?.invoiceDate;
    expect(month, `${key} has a pending reward in the demo`).toBeDefined();
    const due = (await s.call('payouts.month', { runId })).months.find((m) => invoiceOf(m) === month)!;
    const csv = await s.call('payouts.invoiceCsv', { runId, month: due });
    const line = csv.text.split('\r\n').find((x) => x.startsWith(`${key},`));
    expect(line).toContain(`,"'=HYPERLINK(""http://x"",""pay"")",`);
  });
});

/** The invoice date (1st of the next month) of a due month. */
function invoiceOf(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Results people act on: a run's totals per trigger, partner and month (program overview and
 * its charts), one partner's timeline, the payout year, a partner's statement and the month's
 * invoice as CSV. Everything is read from the run's stored ledger and report parts, so the
 * numbers are the engine's (service/handlers/results.test.ts compares them with a replay).
 */
import { csvText, type CsvColumn } from '../../engine/formats/csv-write';
import type { EventInput } from '../../engine/formats/events-schema';
import { eventIdOf } from '../../engine/replay/prepare';
import { PartnerOfEvents } from './event-parties';
import type { RewardStatus } from '../../engine/formats/report';
import { formatMinor } from '../../engine/money';
import type { GroupTotal, Handlers, InvoicePartnerLine, PartnerStatement, PartnerTimeline, PayoutMonth, RunTotals, TimelineEntry } from '../contract';
import { Failure } from '../failure';
import { getRunProgram, getRunResult, groupedTotals, iterateLedger, ledgerMonths, loadEventSet, usdMinor, type Db, type LedgerGroupColumn } from '../store';
import { requireRun } from './replay';
import { invoiceDates, invoicePreview } from './rewards';
import type { ServiceContext } from './context';

const INVOICED: ReadonlySet<RewardStatus> = new Set(['pending', 'approved']);
const usd = (cents: number): string => formatMinor(cents, 'USD');

function requireDoneRun(ctx: ServiceContext, runId: string) {
  const run = requireRun(ctx, runId);
  if (run.status !== 'done') throw new Failure(`run "${runId}" is ${run.status}; only a finished run has results`, 'runId');
  return run;
}

/** Totals per value of `by`, largest USD first (ties by key), with their share of `all` cents. */
function groups(db: Db, runId: string, by: LedgerGroupColumn, all: number, order: 'usd' | 'key'): GroupTotal[] {
  const map = new Map<string, { n: number; usd: number; byStatus: GroupTotal['byStatus'] }>();
  for (const r of groupedTotals(db, { runId }, by)) {
    const g = map.get(r.key) ?? { n: 0, usd: 0, byStatus: {} };
    g.n += r.n;
    g.usd += r.usd;
    g.byStatus[r.status] = { count: r.n, usd: usd(r.usd) };
    map.set(r.key, g);
  }
  const out = [...map].map(([key, g]) => ({ key, count: g.n, usd: usd(g.usd), cents: g.usd, share: all === 0 ? 0 : g.usd / all, byStatus: g.byStatus }));
  out.sort((a, b) => (order === 'key' ? a.key.localeCompare(b.key) : b.cents - a.cents || a.key.localeCompare(b.key)));
  return out.map(({ cents: _cents, ...g }) => g);
}

export function runTotals(db: Db, runId: string): RunTotals {
  let count = 0;
  let cents = 0;
  for (const r of groupedTotals(db, { runId }, 'trigger_id')) {
    count += r.n;
    cents += r.usd;
  }
  return {
    runId,
    count,
    usd: usd(cents),
    byTrigger: groups(db, runId, 'trigger_id', cents, 'usd'),
    byPartner: groups(db, runId, 'partner_key', cents, 'usd'),
    byMonth: groups(db, runId, 'due_month', cents, 'key'),
  };
}

/**
 * The events of a set that concern `partnerKey` (`PartnerOfEvents`: theirs, their customers',
 * their deals' and leads'), customers followed in time order as they are created.
 */
function partnerEvents(events: readonly EventInput[], partnerKey: string): { id: string; at: string; type: string }[] {
  const order = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i);
  const owners = new PartnerOfEvents();
  const out: { id: string; at: string; type: string }[] = [];
  for (const { e, i } of order) if (owners.owner(e) === partnerKey) out.push({ id: eventIdOf(e, i), at: e.at, type: e.type });
  return out;
}

/** Same-instant entries: the event first, then what it caused (rewards, moves, tags). */
const KIND_ORDER: Readonly<Record<TimelineEntry['kind'], number>> = { event: 0, reward: 1, drip: 1, group: 2, tag: 3 };

export function partnerTimeline(ctx: ServiceContext, runId: string, partnerKey: string, limit: number): PartnerTimeline {
  const run = requireDoneRun(ctx, runId);
  const program = getRunProgram(ctx.db, runId);
  const result = getRunResult(ctx.db, runId);
  if (!program || !result) throw new Failure(`run "${runId}" does not exist`, 'runId');
  if (!program.partners.some((p) => p.key === partnerKey) && !result.partners.some((p) => p.key === partnerKey)) {
    throw new Failure(`partner "${partnerKey}" is not in this run`, 'partnerKey');
  }
  const set = run.eventSetId ? loadEventSet(ctx.db, run.eventSetId) : null;
  const raw: Omit<TimelineEntry, 'runningUsd' | 'runningRewards'>[] = [];
  const none = { triggerId: null, amountUsd: null, occurrence: null, status: null };
  const events = set ? partnerEvents(set.events, partnerKey) : [];
  for (const e of events) raw.push({ ...none, at: e.at, kind: 'event', eventId: e.id, label: e.type });
  const cents = new Map<number, number>();
  for (const r of iterateLedger(ctx.db, { runId, partnerKey, sort: 'id', desc: false })) {
    // A one-off reward is earned with its event; a drip payment sits on the axis when it falls due.
    const drip = r.kind === 'drip';
    cents.set(raw.length, usdMinor(r.amountUsd));
    raw.push({
      at: drip ? r.dueAt : r.earnedAt,
      kind: drip ? 'drip' : 'reward',
      eventId: r.eventId,
      label: r.description,
      triggerId: r.triggerId,
      amountUsd: r.amountUsd,
      occurrence: drip ? `${r.occurrence} / ${r.occurrences}` : null,
      status: r.status,
    });
  }
  const moves = result.groupChanges.filter((g) => g.partnerKey === partnerKey);
  for (const g of moves) raw.push({ ...none, at: g.at, kind: 'group', eventId: g.eventId, label: `${g.from ?? 'no group'} → ${g.to}`, triggerId: g.triggerId });
  const tags = result.tagsApplied.filter((t) => t.partnerKey === partnerKey);
  for (const t of tags) raw.push({ ...none, at: t.at, kind: 'tag', eventId: t.eventId, label: t.tag, triggerId: t.triggerId });
  const order = raw.map((entry, i) => ({ entry, i })).sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.i - b.i);
  let running = 0;
  let rewards = 0;
  const entries: TimelineEntry[] = [];
  for (const { entry, i } of order) {
    const c = cents.get(i);
    if (c !== undefined) {
      running += c;
      rewards++;
    }
    if (entries.length < limit) entries.push({ ...entry, runningUsd: usd(running), runningRewards: rewards });
  }
  return { runId, partnerKey, entries, eventCount: events.length, rewardCount: rewards, rewardsUsd: usd(running), groupMoves: moves.length, tags: tags.length, truncated: raw.length > limit };
}

function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export function payoutYear(db: Db, runId: string, from: string | undefined): PayoutMonth[] {
  const start = from ?? ledgerMonths(db, runId)[0] ?? new Date().toISOString().slice(0, 7);
  const totals = new Map<string, { n: number; usd: number; approved: number; excluded: number }>();
  for (const r of groupedTotals(db, { runId }, 'due_month')) {
    const t = totals.get(r.key) ?? { n: 0, usd: 0, approved: 0, excluded: 0 };
    if (INVOICED.has(r.status)) {
      t.n += r.n;
      t.usd += r.usd;
      if (r.status === 'approved') t.approved += r.usd;
    } else t.excluded += r.n;
    totals.set(r.key, t);
  }
  return Array.from({ length: 12 }, (_, i) => {
    const month = addMonths(start, i);
    const t = totals.get(month) ?? { n: 0, usd: 0, approved: 0, excluded: 0 };
    return { month, ...invoiceDates(month), count: t.n, usd: usd(t.usd), approvedUsd: usd(t.approved), excludedCount: t.excluded };
  });
}

export function partnerStatement(db: Db, runId: string, partnerKey: string): PartnerStatement {
  const rewards = [...iterateLedger(db, { runId, partnerKey, sort: 'dueAt', desc: false })].map(({ reviewReason: _reviewReason, ...r }) => r);
  const byStatus: Record<RewardStatus, number> = { scheduled: 0, pending: 0, approved: 0, declined: 0, hold: 0, paid: 0 };
  const months = new Map<string, { n: number; usd: number; approved: number }>();
  for (const r of groupedTotals(db, { runId, partnerKey }, 'due_month')) {
    byStatus[r.status] += r.usd;
    const m = months.get(r.key) ?? { n: 0, usd: 0, approved: 0 };
    m.n += r.n;
    m.usd += r.usd;
    if (r.status === 'approved') m.approved += r.usd;
    months.set(r.key, m);
  }
  const all = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return {
    runId,
    partnerKey,
    months: [...months].map(([month, m]) => ({ month, count: m.n, usd: usd(m.usd), approvedUsd: usd(m.approved), payoutDate: invoiceDates(month).payoutDate })),
    rewards,
    totals: {
      count: rewards.length,
      usd: usd(all),
      approvedUsd: usd(byStatus.approved),
      pendingUsd: usd(byStatus.pending),
      declinedUsd: usd(byStatus.declined),
      holdUsd: usd(byStatus.hold),
      scheduledUsd: usd(byStatus.scheduled),
    },
  };
}

/** The invoice's partner lines; partner names from the run's program (keys stay for matching). */
function invoiceColumns(names: ReadonlyMap<string, string>): readonly CsvColumn<InvoicePartnerLine>[] {
  return [
    { header: 'partnerKey', kind: 'text', value: (l) => l.partnerKey },
    { header: 'partnerName', kind: 'text', value: (l) => names.get(l.partnerKey) ?? '' },
    { header: 'rewards', kind: 'number', value: (l) => l.rewardCount },
    { header: 'balanceUsd', kind: 'number', value: (l) => l.amountUsd },
    { header: 'approvedUsd', kind: 'number', value: (l) => l.approvedUsd },
    { header: 'canCashOut', kind: 'text', value: (l) => (l.canCashOut ? 'yes' : 'no') },
  ];
}

export function resultHandlers(ctx: ServiceContext): Pick<Handlers, 'replay.summary' | 'replay.partnerTimeline' | 'payouts.year' | 'payouts.statement' | 'payouts.invoiceCsv'> {
  return {
    'replay.summary': ({ runId }) => {
      requireDoneRun(ctx, runId);
      return runTotals(ctx.db, runId);
    },
    'replay.partnerTimeline': ({ runId, partnerKey, limit }) => partnerTimeline(ctx, runId, partnerKey, limit),
    'payouts.year': ({ runId, from }) => {
      requireDoneRun(ctx, runId);
      return payoutYear(ctx.db, runId, from);
    },
    'payouts.statement': ({ runId, partnerKey }) => {
      requireDoneRun(ctx, runId);
      return partnerStatement(ctx.db, runId, partnerKey);
    },
    'payouts.invoiceCsv': ({ runId, month }) => {
      const run = requireDoneRun(ctx, runId);
      const inv = invoicePreview(ctx.db, runId, month);
      const names = new Map((getRunProgram(ctx.db, runId)?.partners ?? []).map((p) => [p.key, p.name]));
      const total: InvoicePartnerLine = { partnerKey: 'TOTAL', rewardCount: inv.lines.reduce((s, l) => s + l.rewardCount, 0), amountUsd: inv.totalUsd, approvedUsd: '', canCashOut: false, cashOutBlocker: null };
      const text = csvText(invoiceColumns(names), [...inv.lines, total]);
      return { fileName: `invoice-${month}-${run.eventSetName.replace(/[^\w.-]+/g, '-') || run.id}.csv`, text };
    },
  };
}

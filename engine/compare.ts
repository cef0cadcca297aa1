/**
 * Cost comparison of two programs replayed on the same events (`offerflow compare`, issue #18):
 * totals, per trigger, per partner, per month of due date, and the partners whose final group
 * or tags differ. Pure: it reads two replay reports (with their reward rows) and the two
 * programs, and returns `offerflow.compare/1`. Amounts are USD (the ledger currency), summed
 * exactly in cents.
 */
import type { Program, Trigger } from './formats/program-schema';
import type { Report } from './formats/report';
import { formatScaled } from './money';
import { Zone, formatInstant, parseInstant } from './time';

export const COMPARE_FORMAT = 'offerflow.compare/1';

/** What one side produced: counts and its USD total. */
export interface SideTotals {
  rewards: number;
  rewardsUsd: string;
  groupChanges: number;
  tagsApplied: number;
  rejected: number;
}

/** B − A of each total; `increasePercent` is null when A paid nothing. */
export interface DeltaTotals {
  rewards: number;
  rewardsUsd: string;
  groupChanges: number;
  tagsApplied: number;
  rejected: number;
  increasePercent: string | null;
}

/** One trigger's output on one side. */
export interface TriggerSide {
  id: string;
  name: string;
  rewards: number;
  rewardsUsd: string;
  groupChanges: number;
  tagsApplied: number;
}

/**
 * A trigger of A and/or B: matched by id, else by name (when the name is unique on both sides
 * among the triggers not matched by id); `matchedBy` null when it exists on one side only.
 */
export interface TriggerDelta {
  matchedBy: 'id' | 'name' | null;
  a: TriggerSide | null;
  b: TriggerSide | null;
  deltaUsd: string;
}

/** A partner whose reward total differs. */
export interface PartnerDelta {
  partnerKey: string;
  aUsd: string;
  bUsd: string;
  deltaUsd: string;
  aRewards: number;
  bRewards: number;
}

/** One calendar month of due dates (in A's program time zone), `YYYY-MM`. */
export interface MonthDelta {
  month: string;
  aUsd: string;
  bUsd: string;
  deltaUsd: string;
}

/** A partner's final state on one side. */
export interface FinalState {
  group: string | null;
  tags: string[];
}

/** A partner whose final group or tags differ (null: not in that side's report). */
export interface PartnerStateDelta {
  partnerKey: string;
  a: FinalState | null;
  b: FinalState | null;
}

/** `offerflow.compare/1`. */
export interface Comparison {
  format: typeof COMPARE_FORMAT;
  a: { program: string } & SideTotals;
  b: { program: string } & SideTotals;
  delta: DeltaTotals;
  triggers: TriggerDelta[];
  /** Partners whose total moved, largest absolute move first, then by key. */
  partners: PartnerDelta[];
  months: MonthDelta[];
  partnerStates: PartnerStateDelta[];
}

/** One side as given to `compare`: the program and its replay report with reward rows. */
export interface CompareSide {
  program: Program;
  report: Report;
}

function cents(text: string): bigint {
  // Report USD amounts always carry exactly two decimals (formatMinor of USD).
  const neg = text.startsWith('-');
  const [whole, frac = ''] = (neg ? text.slice(1) : text).split('.');
  const v = BigInt(whole ?? '0') * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2) || '0');
  return neg ? -v : v;
}

const usd = (c: bigint): string => formatScaled(c, 2);

function sumUsd(report: Report): bigint {
  let t = 0n;
  for (const r of report.rewards) t += cents(r.amountUsd);
  return t;
}

function totals(side: CompareSide): SideTotals {
  const { report } = side;
  return {
    rewards: report.rewards.length,
    rewardsUsd: usd(sumUsd(report)),
    groupChanges: report.groupChanges.length,
    tagsApplied: report.tagsApplied.length,
    rejected: report.rejected.length,
  };
}

/** (b − a) / a as a percentage, rounded half away from zero to 2 decimals; null when a is 0. */
export function increasePercent(a: bigint, b: bigint): string | null {
  if (a === 0n) return null;
  const num = (b - a) * 10000n;
  const den = a < 0n ? -a : a;
  const neg = num < 0n;
  const abs = neg ? -num : num;
  let q = abs / den;
  if ((abs % den) * 2n >= den) q += 1n;
  return formatScaled(neg ? -q : q, 2);
}

interface Acc {
  rewards: number;
  usd: bigint;
  groupChanges: number;
  tagsApplied: number;
}

function perTrigger(report: Report): Map<string, Acc> {
  const m = new Map<string, Acc>();
  const get = (id: string): Acc => {
    let a = m.get(id);
    if (!a) m.set(id, (a = { rewards: 0, usd: 0n, groupChanges: 0, tagsApplied: 0 }));
    return a;
  };
  for (const r of report.rewards) {
    const a = get(r.triggerId);
    a.rewards++;
    a.usd += cents(r.amountUsd);
  }
  for (const g of report.groupChanges) if (g.triggerId !== null) get(g.triggerId).groupChanges++;
  for (const t of report.tagsApplied) get(t.triggerId).tagsApplied++;
  return m;
}

function triggerSide(t: Trigger, acc: Map<string, Acc>): TriggerSide {
  const a = acc.get(t.id);
  return { id: t.id, name: t.name, rewards: a?.rewards ?? 0, rewardsUsd: usd(a?.usd ?? 0n), groupChanges: a?.groupChanges ?? 0, tagsApplied: a?.tagsApplied ?? 0 };
}

function matchTriggers(a: CompareSide, b: CompareSide): TriggerDelta[] {
  const accA = perTrigger(a.report);
  const accB = perTrigger(b.report);
  const bById = new Map(b.program.triggers.map((t) => [t.id, t]));
  const usedB = new Set<string>();
  const pairs: { matchedBy: TriggerDelta['matchedBy']; a: Trigger | null; b: Trigger | null }[] = [];
  const leftA: Trigger[] = [];
  for (const t of a.program.triggers) {
    const other = bById.get(t.id);
    if (other) {
      usedB.add(other.id);
      pairs.push({ matchedBy: 'id', a: t, b: other });
    } else leftA.push(t);
  }
  const leftB = b.program.triggers.filter((t) => !usedB.has(t.id));
  // A name matches only when it names exactly one unmatched trigger on each side.
  const count = (ts: Trigger[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const t of ts) m.set(t.name, (m.get(t.name) ?? 0) + 1);
    return m;
  };
  const namesA = count(leftA);
  const namesB = count(leftB);
  for (const t of leftA) {
    const other = t.name !== '' && namesA.get(t.name) === 1 && namesB.get(t.name) === 1 ? leftB.find((x) => x.name === t.name) : undefined;
    if (other) {
      usedB.add(other.id);
      pairs.push({ matchedBy: 'name', a: t, b: other });
    } else pairs.push({ matchedBy: null, a: t, b: null });
  }
  for (const t of leftB) if (!usedB.has(t.id)) pairs.push({ matchedBy: null, a: null, b: t });
  return pairs.map((p) => {
    const sa = p.a ? triggerSide(p.a, accA) : null;
    const sb = p.b ? triggerSide(p.b, accB) : null;
    return { matchedBy: p.matchedBy, a: sa, b: sb, deltaUsd: usd(cents(sb?.rewardsUsd ?? '0') - cents(sa?.rewardsUsd ?? '0')) };
  });
}

function perPartner(a: Report, b: Report): PartnerDelta[] {
  const m = new Map<string, { a: bigint; b: bigint; ra: number; rb: number }>();
  const get = (k: string): { a: bigint; b: bigint; ra: number; rb: number } => {
    let v = m.get(k);
    if (!v) m.set(k, (v = { a: 0n, b: 0n, ra: 0, rb: 0 }));
    return v;
  };
  for (const r of a.rewards) {
    const v = get(r.partnerKey);
    v.a += cents(r.amountUsd);
    v.ra++;
  }
  for (const r of b.rewards) {
    const v = get(r.partnerKey);
    v.b += cents(r.amountUsd);
    v.rb++;
  }
  const rows = [...m].filter(([, v]) => v.a !== v.b || v.ra !== v.rb);
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  rows.sort(([ka, x], [kb, y]) => {
    const dx = abs(x.b - x.a);
    const dy = abs(y.b - y.a);
    if (dx !== dy) return dx > dy ? -1 : 1;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return rows.map(([k, v]) => ({ partnerKey: k, aUsd: usd(v.a), bUsd: usd(v.b), deltaUsd: usd(v.b - v.a), aRewards: v.ra, bRewards: v.rb }));
}

function monthOf(zone: Zone, instant: string): string {
  const ms = parseInstant(instant) as number;
  return formatInstant(ms + zone.offsetAt(ms)).slice(0, 7);
}

function perMonth(zoneId: string, a: Report, b: Report): MonthDelta[] {
  const zone = new Zone(zoneId);
  const m = new Map<string, { a: bigint; b: bigint }>();
  const add = (report: Report, side: 'a' | 'b'): void => {
    for (const r of report.rewards) {
      const k = monthOf(zone, r.dueAt);
      let v = m.get(k);
      if (!v) m.set(k, (v = { a: 0n, b: 0n }));
      v[side] += cents(r.amountUsd);
    }
  };
  add(a, 'a');
  add(b, 'b');
  return [...m.keys()].sort().map((k) => {
    const v = m.get(k) as { a: bigint; b: bigint };
    return { month: k, aUsd: usd(v.a), bUsd: usd(v.b), deltaUsd: usd(v.b - v.a) };
  });
}

function partnerStates(a: Report, b: Report): PartnerStateDelta[] {
  const state = (r: Report): Map<string, FinalState> => new Map(r.partners.map((p) => [p.key, { group: p.group, tags: [...p.tags].sort() }]));
  const sa = state(a);
  const sb = state(b);
  const keys = [...new Set([...sa.keys(), ...sb.keys()])].sort();
  const out: PartnerStateDelta[] = [];
  for (const k of keys) {
    const x = sa.get(k) ?? null;
    const y = sb.get(k) ?? null;
    const same = x !== null && y !== null && x.group === y.group && x.tags.join('\u0000') === y.tags.join('\u0000');
    if (!same) out.push({ partnerKey: k, a: x, b: y });
  }
  return out;
}

/**
 * Compares B against A (every delta is B − A). Months are of each reward's due date in A's
 * program time zone, so both sides fall into the same calendar.
 */
export function compare(a: CompareSide, b: CompareSide): Comparison {
  const ta = totals(a);
  const tb = totals(b);
  const ca = cents(ta.rewardsUsd);
  const cb = cents(tb.rewardsUsd);
  return {
    format: COMPARE_FORMAT,
    a: { program: a.program.name, ...ta },
    b: { program: b.program.name, ...tb },
    delta: {
      rewards: tb.rewards - ta.rewards,
      rewardsUsd: usd(cb - ca),
      groupChanges: tb.groupChanges - ta.groupChanges,
      tagsApplied: tb.tagsApplied - ta.tagsApplied,
      rejected: tb.rejected - ta.rejected,
      increasePercent: increasePercent(ca, cb),
    },
    triggers: matchTriggers(a, b),
    partners: perPartner(a.report, b.report),
    months: perMonth(a.program.timeZone, a.report, b.report),
    partnerStates: partnerStates(a.report, b.report),
  };
}

/**
 * Parses a `--max-increase` limit: a percentage ("5%", "2.5%", "0%"). Null when it is not one.
 */
export function parseMaxIncrease(text: string): { units: bigint; scale: number } | null {
  const m = /^(\d{1,9})(?:\.(\d{1,6}))?%$/.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  return { units: BigInt((m[1] as string) + frac), scale: frac.length };
}

/**
 * Whether B's total exceeds A's by more than `limit` percent of A's total. When A paid nothing,
 * any positive B total exceeds every limit.
 */
export function exceedsIncrease(c: Comparison, limit: { units: bigint; scale: number }): boolean {
  const a = cents(c.a.rewardsUsd);
  const inc = cents(c.delta.rewardsUsd);
  if (inc <= 0n) return false;
  if (a <= 0n) return true;
  // inc / a > units / (100 · 10^scale)  ⇔  inc · 100 · 10^scale > units · a
  return inc * 100n * 10n ** BigInt(limit.scale) > limit.units * a;
}

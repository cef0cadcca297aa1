/**
 * Facts for the peer engines: for every trigger event of a stream, the value each rule leaf of
 * that event type reads (aggregates as `{ before, after }`), computed once by this small,
 * independent fold (not timed). Simplifications, the same for both peers: actions are not run
 * (groups and tags stay as in the program), amounts are converted with floats.
 */
import type { EventInput, EventSet, Program, Rule, RuleNode } from '../../engine/index';

export interface Leaf {
  id: string;
  rule: Rule;
}

export interface TriggerRules {
  id: string;
  event: string;
  tree: RuleNode | undefined;
}

export interface FactEvent {
  type: string;
  facts: Record<string, unknown>;
}

const DAY = 86_400_000;
const isBlock = (n: RuleNode): n is { all: RuleNode[] } | { any: RuleNode[] } => 'all' in n || 'any' in n;
const childrenOf = (n: RuleNode): RuleNode[] => ('all' in n ? n.all : 'any' in n ? n.any : []);

/** Numbers every rule leaf (`f0`, `f1`, …) and returns the leaves per event type. */
export function leavesOf(program: Program): { leaves: Map<Rule, string>; byEvent: Map<string, Leaf[]>; triggers: TriggerRules[] } {
  const leaves = new Map<Rule, string>();
  const byEvent = new Map<string, Leaf[]>();
  const walk = (n: RuleNode, out: Leaf[]) => {
    if (isBlock(n)) { childrenOf(n).forEach((c) => walk(c, out)); return; }
    const rule = n;
    const id = `f${leaves.size}`;
    leaves.set(rule, id);
    out.push({ id, rule });
  };
  const triggers = program.triggers.filter((t) => t.status === 'active').map((t) => ({ id: t.id, event: t.event, tree: t.rules }));
  for (const t of triggers) {
    const list = byEvent.get(t.event) ?? [];
    if (t.tree) walk(t.tree, list);
    byEvent.set(t.event, list);
  }
  return { leaves, byEvent, triggers };
}

const AGG: Record<string, { scope: 'partner' | 'customer'; of: string; sum: boolean }> = {
  'partnership.transaction_count': { scope: 'partner', of: 'transaction', sum: false },
  'partnership.transaction_amount_sum': { scope: 'partner', of: 'transaction', sum: true },
  'partnership.customer_count': { scope: 'partner', of: 'customer', sum: false },
  'partnership.action_value_sum': { scope: 'partner', of: 'action', sum: true },
  'partnership.deal_count': { scope: 'partner', of: 'deal', sum: false },
  'partnership.lead_count': { scope: 'partner', of: 'lead', sum: false },
  'customer.transaction_count': { scope: 'customer', of: 'transaction', sum: false },
  'customer.transaction_amount_sum': { scope: 'customer', of: 'transaction', sum: true },
};

type Obj = Record<string, unknown>;

/** Computes the facts of every trigger event in the stream. */
export function factStream(program: Program, set: EventSet): FactEvent[] {
  const { byEvent } = leavesOf(program);
  const rates: Record<string, number> = { USD: 1, ...Object.fromEntries(Object.entries(program.fxRates).map(([k, v]) => [k, Number(v)])) };
  const partners = new Map(program.partners.map((p) => [p.key, { ...p, joinedMs: Date.parse(p.joinedAt) }]));
  const customers = new Map<string, { partner: string; createdMs: number }>();
  const deals = new Map<string, Obj>();
  const sums = new Map<string, { n: number; s: number }>();
  const aggLeaves = [...byEvent.values()].flat().filter((l) => AGG[`${l.rule.object}.${l.rule.field}`]);
  const read = (k: string) => sums.get(k) ?? { n: 0, s: 0 };
  const passes = (rule: Rule, obj: Obj) => (rule.filters ?? []).every((f) => obj[f.field] === f.value || (f.op === 'greater_than' && Number(obj[f.field]) > Number(f.value)));
  const slotKey = (l: Leaf, owner: string) => `${l.id}|${owner}`;
  /** Adds an object to every aggregate of kind `of` that counts it. */
  const add = (of: string, obj: Obj, partner: string | null, customer: string | null, value: number, sign: number) => {
    for (const l of aggLeaves) {
      const a = AGG[`${l.rule.object}.${l.rule.field}`]!;
      const owner = a.scope === 'partner' ? partner : customer;
      if (a.of !== of || owner === null || !passes(l.rule, obj)) continue;
      const k = slotKey(l, owner);
      const v = read(k);
      sums.set(k, { n: v.n + sign, s: v.s + sign * value });
    }
  };
  const out: FactEvent[] = [];
  const events = [...set.events].sort((a, b) => Date.parse(a.receivedAt ?? a.at) - Date.parse(b.receivedAt ?? b.at));
  for (const e of events) {
    const moment = Date.parse(e.receivedAt ?? e.at);
    const ctx = contextOf(e, customers, deals, rates, moment);
    if (!ctx) continue;
    const leaves = byEvent.get(e.type) ?? [];
    const ownerOf = (l: Leaf) => (AGG[`${l.rule.object}.${l.rule.field}`]!.scope === 'partner' ? ctx.partner : ctx.customer);
    const before = new Map(leaves.filter((l) => AGG[`${l.rule.object}.${l.rule.field}`]).map((l) => [l.id, read(slotKey(l, ownerOf(l) ?? ''))]));
    ctx.apply(add);
    const p = partners.get(ctx.partner);
    if (!p || !byEvent.has(e.type)) continue;
    const facts: Record<string, unknown> = {};
    for (const l of leaves) {
      const a = AGG[`${l.rule.object}.${l.rule.field}`];
      if (a) {
        const b = before.get(l.id)!;
        const now = read(slotKey(l, ownerOf(l) ?? ''));
        facts[l.id] = a.sum ? { before: b.s, after: now.s, count: now.n } : { before: b.n, after: now.n, count: now.n };
      } else facts[l.id] = staticValue(l.rule, p, ctx.objects, moment, customers);
    }
    out.push({ type: e.type, facts });
  }
  return out;
}

interface Ctx {
  partner: string;
  customer: string | null;
  objects: Obj;
  apply: (add: (of: string, obj: Obj, partner: string | null, customer: string | null, value: number, sign: number) => void) => void;
}

function contextOf(e: EventInput, customers: Map<string, { partner: string; createdMs: number }>, deals: Map<string, Obj>, rates: Record<string, number>, moment: number): Ctx | null {
  switch (e.type) {
    case 'customer.created': {
      const partner = e.customer.partnerKey ?? '';
      customers.set(e.customer.key, { partner, createdMs: moment });
      return { partner, customer: e.customer.key, objects: {}, apply: (add) => add('customer', {}, partner, null, 0, 1) };
    }
    case 'transaction.created': {
      const c = customers.get(e.transaction.customerKey);
      if (!c) return null;
      const t = e.transaction;
      const usd = Math.round(Number(t.amount) * (rates[t.currency] ?? 1) * 100) / 100;
      const obj = { product_key: t.productKey, category_key: t.categoryKey, amount: usd, currency: t.currency, created_date: Date.parse(t.createdAt ?? e.at) };
      return { partner: c.partner, customer: t.customerKey, objects: { transaction: obj, customer: c }, apply: (add) => add('transaction', obj, c.partner, t.customerKey, usd, 1) };
    }
    case 'action.created': {
      const c = customers.get(e.action.customerKey);
      if (!c) return null;
      const obj = { action_key: e.action.actionKey, value: Number(e.action.value ?? 0) };
      return { partner: c.partner, customer: e.action.customerKey, objects: { action: obj, customer: c }, apply: (add) => add('action', obj, c.partner, e.action.customerKey, obj.value, 1) };
    }
    case 'deal.stage_changed': {
      const d = e.deal;
      const old = deals.get(d.key);
      const obj = { stage: d.stage, amount: d.amount !== undefined ? Number(d.amount) * (rates[d.currency ?? 'USD'] ?? 1) : (old?.amount ?? 0) };
      deals.set(d.key, obj);
      return {
        partner: d.partnerKey,
        customer: null,
        objects: { deal: obj },
        apply: (add) => {
          if (old) add('deal', old, d.partnerKey, null, 0, -1);
          add('deal', obj, d.partnerKey, null, 0, 1);
        },
      };
    }
    case 'lead.qualified':
    case 'lead.closed': {
      const obj = { stage: e.lead.stage ?? null, submitted_date: Date.parse(e.lead.submittedAt ?? e.at) };
      return { partner: e.lead.partnerKey, customer: null, objects: { lead: obj }, apply: (add) => (e.type === 'lead.qualified' ? add('lead', obj, e.lead.partnerKey, null, 0, 1) : undefined) };
    }
    default:
      return null;
  }
}

function staticValue(rule: Rule, p: { group: string | null; tier: string | null; tags: string[]; joinedMs: number }, objects: Obj, moment: number, _c: unknown): unknown {
  if (rule.object === 'partnership') {
    if (rule.field === 'group') return p.group;
    if (rule.field === 'tier') return p.tier;
    if (rule.field === 'tag') return p.tags;
    if (rule.field === 'joined_days') return Math.floor((moment - p.joinedMs) / DAY);
    return null;
  }
  const obj = objects[rule.object] as Obj | undefined;
  return obj ? (obj[rule.field] ?? null) : null;
}

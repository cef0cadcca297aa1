/**
 * Step 1 of each event: validate it against the world and apply it (create or update the
 * object, keep aggregates current). A rejected event changes nothing. Each applied event
 * returns how to undo it, for the cascade-loop rollback.
 */
import type { TriggerEvent } from '../catalogue';
import { parseMinorExact, toUsdMinor, type Decimal, type Minor } from '../money';
import type { Zone } from '../time';
import type { SlotDef, SlotRegistry } from './compile';
import { instantOr, type PreparedEvent } from './prepare';
import { NO_SLOTS, Slots, type ActionObj, type CustomerState, type DealState, type EvalContext, type LeadState, type PartnerState, type TransactionObj, type World } from './state';

export interface ApplyEnv {
  readonly zone: Zone;
  readonly world: World;
  readonly slots: SlotRegistry;
  readonly rates: ReadonlyMap<string, Decimal>;
  readonly groups: ReadonlySet<string>;
  readonly tiers: ReadonlySet<string>;
  readonly tags: ReadonlySet<string>;
  /** Partners in report order (program order, then creation order). */
  readonly partnerList: PartnerState[];
  /** Per-kind slot lists, resolved once. */
  readonly defs: SlotDefsByKind;
}

export interface SlotDefsByKind {
  partnerCustomer: SlotDef[];
  partnerTransaction: SlotDef[];
  partnerAction: SlotDef[];
  partnerDeal: SlotDef[];
  partnerLead: SlotDef[];
  partnerClick: SlotDef[];
  customerTransaction: SlotDef[];
  customerAction: SlotDef[];
}

export function resolveDefs(slots: SlotRegistry): SlotDefsByKind {
  return {
    partnerCustomer: slots.defsOf('partner', 'customer'),
    partnerTransaction: slots.defsOf('partner', 'transaction'),
    partnerAction: slots.defsOf('partner', 'action'),
    partnerDeal: slots.defsOf('partner', 'deal'),
    partnerLead: slots.defsOf('partner', 'lead'),
    partnerClick: slots.defsOf('partner', 'link_click'),
    customerTransaction: slots.defsOf('customer', 'transaction'),
    customerAction: slots.defsOf('customer', 'action'),
  };
}

/**
 * What applying an event did. One object is reused for every event (no allocation in the hot
 * path); `undo` data is plain fields read by `undoApply`.
 */
export interface Applied {
  /** Why the event was rejected, or null when it was applied. */
  rejected: string | null;
  /** The trigger event this fires, or null for data-only events. */
  fires: TriggerEvent | null;
  /** For `partner.group_changed` that really moved the partner: where from. */
  moved: boolean;
  movedFrom: string | null;
  /** A sentence for the trace (only built when the event is traced). */
  note: string;
  undo: UndoKind;
  partner: PartnerState | null;
  customer: CustomerState | null;
  key: string;
  firstPay: boolean;
  deal: DealState | null;
  dealOld: { name: string | null; stage: string; usd: Minor | null } | null;
  lead: LeadState | null;
  leadOld: { name: string | null; stage: string | null } | null;
}

export type UndoKind = 'none' | 'partner' | 'customer' | 'transaction' | 'action' | 'deal' | 'lead' | 'group' | 'click';

export function newApplied(): Applied {
  return { rejected: null, fires: null, moved: false, movedFrom: null, note: '', undo: 'none', partner: null, customer: null, key: '', firstPay: false, deal: null, dealOld: null, lead: null, leadOld: null };
}

function reset(a: Applied): Applied {
  a.rejected = null;
  a.fires = null;
  a.moved = false;
  a.movedFrom = null;
  a.note = '';
  a.undo = 'none';
  a.partner = a.customer = null;
  a.deal = null;
  a.dealOld = null;
  a.lead = null;
  a.leadOld = null;
  a.firstPay = false;
  return a;
}

function reject(a: Applied, message: string): Applied {
  a.rejected = message;
  return a;
}

/** Reverts an applied event (the cascade-loop rollback). */
export function undoApply(a: Applied, env: ApplyEnv, seq: number): void {
  const { world } = env;
  const p = a.partner;
  switch (a.undo) {
    case 'none':
      return;
    case 'partner':
      if (p) removePartner(env, p);
      return;
    case 'customer':
      world.customers.delete(a.key);
      p?.customers.pop();
      p?.slots.restore(seq);
      return;
    case 'transaction': {
      world.transactions.delete(a.key);
      const c = a.customer as CustomerState;
      c.slots.restore(seq);
      p?.slots.restore(seq);
      if (a.firstPay) {
        c.firstPaidMs = NaN;
        c.firstPaidSeq = -1;
        c.paidOrder = 0;
        if (p) p.paidCustomers -= 1;
      }
      return;
    }
    case 'action':
      world.actions.delete(a.key);
      a.customer?.slots.restore(seq);
      p?.slots.restore(seq);
      return;
    case 'deal':
      if (a.dealOld && a.deal) Object.assign(a.deal, a.dealOld);
      else world.deals.delete(a.key);
      p?.slots.restore(seq);
      return;
    case 'lead':
      if (a.leadOld && a.lead) Object.assign(a.lead, a.leadOld);
      else world.leads.delete(a.key);
      p?.slots.restore(seq);
      return;
    case 'group':
      if (p) p.group = a.movedFrom;
      return;
    case 'click':
      p?.slots.restore(seq);
      return;
    default: {
      const never: never = a.undo;
      return never;
    }
  }
}

/** Adds (sign 1) or removes (sign −1) an object's contribution to every slot counting it. */
function contribute(slots: Slots, seq: number, defs: readonly SlotDef[], obj: unknown, value: Minor, sign: number): void {
  const signed = sign === 1 ? value : -value;
  for (let k = 0; k < defs.length; k++) {
    const d = defs[k] as SlotDef;
    if (d.filter === null || d.filter(obj as never)) slots.add(d.index, seq, sign, signed);
  }
}

/**
 * Counts a new object of a customer (a transaction or an action) in the customer's aggregates
 * and, when the customer has one, in the partner's; returns that partner.
 */
function countForCustomer(seq: number, customer: CustomerState, customerDefs: readonly SlotDef[], partnerDefs: readonly SlotDef[], obj: unknown, value: Minor): PartnerState | null {
  contribute(customer.slots, seq, customerDefs, obj, value, 1);
  const partner = customer.partner;
  if (partner) {
    contribute(partner.slots, seq, partnerDefs, obj, value, 1);
  }
  return partner;
}

function rateOf(env: ApplyEnv, currency: string): Decimal | null {
  return env.rates.get(currency) ?? null;
}

function partnerOf(env: ApplyEnv, key: string): PartnerState | string {
  return env.world.partners.get(key) ?? `unknown partner "${key}"`;
}

/**
 * Applies one event to the world; fills `ctx` with the objects its rules see. Returns `a`,
 * reset and filled. Trace sentences are only built when `traced`.
 */
export function applyEvent(ev: PreparedEvent, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  reset(a);
  const e = ev.input;
  const { world } = env;
  const seq = ctx.seq;
  switch (e.type) {
    case 'partner.created': {
      const p = e.partner;
      if (world.partners.has(p.key)) return reject(a, `partner "${p.key}" already exists`);
      if (p.group !== null && !env.groups.has(p.group)) return reject(a, `group "${p.group}" is not defined in the program`);
      if (p.tier !== null && !env.tiers.has(p.tier)) return reject(a, `tier "${p.tier}" is not defined in the program`);
      const badTag = p.tags.find((t) => !env.tags.has(t));
      if (badTag !== undefined) return reject(a, `tag "${badTag}" is not defined in the program`);
      a.partner = newPartner(env, p.key, p.name, p.group, p.tier, p.tags, instantOr(p.joinedAt, ev.atMs));
      a.undo = 'partner';
      if (traced) a.note = `created partner ${p.key}`;
      return a;
    }
    case 'customer.created': {
      const c = e.customer;
      let partner: PartnerState | null = null;
      if (c.partnerKey) {
        const p = partnerOf(env, c.partnerKey);
        if (typeof p === 'string') return reject(a, p);
        partner = p;
      }
      if (world.customers.has(c.key)) return reject(a, `customer "${c.key}" already exists`);
      const customer: CustomerState = {
        key: c.key,
        partner,
        name: c.name ?? null,
        createdMs: instantOr(c.createdAt, ev.atMs),
        firstPaidMs: NaN,
        paidOrder: 0,
        createdSeq: seq,
        firstPaidSeq: -1,
        slots: world.customerSlotCount === 0 ? NO_SLOTS : new Slots(world.customerSlotCount),
      };
      world.customers.set(c.key, customer);
      if (partner) {
        partner.customers.push(customer);
        contribute(partner.slots, seq, env.defs.partnerCustomer, customer, 0, 1);
      }
      ctx.partner = partner;
      ctx.customer = customer;
      a.fires = 'customer.created';
      a.undo = 'customer';
      a.key = c.key;
      a.partner = partner;
      if (traced) a.note = `created customer ${c.key}${partner ? ` of ${partner.key}` : ' with no partner'}`;
      return a;
    }
    case 'transaction.created':
      return applyTransaction(ev, e.transaction, ctx, env, a, traced);
    case 'action.created': {
      const x = e.action;
      const customer = world.customers.get(x.customerKey);
      if (!customer) return reject(a, `unknown customer "${x.customerKey}"`);
      if (world.actions.has(x.key)) return reject(a, `action "${x.key}" already exists`);
      const usd = x.value === undefined ? null : (parseMinorExact(x.value, 'USD') as Minor);
      const obj: ActionObj = { key: x.key, actionKey: x.actionKey, usd };
      world.actions.add(x.key);
      const partner = countForCustomer(seq, customer, env.defs.customerAction, env.defs.partnerAction, obj, usd ?? 0);
      ctx.partner = partner;
      ctx.customer = customer;
      ctx.action = obj;
      a.fires = 'action.created';
      a.undo = 'action';
      a.key = x.key;
      a.partner = partner;
      a.customer = customer;
      if (traced) a.note = `created action ${x.key} (${x.actionKey})`;
      return a;
    }
    case 'deal.stage_changed':
      return applyDeal(e.deal, ctx, env, a, traced);
    case 'lead.closed':
    case 'lead.qualified':
      return applyLead(ev, e.type, e.lead, ctx, env, a, traced);
    case 'partner.group_changed': {
      const p = partnerOf(env, e.partnerKey);
      if (typeof p === 'string') return reject(a, p);
      if (!env.groups.has(e.group)) return reject(a, `group "${e.group}" is not defined in the program`);
      ctx.partner = p;
      a.partner = p;
      const from = p.group;
      if (from === e.group) {
        if (traced) a.note = `${p.key} is already in ${e.group}`;
        return a;
      }
      p.group = e.group;
      a.moved = true;
      a.movedFrom = from;
      a.undo = 'group';
      if (traced) a.note = `moved ${p.key} from ${from ?? 'no group'} to ${e.group}`;
      return a;
    }
    case 'link.clicked': {
      const p = partnerOf(env, e.partnerKey);
      if (typeof p === 'string') return reject(a, p);
      contribute(p.slots, seq, env.defs.partnerClick, null, e.count, 1);
      ctx.partner = p;
      a.partner = p;
      a.undo = 'click';
      if (traced) a.note = `${e.count} link click${e.count === 1 ? '' : 's'} for ${p.key}`;
      return a;
    }
    default: {
      const never: never = e;
      return never;
    }
  }
}

export function newPartner(env: ApplyEnv, key: string, name: string, group: string | null, tier: string | null, tags: readonly string[], joinedMs: number): PartnerState {
  const state: PartnerState = {
    key,
    name,
    group,
    tier,
    tags: [...new Set(tags)],
    joinedMs,
    slots: env.world.partnerSlotCount === 0 ? NO_SLOTS : new Slots(env.world.partnerSlotCount),
    paidCustomers: 0,
    customers: [],
    order: env.partnerList.length,
  };
  env.world.partners.set(key, state);
  env.partnerList.push(state);
  return state;
}

function removePartner(env: ApplyEnv, state: PartnerState): void {
  env.world.partners.delete(state.key);
  const i = env.partnerList.lastIndexOf(state);
  if (i >= 0) env.partnerList.splice(i, 1);
}

type TxInput = Extract<PreparedEvent['input'], { type: 'transaction.created' }>['transaction'];

function applyTransaction(ev: PreparedEvent, t: TxInput, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  const { world } = env;
  const seq = ctx.seq;
  const customer = world.customers.get(t.customerKey);
  if (!customer) return reject(a, `unknown customer "${t.customerKey}"`);
  const rate = rateOf(env, t.currency);
  if (!rate) return reject(a, `transaction "${t.key}" is in ${t.currency}, which has no FX rate in the program`);
  // One lookup instead of has + add (nothing after this rejects the event).
  if (!world.transactions.add(t.key)) return reject(a, `transaction "${t.key}" already exists`);
  const minor = parseMinorExact(t.amount, t.currency) as Minor;
  const usd = t.currency === 'USD' ? minor : toUsdMinor(minor, t.currency, rate);
  const tx: TransactionObj = {
    key: t.key,
    minor,
    currency: t.currency,
    usd,
    productKey: t.productKey ?? null,
    categoryKey: t.categoryKey ?? null,
    createdMs: instantOr(t.createdAt, ev.atMs),
  };
  const partner = countForCustomer(seq, customer, env.defs.customerTransaction, env.defs.partnerTransaction, tx, usd);
  const firstPay = Number.isNaN(customer.firstPaidMs);
  // has_paid and paid_order change on the first payment: re-count customer aggregates.
  if (partner && firstPay) contribute(partner.slots, seq, env.defs.partnerCustomer, customer, 0, -1);
  if (firstPay) {
    customer.firstPaidMs = ctx.momentMs;
    customer.firstPaidSeq = seq;
    if (partner) {
      partner.paidCustomers += 1;
      customer.paidOrder = partner.paidCustomers;
      contribute(partner.slots, seq, env.defs.partnerCustomer, customer, 0, 1);
    }
  }
  ctx.partner = partner;
  ctx.customer = customer;
  ctx.transaction = tx;
  a.fires = 'transaction.created';
  a.undo = 'transaction';
  a.key = t.key;
  a.partner = partner;
  a.customer = customer;
  a.firstPay = firstPay;
  if (traced) a.note = `created transaction ${t.key}: ${t.amount} ${t.currency} for customer ${customer.key}`;
  return a;
}

type DealInput = Extract<PreparedEvent['input'], { type: 'deal.stage_changed' }>['deal'];

function applyDeal(d: DealInput, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  const seq = ctx.seq;
  const p = partnerOf(env, d.partnerKey);
  if (typeof p === 'string') return reject(a, p);
  const existing = env.world.deals.get(d.key);
  if (existing && existing.partner !== p) return reject(a, `deal "${d.key}" belongs to partner "${existing.partner.key}", not "${p.key}"`);
  let usd: Minor | null = existing ? existing.usd : null;
  if (d.amount !== undefined) {
    const currency = d.currency ?? 'USD';
    const rate = rateOf(env, currency);
    if (!rate) return reject(a, `deal "${d.key}" is in ${currency}, which has no FX rate in the program`);
    usd = toUsdMinor(parseMinorExact(d.amount, currency) as Minor, currency, rate);
  }
  ctx.partner = p;
  a.fires = 'deal.stage_changed';
  a.undo = 'deal';
  a.key = d.key;
  a.partner = p;
  if (!existing) {
    const deal: DealState = { key: d.key, partner: p, name: d.name ?? null, stage: d.stage, usd };
    env.world.deals.set(d.key, deal);
    contribute(p.slots, seq, env.defs.partnerDeal, deal, usd ?? 0, 1);
    ctx.deal = deal;
    if (traced) a.note = `created deal ${d.key} at stage ${d.stage}`;
    return a;
  }
  a.deal = existing;
  a.dealOld = { name: existing.name, stage: existing.stage, usd: existing.usd };
  contribute(p.slots, seq, env.defs.partnerDeal, existing, existing.usd ?? 0, -1);
  if (traced) a.note = `deal ${d.key}: stage ${existing.stage} → ${d.stage}`;
  existing.name = d.name === undefined ? existing.name : d.name;
  existing.stage = d.stage;
  existing.usd = usd;
  contribute(p.slots, seq, env.defs.partnerDeal, existing, existing.usd ?? 0, 1);
  ctx.deal = existing;
  return a;
}

type LeadInput = Extract<PreparedEvent['input'], { type: 'lead.closed' }>['lead'];

function applyLead(ev: PreparedEvent, type: 'lead.closed' | 'lead.qualified', l: LeadInput, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  const seq = ctx.seq;
  const p = partnerOf(env, l.partnerKey);
  if (typeof p === 'string') return reject(a, p);
  const existing = env.world.leads.get(l.key);
  if (existing && existing.partner !== p) return reject(a, `lead "${l.key}" belongs to partner "${existing.partner.key}", not "${p.key}"`);
  ctx.partner = p;
  a.fires = type;
  a.undo = 'lead';
  a.key = l.key;
  a.partner = p;
  if (!existing) {
    const lead: LeadState = { key: l.key, partner: p, name: l.name ?? null, stage: l.stage ?? null, submittedMs: instantOr(l.submittedAt, ev.atMs) };
    env.world.leads.set(l.key, lead);
    contribute(p.slots, seq, env.defs.partnerLead, lead, 0, 1);
    ctx.lead = lead;
    if (traced) a.note = `created lead ${l.key}${lead.stage ? ` at stage ${lead.stage}` : ''}`;
    return a;
  }
  a.lead = existing;
  a.leadOld = { name: existing.name, stage: existing.stage };
  contribute(p.slots, seq, env.defs.partnerLead, existing, 0, -1);
  if (l.name !== undefined) existing.name = l.name;
  if (l.stage !== undefined) existing.stage = l.stage;
  // The submitted date stays as first seen (ENGINE §3): a later event's submittedAt is ignored.
  contribute(p.slots, seq, env.defs.partnerLead, existing, 0, 1);
  ctx.lead = existing;
  if (traced) a.note = `lead ${l.key} updated${l.stage ? ` to stage ${l.stage}` : ''}`;
  return a;
}

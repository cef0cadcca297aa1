/**
 * Step 1 of each event: validate it against the world and apply it (create or update the
 * object, keep aggregates current). A rejected event changes nothing. Each applied event
 * returns how to undo it, for the cascade-loop rollback.
 */
import type { TriggerEvent } from '../catalogue';
import { parseMinor, toUsdMinor, type Decimal } from '../money';
import { parseInstant, type Zone } from '../time';
import type { SlotDef, SlotRegistry } from './compile';
import { instantOr, type PreparedEvent } from './prepare';
import { Slots, type ActionObj, type CustomerState, type DealState, type EvalContext, type LeadState, type PartnerState, type TransactionObj, type World } from './state';

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

export type Applied =
  | { rejected: string }
  | {
      rejected?: undefined;
      /** The trigger event this fires, or null for data-only events. */
      fires: TriggerEvent | null;
      /** For `partner.group_changed` that really moved the partner. */
      moved?: { partner: PartnerState; from: string | null; to: string };
      note: string;
      undo: () => void;
    };

/** Adds (sign 1) or removes (sign −1) an object's contribution to every slot counting it. */
function contribute(slots: Slots, defs: readonly SlotDef[], obj: unknown, value: number, sign: number): void {
  for (let k = 0; k < defs.length; k++) {
    const d = defs[k] as SlotDef;
    if (d.filter === null || d.filter(obj as never)) {
      slots.counts[d.index] = (slots.counts[d.index] as number) + sign;
      slots.sums[d.index] = (slots.sums[d.index] as number) + sign * value;
    }
  }
}

function rateOf(env: ApplyEnv, currency: string): Decimal | null {
  return env.rates.get(currency) ?? null;
}

function partnerOf(env: ApplyEnv, key: string): PartnerState | string {
  return env.world.partners.get(key) ?? `unknown partner "${key}"`;
}

/** Applies one event to the world; fills `ctx` with the objects its rules see. */
export function applyEvent(ev: PreparedEvent, ctx: EvalContext, env: ApplyEnv): Applied {
  const e = ev.input;
  const { world } = env;
  const seq = ctx.seq;
  switch (e.type) {
    case 'partner.created': {
      const p = e.partner;
      if (world.partners.has(p.key)) return { rejected: `partner "${p.key}" already exists` };
      if (p.group !== null && !env.groups.has(p.group)) return { rejected: `group "${p.group}" is not defined in the program` };
      if (p.tier !== null && !env.tiers.has(p.tier)) return { rejected: `tier "${p.tier}" is not defined in the program` };
      const badTag = p.tags.find((t) => !env.tags.has(t));
      if (badTag !== undefined) return { rejected: `tag "${badTag}" is not defined in the program` };
      const state = newPartner(env, p.key, p.name, p.group, p.tier, p.tags, parseInstant(p.joinedAt) as number);
      return { fires: null, note: `created partner ${p.key}`, undo: () => removePartner(env, state) };
    }
    case 'customer.created': {
      const c = e.customer;
      let partner: PartnerState | null = null;
      if (c.partnerKey) {
        const p = partnerOf(env, c.partnerKey);
        if (typeof p === 'string') return { rejected: p };
        partner = p;
      }
      if (world.customers.has(c.key)) return { rejected: `customer "${c.key}" already exists` };
      const customer: CustomerState = {
        key: c.key,
        partner,
        name: c.name ?? null,
        createdMs: instantOr(c.createdAt, ev.atMs),
        firstPaidMs: NaN,
        paidOrder: 0,
        slots: new Slots(world.customerSlotCount),
      };
      world.customers.set(c.key, customer);
      if (partner) {
        partner.slots.touch(seq);
        contribute(partner.slots, env.defs.partnerCustomer, customer, 0, 1);
      }
      ctx.partner = partner;
      ctx.customer = customer;
      return {
        fires: 'customer.created',
        note: `created customer ${c.key}${partner ? ` of ${partner.key}` : ' with no partner'}`,
        undo: () => {
          world.customers.delete(c.key);
          partner?.slots.restore(seq);
        },
      };
    }
    case 'transaction.created':
      return applyTransaction(ev, e.transaction, ctx, env);
    case 'action.created': {
      const a = e.action;
      const customer = world.customers.get(a.customerKey);
      if (!customer) return { rejected: `unknown customer "${a.customerKey}"` };
      if (world.actions.has(a.key)) return { rejected: `action "${a.key}" already exists` };
      const usd = a.value === undefined ? null : (parseMinor(a.value, 'USD') as number);
      const obj: ActionObj = { key: a.key, actionKey: a.actionKey, usd };
      world.actions.add(a.key);
      customer.slots.touch(seq);
      contribute(customer.slots, env.defs.customerAction, obj, usd ?? 0, 1);
      const partner = customer.partner;
      if (partner) {
        partner.slots.touch(seq);
        contribute(partner.slots, env.defs.partnerAction, obj, usd ?? 0, 1);
      }
      ctx.partner = partner;
      ctx.customer = customer;
      ctx.action = obj;
      return {
        fires: 'action.created',
        note: `created action ${a.key} (${a.actionKey})`,
        undo: () => {
          world.actions.delete(a.key);
          customer.slots.restore(seq);
          partner?.slots.restore(seq);
        },
      };
    }
    case 'deal.stage_changed':
      return applyDeal(e.deal, ctx, env);
    case 'lead.closed':
    case 'lead.qualified':
      return applyLead(ev, e.type, e.lead, ctx, env);
    case 'partner.group_changed': {
      const p = partnerOf(env, e.partnerKey);
      if (typeof p === 'string') return { rejected: p };
      if (!env.groups.has(e.group)) return { rejected: `group "${e.group}" is not defined in the program` };
      ctx.partner = p;
      const from = p.group;
      if (from === e.group) return { fires: null, note: `${p.key} is already in ${e.group}`, undo: () => undefined };
      p.group = e.group;
      return { fires: null, moved: { partner: p, from, to: e.group }, note: `moved ${p.key} from ${from ?? 'no group'} to ${e.group}`, undo: () => (p.group = from) };
    }
    case 'link.clicked': {
      const p = partnerOf(env, e.partnerKey);
      if (typeof p === 'string') return { rejected: p };
      p.slots.touch(seq);
      contribute(p.slots, env.defs.partnerClick, null, e.count, 1);
      ctx.partner = p;
      return { fires: null, note: `${e.count} link click${e.count === 1 ? '' : 's'} for ${p.key}`, undo: () => p.slots.restore(seq) };
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
    slots: new Slots(env.world.partnerSlotCount),
    paidCustomers: 0,
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

function applyTransaction(ev: PreparedEvent, t: TxInput, ctx: EvalContext, env: ApplyEnv): Applied {
  const { world } = env;
  const seq = ctx.seq;
  const customer = world.customers.get(t.customerKey);
  if (!customer) return { rejected: `unknown customer "${t.customerKey}"` };
  if (world.transactions.has(t.key)) return { rejected: `transaction "${t.key}" already exists` };
  const rate = rateOf(env, t.currency);
  if (!rate) return { rejected: `transaction "${t.key}" is in ${t.currency}, which has no FX rate in the program` };
  const minor = parseMinor(t.amount, t.currency) as number;
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
  world.transactions.add(t.key);
  const partner = customer.partner;
  customer.slots.touch(seq);
  contribute(customer.slots, env.defs.customerTransaction, tx, usd, 1);
  const firstPay = Number.isNaN(customer.firstPaidMs);
  if (partner) {
    partner.slots.touch(seq);
    contribute(partner.slots, env.defs.partnerTransaction, tx, usd, 1);
    // has_paid and paid_order change on the first payment: re-count customer aggregates.
    if (firstPay) contribute(partner.slots, env.defs.partnerCustomer, customer, 0, -1);
  }
  if (firstPay) {
    customer.firstPaidMs = ctx.momentMs;
    if (partner) {
      partner.paidCustomers += 1;
      customer.paidOrder = partner.paidCustomers;
      contribute(partner.slots, env.defs.partnerCustomer, customer, 0, 1);
    }
  }
  ctx.partner = partner;
  ctx.customer = customer;
  ctx.transaction = tx;
  return {
    fires: 'transaction.created',
    note: `created transaction ${t.key}: ${t.amount} ${t.currency} for customer ${customer.key}`,
    undo: () => {
      world.transactions.delete(t.key);
      customer.slots.restore(seq);
      if (partner) partner.slots.restore(seq);
      if (firstPay) {
        customer.firstPaidMs = NaN;
        customer.paidOrder = 0;
        if (partner) partner.paidCustomers -= 1;
      }
    },
  };
}

type DealInput = Extract<PreparedEvent['input'], { type: 'deal.stage_changed' }>['deal'];

function applyDeal(d: DealInput, ctx: EvalContext, env: ApplyEnv): Applied {
  const seq = ctx.seq;
  const p = partnerOf(env, d.partnerKey);
  if (typeof p === 'string') return { rejected: p };
  const existing = env.world.deals.get(d.key);
  if (existing && existing.partner !== p) return { rejected: `deal "${d.key}" belongs to partner "${existing.partner.key}", not "${p.key}"` };
  let usd: number | null = existing ? existing.usd : null;
  if (d.amount !== undefined) {
    const currency = d.currency ?? 'USD';
    const rate = rateOf(env, currency);
    if (!rate) return { rejected: `deal "${d.key}" is in ${currency}, which has no FX rate in the program` };
    usd = toUsdMinor(parseMinor(d.amount, currency) as number, currency, rate);
  }
  p.slots.touch(seq);
  ctx.partner = p;
  if (!existing) {
    const deal: DealState = { key: d.key, partner: p, name: d.name ?? null, stage: d.stage, usd };
    env.world.deals.set(d.key, deal);
    contribute(p.slots, env.defs.partnerDeal, deal, usd ?? 0, 1);
    ctx.deal = deal;
    return {
      fires: 'deal.stage_changed',
      note: `created deal ${d.key} at stage ${d.stage}`,
      undo: () => {
        env.world.deals.delete(d.key);
        p.slots.restore(seq);
      },
    };
  }
  const old = { name: existing.name, stage: existing.stage, usd: existing.usd };
  contribute(p.slots, env.defs.partnerDeal, existing, existing.usd ?? 0, -1);
  existing.name = d.name === undefined ? existing.name : d.name;
  existing.stage = d.stage;
  existing.usd = usd;
  contribute(p.slots, env.defs.partnerDeal, existing, existing.usd ?? 0, 1);
  ctx.deal = existing;
  return {
    fires: 'deal.stage_changed',
    note: `deal ${d.key}: stage ${old.stage} → ${d.stage}`,
    undo: () => {
      Object.assign(existing, old);
      p.slots.restore(seq);
    },
  };
}

type LeadInput = Extract<PreparedEvent['input'], { type: 'lead.closed' }>['lead'];

function applyLead(ev: PreparedEvent, type: 'lead.closed' | 'lead.qualified', l: LeadInput, ctx: EvalContext, env: ApplyEnv): Applied {
  const seq = ctx.seq;
  const p = partnerOf(env, l.partnerKey);
  if (typeof p === 'string') return { rejected: p };
  const existing = env.world.leads.get(l.key);
  if (existing && existing.partner !== p) return { rejected: `lead "${l.key}" belongs to partner "${existing.partner.key}", not "${p.key}"` };
  p.slots.touch(seq);
  ctx.partner = p;
  if (!existing) {
    const lead: LeadState = { key: l.key, partner: p, name: l.name ?? null, stage: l.stage ?? null, submittedMs: instantOr(l.submittedAt, ev.atMs) };
    env.world.leads.set(l.key, lead);
    contribute(p.slots, env.defs.partnerLead, lead, 0, 1);
    ctx.lead = lead;
    return {
      fires: type,
      note: `created lead ${l.key}${lead.stage ? ` at stage ${lead.stage}` : ''}`,
      undo: () => {
        env.world.leads.delete(l.key);
        p.slots.restore(seq);
      },
    };
  }
  const old = { name: existing.name, stage: existing.stage, submittedMs: existing.submittedMs };
  contribute(p.slots, env.defs.partnerLead, existing, 0, -1);
  if (l.name !== undefined) existing.name = l.name;
  if (l.stage !== undefined) existing.stage = l.stage;
  if (l.submittedAt !== undefined) existing.submittedMs = instantOr(l.submittedAt, ev.atMs);
  contribute(p.slots, env.defs.partnerLead, existing, 0, 1);
  ctx.lead = existing;
  return {
    fires: type,
    note: `lead ${l.key} updated${l.stage ? ` to stage ${l.stage}` : ''}`,
    undo: () => {
      Object.assign(existing, old);
      p.slots.restore(seq);
    },
  };
}

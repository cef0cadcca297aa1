/**
 * Appliers of the events about partners and customers (one function per event type): each
 * validates its event against the world, applies it, fills `ctx` with what its rules see and
 * `a` with how to undo it. A rejected event changes nothing.
 */
import type { EventInput } from '../formats/events-schema';
import { parseMinorExact, type Minor } from '../money';
import { newPartner, reject, contribute, countForCustomer, partnerOf, type Applied, type ApplyEnv } from './apply-core';
import { instantOr, type PreparedEvent } from './prepare';
import { NO_SLOTS, Slots, type ActionObj, type CustomerState, type EvalContext, type PartnerState } from './state';

/** The input of one event type. */
export type InputOf<T extends EventInput['type']> = Extract<EventInput, { type: T }>;

export function applyPartnerCreated(ev: PreparedEvent, e: InputOf<'partner.created'>, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  const p = e.partner;
  if (env.world.partners.has(p.key)) return reject(a, `partner "${p.key}" already exists`);
  if (p.group !== null && !env.groups.has(p.group)) return reject(a, `group "${p.group}" is not defined in the program`);
  if (p.tier !== null && !env.tiers.has(p.tier)) return reject(a, `tier "${p.tier}" is not defined in the program`);
  const badTag = p.tags.find((t) => !env.tags.has(t));
  if (badTag !== undefined) return reject(a, `tag "${badTag}" is not defined in the program`);
  a.partner = newPartner(env, p.key, p.name, p.group, p.tier, p.tags, instantOr(p.joinedAt, ev.atMs));
  a.undo = 'partner';
  if (traced) a.note = `created partner ${p.key}`;
  return a;
}

export function applyCustomerCreated(ev: PreparedEvent, e: InputOf<'customer.created'>, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  const { world } = env;
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
    createdSeq: ctx.seq,
    firstPaidSeq: -1,
    slots: world.customerSlotCount === 0 ? NO_SLOTS : new Slots(world.customerSlotCount),
  };
  world.customers.set(c.key, customer);
  if (partner) {
    partner.customers.push(customer);
    contribute(partner.slots, ctx.seq, env.defs.partnerCustomer, customer, 0, 1);
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

export function applyActionCreated(e: InputOf<'action.created'>, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  const { world } = env;
  const x = e.action;
  const customer = world.customers.get(x.customerKey);
  if (!customer) return reject(a, `unknown customer "${x.customerKey}"`);
  if (world.actions.has(x.key)) return reject(a, `action "${x.key}" already exists`);
  const usd = x.value === undefined ? null : (parseMinorExact(x.value, 'USD') as Minor);
  const obj: ActionObj = { key: x.key, actionKey: x.actionKey, usd };
  world.actions.add(x.key);
  const partner = countForCustomer(ctx.seq, customer, env.defs.customerAction, env.defs.partnerAction, obj, usd ?? 0);
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

export function applyGroupChanged(e: InputOf<'partner.group_changed'>, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
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

export function applyLinkClicked(e: InputOf<'link.clicked'>, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  const p = partnerOf(env, e.partnerKey);
  if (typeof p === 'string') return reject(a, p);
  contribute(p.slots, ctx.seq, env.defs.partnerClick, null, e.count, 1);
  ctx.partner = p;
  a.partner = p;
  a.undo = 'click';
  if (traced) a.note = `${e.count} link click${e.count === 1 ? '' : 's'} for ${p.key}`;
  return a;
}

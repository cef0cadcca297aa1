/**
 * What every event applier shares: the environment of a replay's world, the one reused
 * `Applied` record each applier fills, and the aggregate bookkeeping (`contribute`).
 */
import type { TriggerEvent } from '../catalogue';
import type { Decimal, Minor } from '../money';
import type { Zone } from '../time';
import type { SlotDef, SlotRegistry } from './compile';
import { NO_SLOTS, Slots, type CustomerState, type DealState, type LeadState, type PartnerState, type World } from './state';

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

export function reset(a: Applied): Applied {
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

export function reject(a: Applied, message: string): Applied {
  a.rejected = message;
  return a;
}

/** Adds (sign 1) or removes (sign −1) an object's contribution to every slot counting it. */
export function contribute(slots: Slots, seq: number, defs: readonly SlotDef[], obj: unknown, value: Minor, sign: number): void {
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
export function countForCustomer(seq: number, customer: CustomerState, customerDefs: readonly SlotDef[], partnerDefs: readonly SlotDef[], obj: unknown, value: Minor): PartnerState | null {
  contribute(customer.slots, seq, customerDefs, obj, value, 1);
  const partner = customer.partner;
  if (partner) {
    contribute(partner.slots, seq, partnerDefs, obj, value, 1);
  }
  return partner;
}

export function rateOf(env: ApplyEnv, currency: string): Decimal | null {
  return env.rates.get(currency) ?? null;
}

export function partnerOf(env: ApplyEnv, key: string): PartnerState | string {
  return env.world.partners.get(key) ?? `unknown partner "${key}"`;
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

export function removePartner(env: ApplyEnv, state: PartnerState): void {
  env.world.partners.delete(state.key);
  const i = env.partnerList.lastIndexOf(state);
  if (i >= 0) env.partnerList.splice(i, 1);
}

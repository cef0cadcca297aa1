/**
 * Appliers of the events about a customer's money and a partner's pipeline (transactions,
 * deals, leads), one function per event type, with the same contract as apply-partners.ts.
 */
import { parseMinorExact, toUsdMinor, type Minor } from '../money';
import { contribute, countForCustomer, partnerOf, rateOf, reject, type Applied, type ApplyEnv } from './apply-core';
import type { InputOf } from './apply-partners';
import { instantOr, type PreparedEvent } from './prepare';
import type { DealState, EvalContext, LeadState, TransactionObj } from './state';

export function applyTransactionCreated(ev: PreparedEvent, e: InputOf<'transaction.created'>, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  const { world } = env;
  const seq = ctx.seq;
  const t = e.transaction;
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

export function applyDealStageChanged(e: InputOf<'deal.stage_changed'>, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  const seq = ctx.seq;
  const d = e.deal;
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

export function applyLeadEvent(ev: PreparedEvent, e: InputOf<'lead.closed' | 'lead.qualified'>, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  const seq = ctx.seq;
  const l = e.lead;
  const p = partnerOf(env, l.partnerKey);
  if (typeof p === 'string') return reject(a, p);
  const existing = env.world.leads.get(l.key);
  if (existing && existing.partner !== p) return reject(a, `lead "${l.key}" belongs to partner "${existing.partner.key}", not "${p.key}"`);
  ctx.partner = p;
  a.fires = e.type;
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

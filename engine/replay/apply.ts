/**
 * Step 1 of each event: validate it against the world and apply it (create or update the
 * object, keep aggregates current). One applier per event type (apply-partners.ts,
 * apply-pipeline.ts); `applyEvent` picks it. A rejected event changes nothing. Each applied
 * event records how to undo it, for the cascade-loop rollback.
 */
import { removePartner, reset, type Applied, type ApplyEnv } from './apply-core';
import { applyActionCreated, applyCustomerCreated, applyGroupChanged, applyLinkClicked, applyPartnerCreated } from './apply-partners';
import { applyDealStageChanged, applyLeadEvent, applyTransactionCreated } from './apply-pipeline';
import type { PreparedEvent } from './prepare';
import { type CustomerState, type EvalContext } from './state';

export { newApplied, newPartner, resolveDefs, type Applied, type ApplyEnv, type SlotDefsByKind, type UndoKind } from './apply-core';

/**
 * Applies one event to the world with its type's applier; fills `ctx` with the objects its
 * rules see. Returns `a`, reset and filled. Trace sentences are only built when `traced`.
 */
export function applyEvent(ev: PreparedEvent, ctx: EvalContext, env: ApplyEnv, a: Applied, traced: boolean): Applied {
  reset(a);
  const e = ev.input;
  switch (e.type) {
    case 'partner.created':
      return applyPartnerCreated(ev, e, env, a, traced);
    case 'customer.created':
      return applyCustomerCreated(ev, e, ctx, env, a, traced);
    case 'transaction.created':
      return applyTransactionCreated(ev, e, ctx, env, a, traced);
    case 'action.created':
      return applyActionCreated(e, ctx, env, a, traced);
    case 'deal.stage_changed':
      return applyDealStageChanged(e, ctx, env, a, traced);
    case 'lead.closed':
    case 'lead.qualified':
      return applyLeadEvent(ev, e, ctx, env, a, traced);
    case 'partner.group_changed':
      return applyGroupChanged(e, ctx, env, a, traced);
    case 'link.clicked':
      return applyLinkClicked(e, ctx, env, a, traced);
    default: {
      const never: never = e;
      return never;
    }
  }
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

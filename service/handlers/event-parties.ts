/**
 * Who an event concerns, and its one-line detail: the one rule the partner timeline and the
 * event browser share. A partner's events are their own (created, group changed, clicks), their
 * deals' and leads', and their customers' (a transaction or action belongs to the partner who
 * referred its customer, as the customer's `customer.created` says).
 */
import type { EventInput } from '../../engine/formats/events-schema';

export interface EventParties {
  /** The partner the event names itself; null when it names none (a transaction names its customer). */
  partnerKey: string | null;
  /** The customer it concerns (`customer.created`, `transaction.created`, `action.created`). */
  customerKey: string | null;
}

/** The partner and customer an event names in its own fields. */
export function eventParties(e: EventInput): EventParties {
  switch (e.type) {
    case 'partner.created':
      return { partnerKey: e.partner.key, customerKey: null };
    case 'customer.created':
      return { partnerKey: e.customer.partnerKey ?? null, customerKey: e.customer.key };
    case 'transaction.created':
      return { partnerKey: null, customerKey: e.transaction.customerKey };
    case 'action.created':
      return { partnerKey: null, customerKey: e.action.customerKey };
    case 'deal.stage_changed':
      return { partnerKey: e.deal.partnerKey, customerKey: null };
    case 'lead.closed':
    case 'lead.qualified':
      return { partnerKey: e.lead.partnerKey, customerKey: null };
    case 'partner.group_changed':
    case 'link.clicked':
      return { partnerKey: e.partnerKey, customerKey: null };
  }
}

/**
 * Follows customers as they are created, so an event naming only its customer is given the
 * customer's partner. Feed events in the order they should be read (`owner` of an event whose
 * customer has not been created yet is null).
 */
export class PartnerOfEvents {
  private readonly customerPartner = new Map<string, string | null>();

  /** The partner the event concerns (see the module note); remembers a created customer's partner. */
  owner(e: EventInput): string | null {
    const p = eventParties(e);
    if (e.type === 'customer.created') {
      if (!this.customerPartner.has(e.customer.key)) this.customerPartner.set(e.customer.key, p.partnerKey);
      return p.partnerKey;
    }
    if (p.partnerKey !== null || p.customerKey === null) return p.partnerKey;
    return this.customerPartner.get(p.customerKey) ?? null;
  }

  /** The partner of a customer created so far; null when unreferred or not (yet) created. */
  partnerOfCustomer(customerKey: string): string | null {
    return this.customerPartner.get(customerKey) ?? null;
  }
}

const money = (amount: string | undefined, currency: string | undefined): string => (amount === undefined ? '' : `${amount} ${currency ?? 'USD'}`);
const join = (...parts: (string | null | undefined)[]): string => parts.filter((x): x is string => typeof x === 'string' && x !== '').join(' · ');

/** What a person reads about the event in one line: amount, stage, group, product, name. */
export function eventDetail(e: EventInput): string {
  switch (e.type) {
    case 'partner.created':
      return join(e.partner.name, e.partner.group);
    case 'customer.created':
      return join(e.customer.name);
    case 'transaction.created':
      return join(e.transaction.key, money(e.transaction.amount, e.transaction.currency), e.transaction.productKey, e.transaction.categoryKey);
    case 'action.created':
      return join(e.action.actionKey, e.action.value === undefined ? null : `value ${e.action.value}`);
    case 'deal.stage_changed':
      return join(e.deal.key, e.deal.name, `stage ${e.deal.stage}`, money(e.deal.amount, e.deal.currency));
    case 'lead.closed':
    case 'lead.qualified':
      return join(e.lead.key, e.lead.name, e.lead.stage === undefined ? null : `stage ${e.lead.stage}`);
    case 'partner.group_changed':
      return `to ${e.group}`;
    case 'link.clicked':
      return `${e.count} ${e.count === 1 ? 'click' : 'clicks'}`;
  }
}

/** Builders for event-set entries in the JSON shape of FORMATS.md (`offerflow.events/1`). */

export interface Ev {
  id: string;
  type: string;
  at: string;
  receivedAt?: string;
  [key: string]: unknown;
}

export interface ExpectedReward {
  partnerKey: string;
  triggerId: string;
  eventId: string;
  amount: string;
  currency: string;
  kind?: 'reward' | 'drip';
  dueAt?: string;
}

export interface ExpectedPartner {
  key: string;
  group: string | null;
  tags: string[];
}

export interface Expect {
  rewards: ExpectedReward[];
  exactRewards?: boolean;
  partners: ExpectedPartner[];
  rejected: string[];
}

export const customer = (id: string, at: string, key: string, partnerKey: string, createdAt?: string): Ev => ({
  id,
  type: 'customer.created',
  at,
  customer: { key, partnerKey, ...(createdAt ? { createdAt } : {}) },
});

export interface TxOpts {
  product?: string;
  category?: string;
  createdAt?: string;
  receivedAt?: string;
}

export const transaction = (id: string, at: string, key: string, customerKey: string, amount: string, currency: string, o: TxOpts = {}): Ev => ({
  id,
  type: 'transaction.created',
  at,
  ...(o.receivedAt ? { receivedAt: o.receivedAt } : {}),
  transaction: {
    key,
    customerKey,
    amount,
    currency,
    ...(o.product ? { productKey: o.product } : {}),
    ...(o.category ? { categoryKey: o.category } : {}),
    ...(o.createdAt ? { createdAt: o.createdAt } : {}),
  },
});

export const action = (id: string, at: string, key: string, customerKey: string, actionKey: string, value?: string): Ev => ({
  id,
  type: 'action.created',
  at,
  action: { key, customerKey, actionKey, ...(value !== undefined ? { value } : {}) },
});

export const deal = (id: string, at: string, key: string, partnerKey: string, stage: string, extra: { name?: string; amount?: string; currency?: string } = {}): Ev => ({
  id,
  type: 'deal.stage_changed',
  at,
  deal: { key, partnerKey, stage, ...extra },
});

export const lead = (id: string, type: 'lead.qualified' | 'lead.closed', at: string, key: string, partnerKey: string, extra: { name?: string; stage?: string; submittedAt?: string } = {}): Ev => ({
  id,
  type,
  at,
  lead: { key, partnerKey, ...extra },
});

export const groupChanged = (id: string, at: string, partnerKey: string, group: string): Ev => ({ id, type: 'partner.group_changed', at, partnerKey, group });

export const clicks = (id: string, at: string, partnerKey: string, count: number): Ev => ({ id, type: 'link.clicked', at, partnerKey, count });

export const partnerCreated = (id: string, at: string, p: { key: string; name: string; group: string | null; tier: string | null; tags: string[] }): Ev => ({
  id,
  type: 'partner.created',
  at,
  partner: { ...p, joinedAt: at },
});

/** A plain (non-drip) expected reward. */
export const reward = (partnerKey: string, triggerId: string, eventId: string, amount: string, currency = 'USD'): ExpectedReward => ({
  partnerKey,
  triggerId,
  eventId,
  amount,
  currency,
  kind: 'reward',
});

/** One expected drip occurrence, due at `dueAt`. */
export const drip = (partnerKey: string, triggerId: string, eventId: string, amount: string, dueAt: string, currency = 'USD'): ExpectedReward => ({
  partnerKey,
  triggerId,
  eventId,
  amount,
  currency,
  kind: 'drip',
  dueAt,
});

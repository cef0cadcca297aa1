/**
 * The replay's world: partners, customers, deals, leads, and the aggregate slots each partner
 * and customer carries. Aggregates are updated in O(1) per event (per slot), never recounted.
 */

/** Count and sum of one aggregate slot per scope, with the values before the current event. */
export class Slots {
  readonly counts: Float64Array;
  readonly sums: Float64Array;
  readonly beforeCounts: Float64Array;
  readonly beforeSums: Float64Array;
  /** Sequence number of the event that last touched these slots. */
  epoch = -1;

  constructor(n: number) {
    this.counts = new Float64Array(n);
    this.sums = new Float64Array(n);
    this.beforeCounts = new Float64Array(n);
    this.beforeSums = new Float64Array(n);
  }

  /** Remembers the values before event `seq` changes them (once per event). */
  touch(seq: number): void {
    if (this.epoch === seq) return;
    this.beforeCounts.set(this.counts);
    this.beforeSums.set(this.sums);
    this.epoch = seq;
  }

  /** Puts the values back as they were before event `seq` (rollback of a rejected event). */
  restore(seq: number): void {
    if (this.epoch !== seq) return;
    this.counts.set(this.beforeCounts);
    this.sums.set(this.beforeSums);
    this.epoch = -1;
  }
}

/** Shared by every partner and customer when the program has no aggregate of that scope. */
export const NO_SLOTS = new Slots(0);

export interface PartnerState {
  readonly key: string;
  readonly name: string;
  group: string | null;
  tier: string | null;
  tags: string[];
  readonly joinedMs: number;
  readonly slots: Slots;
  /** Customers of this partner that have paid, for `paid_order`. */
  paidCustomers: number;
  /** Position among all partners: program order, then creation order. */
  readonly order: number;
}

export interface CustomerState {
  readonly key: string;
  readonly partner: PartnerState | null;
  readonly name: string | null;
  readonly createdMs: number;
  /** Moment of the first transaction; NaN until the customer pays. */
  firstPaidMs: number;
  /** 1-based rank among the partner's paying customers; 0 until the customer pays. */
  paidOrder: number;
  readonly slots: Slots;
}

export interface TransactionObj {
  readonly key: string;
  readonly minor: number;
  readonly currency: string;
  readonly usd: number;
  readonly productKey: string | null;
  readonly categoryKey: string | null;
  readonly createdMs: number;
}

export interface ActionObj {
  readonly key: string;
  readonly actionKey: string;
  readonly usd: number | null;
}

export interface DealState {
  readonly key: string;
  readonly partner: PartnerState;
  name: string | null;
  stage: string;
  usd: number | null;
}

export interface LeadState {
  readonly key: string;
  readonly partner: PartnerState;
  name: string | null;
  stage: string | null;
  submittedMs: number;
}

/** What rules see for the event being evaluated; one object, mutated per event. */
export interface EvalContext {
  seq: number;
  momentMs: number;
  partner: PartnerState | null;
  customer: CustomerState | null;
  transaction: TransactionObj | null;
  action: ActionObj | null;
  deal: DealState | null;
  lead: LeadState | null;
}

export function emptyContext(): EvalContext {
  return { seq: -1, momentMs: 0, partner: null, customer: null, transaction: null, action: null, deal: null, lead: null };
}

export interface World {
  partners: Map<string, PartnerState>;
  customers: Map<string, CustomerState>;
  transactions: Set<string>;
  actions: Set<string>;
  deals: Map<string, DealState>;
  leads: Map<string, LeadState>;
  partnerSlotCount: number;
  customerSlotCount: number;
}

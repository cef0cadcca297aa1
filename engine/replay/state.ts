/**
 * The replay's world: partners, customers, deals, leads, and the aggregate slots each partner
 * and customer carries. Aggregates are updated in O(1) per event (per slot), never recounted.
 */

/**
 * Count and sum of one aggregate slot per scope, with the values before the current event.
 * A slot's before-values are saved the first time an event changes it (`stamp` holds that
 * event's sequence number), so an event pays only for the slots it really changes.
 */
export class Slots {
  readonly counts: Float64Array;
  readonly sums: Float64Array;
  readonly beforeCounts: Float64Array;
  readonly beforeSums: Float64Array;
  /** Per slot: the sequence number of the event whose before-values are saved. */
  readonly stamp: Float64Array;

  constructor(n: number) {
    this.counts = new Float64Array(n);
    this.sums = new Float64Array(n);
    this.beforeCounts = new Float64Array(n);
    this.beforeSums = new Float64Array(n);
    this.stamp = new Float64Array(n).fill(-1);
  }

  /** Adds to slot `i` for event `seq`, saving its before-values on the event's first change. */
  add(i: number, seq: number, count: number, sum: number): void {
    if (this.stamp[i] !== seq) {
      this.stamp[i] = seq;
      this.beforeCounts[i] = this.counts[i] as number;
      this.beforeSums[i] = this.sums[i] as number;
    }
    this.counts[i] = (this.counts[i] as number) + count;
    this.sums[i] = (this.sums[i] as number) + sum;
  }

  /** Slot `i`'s count or sum before event `seq` changed it (its current value if it did not). */
  before(i: number, seq: number, sum: boolean): number {
    if (this.stamp[i] === seq) return sum ? (this.beforeSums[i] as number) : (this.beforeCounts[i] as number);
    return sum ? (this.sums[i] as number) : (this.counts[i] as number);
  }

  /** Puts the slots event `seq` changed back as they were (rollback of a rejected event). */
  restore(seq: number): void {
    const stamp = this.stamp;
    for (let i = 0; i < stamp.length; i++) {
      if (stamp[i] !== seq) continue;
      this.counts[i] = this.beforeCounts[i] as number;
      this.sums[i] = this.beforeSums[i] as number;
      stamp[i] = -1;
    }
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

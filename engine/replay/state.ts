/**
 * The replay's world: partners, customers, deals, leads, and the aggregate slots each partner
 * and customer carries. Aggregates are updated in O(1) per event (per slot), never recounted.
 */
import type { Minor } from '../money';
import type { KeySet } from './key-set';

/** Numbers kept per slot, side by side: count, sum, count before, sum before, stamp. */
export const SLOT_WIDTH = 5;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Count and sum of one aggregate slot per scope, with the values before the current event.
 * A slot's before-values are saved the first time an event changes it (its stamp holds that
 * event's sequence number), so an event pays only for the slots it really changes. All of a
 * slot's numbers sit together in one array (`v[SLOT_WIDTH * i + k]`): one cache line per slot.
 */
export class Slots {
  /**
   * The numbers of every slot. A sum past ±(2^53 − 1) holds its correctly rounded value here (so
   * comparisons with a safe threshold stay exact) and its exact value in `big`, by index in `v`.
   */
  readonly v: Float64Array;
  private big: Map<number, bigint> | null = null;

  constructor(n: number) {
    this.v = new Float64Array(n * SLOT_WIDTH);
    for (let i = 0; i < n; i++) this.v[i * SLOT_WIDTH + 4] = -1;
  }

  count(i: number): number {
    return this.v[i * SLOT_WIDTH] as number;
  }

  sum(i: number): number {
    return this.v[i * SLOT_WIDTH + 1] as number;
  }

  /** Adds to slot `i` for event `seq`, saving its before-values on the event's first change. */
  add(i: number, seq: number, count: number, sum: Minor): void {
    const v = this.v;
    const b = i * SLOT_WIDTH;
    if (v[b + 4] !== seq) {
      v[b + 4] = seq;
      v[b + 2] = v[b] as number;
      v[b + 3] = v[b + 1] as number;
      if (this.big !== null) this.copyBig(b + 1, b + 3);
    }
    v[b] = (v[b] as number) + count;
    const cur = v[b + 1] as number;
    if (typeof sum === 'number' && cur <= MAX_SAFE && cur >= -MAX_SAFE) {
      // An exact integer plus an integer: IEEE addition is correctly rounded, so a safe result is
      // the exact sum; an unsafe one may be rounded and goes the exact way.
      const r = cur + sum;
      if (r <= MAX_SAFE && r >= -MAX_SAFE) {
        v[b + 1] = r;
        return;
      }
    }
    this.addExact(b + 1, sum);
  }

  private addExact(k: number, sum: Minor): void {
    const big = (this.big ??= new Map<number, bigint>());
    const exact = (big.get(k) ?? BigInt(this.v[k] as number)) + BigInt(sum);
    this.v[k] = Number(exact);
    if (exact <= BigInt(MAX_SAFE) && exact >= -BigInt(MAX_SAFE)) big.delete(k);
    else big.set(k, exact);
  }

  private copyBig(from: number, to: number): void {
    const big = this.big as Map<number, bigint>;
    const x = big.get(from);
    if (x === undefined) big.delete(to);
    else big.set(to, x);
  }

  private exactAt(k: number): Minor {
    const x = this.v[k] as number;
    return x <= MAX_SAFE && x >= -MAX_SAFE ? x : (this.big?.get(k) ?? x);
  }

  /** Slot `i`'s sum, exactly (a BigInt past 2^53). */
  exactSum(i: number): Minor {
    return this.exactAt(i * SLOT_WIDTH + 1);
  }

  /** Slot `i`'s count or sum before event `seq` changed it (its current value if it did not); sums past 2^53 rounded. */
  before(i: number, seq: number, sum: boolean): number {
    const b = i * SLOT_WIDTH;
    const k = sum ? 1 : 0;
    return (this.v[this.v[b + 4] === seq ? b + 2 + k : b + k] as number);
  }

  /** Slot `i`'s sum before event `seq` changed it, exactly. */
  exactBefore(i: number, seq: number): Minor {
    const b = i * SLOT_WIDTH;
    return this.exactAt(this.v[b + 4] === seq ? b + 3 : b + 1);
  }

  /** Puts the slots event `seq` changed back as they were (rollback of a rejected event). */
  restore(seq: number): void {
    const v = this.v;
    for (let b = 0; b < v.length; b += SLOT_WIDTH) {
      if (v[b + 4] !== seq) continue;
      v[b] = v[b + 2] as number;
      v[b + 1] = v[b + 3] as number;
      if (this.big !== null) this.copyBig(b + 3, b + 1);
      v[b + 4] = -1;
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
  /** The partner's customers in creation order, for counts filtered at the moment (elapsed days). */
  readonly customers: CustomerState[];
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
  /** Sequence number of the event that created the customer, and of its first payment (−1 before). */
  readonly createdSeq: number;
  firstPaidSeq: number;
  readonly slots: Slots;
}

export interface TransactionObj {
  readonly key: string;
  readonly minor: Minor;
  readonly currency: string;
  readonly usd: Minor;
  readonly productKey: string | null;
  readonly categoryKey: string | null;
  readonly createdMs: number;
}

export interface ActionObj {
  readonly key: string;
  readonly actionKey: string;
  readonly usd: Minor | null;
}

export interface DealState {
  readonly key: string;
  readonly partner: PartnerState;
  name: string | null;
  stage: string;
  usd: Minor | null;
}

export interface LeadState {
  readonly key: string;
  readonly partner: PartnerState;
  name: string | null;
  stage: string | null;
  readonly submittedMs: number;
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
  transactions: KeySet;
  actions: KeySet;
  deals: Map<string, DealState>;
  leads: Map<string, LeadState>;
  partnerSlotCount: number;
  customerSlotCount: number;
}

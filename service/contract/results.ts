/**
 * Contract area: what a finished run means for the program: its totals and charts, a
 * partner's timeline and statement, the payout calendar and invoices, the comparison of two
 * runs and the program snapshot a run replayed. Merged into the one contract table by
 * `service/contract.ts`.
 */
import { z } from 'zod';
import type { RewardRow, RewardStatus } from '../../engine/formats/report';
import { FileText, Id, Month, RunRef, outline, type ContractEntry } from './common';

/** One trigger as a run's program snapshot held it. */
export interface SnapshotTrigger {
  id: string;
  name: string;
  event: string;
  status: 'draft' | 'active' | 'inactive';
  /** The saved version the run replayed (1 when the trigger had no history). */
  version: number;
  actionType: string;
  /** The trigger's version in the program now; null when it has been deleted since. */
  currentVersion: number | null;
}

/** The program a run replayed: its name and every trigger with the version used. */
export interface RunSnapshot {
  runId: string;
  programId: string;
  programName: string;
  timeZone: string;
  partnerCount: number;
  /** When the run started (the snapshot was taken then). */
  takenAt: string;
  triggers: SnapshotTrigger[];
  /** Triggers added to the program after the run: the run did not know them. */
  addedSince: { id: string; name: string }[];
}

/** A trigger whose version, status or presence differs between two runs' snapshots. */
export interface TriggerChange {
  triggerId: string;
  name: string;
  before: { version: number; status: string } | null;
  after: { version: number; status: string } | null;
}

export interface RunComparison {
  added: RewardRow[];
  removed: RewardRow[];
  changed: { before: RewardRow; after: RewardRow }[];
  unchanged: number;
  totalUsdBefore: string;
  totalUsdAfter: string;
  /** The two runs' programs: names, and whether they are the same program (any two runs compare). */
  programs?: { before: string; after: string; sameProgram: boolean };
  /** Triggers whose snapshot differs (the design change between the runs). */
  triggers?: TriggerChange[];
}

export interface InvoicePartnerLine {
  partnerKey: string;
  rewardCount: number;
  amountUsd: string;
  /** The approved part of the balance (pending rewards are invoiced but not yet payable). */
  approvedUsd: string;
  /** Whether the partner's approved balance reaches the 5.00 USD cash-out threshold. */
  canCashOut: boolean;
  /**
   * Why not, when not: the balance reaches 5.00 USD only with rewards still pending review
   * (`awaiting_approval`), or not at all (`below_minimum`).
   */
  cashOutBlocker: 'awaiting_approval' | 'below_minimum' | null;
}

export interface InvoicePreview {
  /** `YYYY-MM`, the month the rewards are due in. */
  month: string;
  invoiceDate: string;
  chargeDate: string;
  payoutDate: string;
  totalUsd: string;
  lines: InvoicePartnerLine[];
  /** Rewards due in the month left out of the invoice (hold, declined, scheduled). */
  excluded: { status: RewardStatus; count: number; amountUsd: string }[];
  /** Months that have rewards, for the month picker. */
  months: string[];
}

/** Rewards of one trigger, partner or month in a run: counts and USD, by review status. */
export interface GroupTotal {
  /** The trigger id, partner key or due month (`YYYY-MM`). */
  key: string;
  count: number;
  usd: string;
  /** Share of the run's USD total, 0–1 (0 when the run paid nothing). */
  share: number;
  byStatus: Partial<Record<RewardStatus, { count: number; usd: string }>>;
}

/** A run's rewards totalled per trigger, per partner and per due month (program overview, charts). */
export interface RunTotals {
  runId: string;
  count: number;
  usd: string;
  byTrigger: GroupTotal[];
  byPartner: GroupTotal[];
  byMonth: GroupTotal[];
}

/** One thing that happened to a partner, on the partner timeline. */
export interface TimelineEntry {
  at: string;
  kind: 'event' | 'reward' | 'drip' | 'group' | 'tag';
  eventId: string;
  /** The event type, the reward's description, "bronze → silver", the tag. */
  label: string;
  triggerId: string | null;
  /** The reward's USD amount (rewards and drip payments only). */
  amountUsd: string | null;
  /** A drip payment's place: "2 / 3". */
  occurrence: string | null;
  status: RewardStatus | null;
  /** USD of the partner's rewards up to and including this entry. */
  runningUsd: string;
  /** The partner's rewards (payments) up to and including this entry. */
  runningRewards: number;
}

export interface PartnerTimeline {
  runId: string;
  partnerKey: string;
  entries: TimelineEntry[];
  /** Events of the set that concern this partner (theirs, their customers', their deals and leads). */
  eventCount: number;
  rewardCount: number;
  rewardsUsd: string;
  groupMoves: number;
  tags: number;
  /** Entries past the limit were left out (the totals still count them). */
  truncated: boolean;
}

/** A month of the payout calendar: what is invoiced on the 1st, charged on the 8th, paid on the 13th. */
export interface PayoutMonth {
  /** The due month, `YYYY-MM`. */
  month: string;
  invoiceDate: string;
  chargeDate: string;
  payoutDate: string;
  /** Pending and approved rewards (the invoice). */
  count: number;
  usd: string;
  /** Approved only (what can be paid out). */
  approvedUsd: string;
  /** Rewards left out (declined, on hold, scheduled). */
  excludedCount: number;
}

/** One partner's statement: every reward of the run, by due month, with balances. */
export interface PartnerStatement {
  runId: string;
  partnerKey: string;
  months: { month: string; count: number; usd: string; approvedUsd: string; payoutDate: string }[];
  rewards: RewardRow[];
  totals: { count: number; usd: string; approvedUsd: string; pendingUsd: string; declinedUsd: string; holdUsd: string; scheduledUsd: string };
}

export const resultChannels = {
  /**
   * Two finished runs' ledgers matched reward by reward (added, removed, changed, unchanged),
   * with both USD totals, the two programs' names and the triggers whose snapshot differs. Any
   * two runs compare; an unfinished one is refused by its field (`beforeRunId`, `afterRunId`).
   */
  'replay.compare': {
    args: z.strictObject({ beforeRunId: Id, afterRunId: Id }),
    result: outline<RunComparison>('added', 'removed', 'changed', 'unchanged', 'totalUsdBefore', 'totalUsdAfter'),
  },
  /** The program snapshot (each trigger's version) a run replayed, against the program now. */
  'replay.snapshot': { args: RunRef, result: outline<RunSnapshot>('runId', 'programId', 'programName', 'triggers', 'addedSince') },
  /**
   * The invoice preview of one due month of a run (default: the first with rewards): a line per
   * partner with the cash-out state, the rewards left out, and the months that have rewards.
   */
  'payouts.month': { args: z.strictObject({ runId: Id, month: Month.optional() }), result: outline<InvoicePreview>('month', 'totalUsd', 'lines', 'excluded', 'months') },
  /** The month's invoice preview as a CSV file (one line per partner, formula-safe). */
  'payouts.invoiceCsv': { args: z.strictObject({ runId: Id, month: Month }), result: FileText },
  /** Twelve due months from `from` (default: the run's first month with rewards), with the invoice, charge and payout dates. */
  'payouts.year': { args: z.strictObject({ runId: Id, from: Month.optional() }), result: z.array(outline<PayoutMonth>('month', 'payoutDate', 'count', 'usd', 'approvedUsd')) },
  /** One partner's statement in a finished run: each due month, every reward, and balances by status. */
  'payouts.statement': { args: z.strictObject({ runId: Id, partnerKey: Id }), result: outline<PartnerStatement>('runId', 'partnerKey', 'months', 'rewards', 'totals') },
  /** A finished run's rewards totalled per trigger, per partner and per due month, with each one's share. */
  'replay.summary': { args: RunRef, result: outline<RunTotals>('runId', 'count', 'usd', 'byTrigger', 'byPartner', 'byMonth') },
  /**
   * One partner's events, rewards, drip payments, group moves and tags in time order, with
   * running totals; entries past `limit` are left out (`truncated`), the totals still count
   * them. Refused for a partner not in the run.
   */
  'replay.partnerTimeline': {
    args: z.strictObject({ runId: Id, partnerKey: Id, limit: z.number().int().min(1).max(20_000).default(5000) }),
    result: outline<PartnerTimeline>('runId', 'partnerKey', 'entries', 'eventCount', 'rewardCount', 'truncated'),
  },
} satisfies Record<string, ContractEntry>;

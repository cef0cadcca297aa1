/**
 * The replay report, `offerflow.report/1` (FORMATS.md). Keys are written in the order of these
 * interfaces so that the same inputs give a byte-identical file.
 */

export const REPORT_FORMAT = 'offerflow.report/1';

export type RewardStatus = 'scheduled' | 'pending' | 'approved' | 'declined' | 'hold' | 'paid';
export const REWARD_STATUSES: readonly RewardStatus[] = ['scheduled', 'pending', 'approved', 'declined', 'hold', 'paid'];

export interface RewardRow {
  id: string;
  kind: 'reward' | 'drip';
  partnerKey: string;
  triggerId: string;
  triggerVersion: number;
  eventId: string;
  description: string;
  amount: string;
  currency: string;
  amountUsd: string;
  fxRate: string;
  earnedAt: string;
  dueAt: string;
  occurrence: number;
  occurrences: number;
  status: RewardStatus;
  invoiceDate: string;
  chargeDate: string;
  payoutDate: string;
}

export interface GroupChangeRow {
  partnerKey: string;
  from: string | null;
  to: string;
  /** The trigger that moved the partner; null for a manual `partner.group_changed`. */
  triggerId: string | null;
  eventId: string;
  at: string;
}

export interface TagAppliedRow {
  partnerKey: string;
  tag: string;
  triggerId: string;
  eventId: string;
  at: string;
}

export interface PartnerStateRow {
  key: string;
  group: string | null;
  tier: string | null;
  tags: string[];
}

export interface RejectedRow {
  eventId: string;
  /** 0-based position of the event in the file. */
  index: number;
  message: string;
}

export interface ExpectationFailure {
  kind: 'missing_reward' | 'unexpected_reward' | 'partner' | 'rejected' | 'not_rejected';
  message: string;
  expected?: unknown;
  actual?: unknown;
}

export interface ExpectationResult {
  passed: boolean;
  failures: ExpectationFailure[];
}

/** What one rule saw: its values before and after the event (aggregates) and its verdict. */
export interface RuleTrace {
  rule: string;
  object: string;
  field: string;
  op: string;
  value?: unknown;
  actual: unknown;
  before?: unknown;
  result: boolean;
  filters?: string[];
}
export interface BlockTrace {
  block: 'all' | 'any';
  result: boolean;
  children: TraceNode[];
}
export type TraceNode = RuleTrace | BlockTrace;

export interface TriggerTrace {
  triggerId: string;
  triggerVersion: number;
  verdict: 'skipped' | 'passed' | 'failed';
  reason: string;
  rules: TraceNode | null;
  /** What the action did when the rules passed. */
  outcome?: string;
}

export interface EventTrace {
  eventId: string;
  index: number;
  type: string;
  moment: string;
  partnerKey: string | null;
  /** For a `partner.joined_group` fired by the engine: the file event that started the cascade. */
  cascadeOf?: string;
  applied: string;
  triggers: TriggerTrace[];
}

export interface ReplaySummary {
  events: number;
  rejected: number;
  rewards: number;
  rewardsUsd: string;
  groupChanges: number;
  tagsApplied: number;
  asOf: string;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  rewards: RewardRow[];
  groupChanges: GroupChangeRow[];
  tagsApplied: TagAppliedRow[];
  partners: PartnerStateRow[];
  rejected: RejectedRow[];
  expectations: ExpectationResult;
  trace?: EventTrace[];
}

/** The report as written to disk or stdout: two-space JSON and a final newline. */
export function serializeReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Reward rows read one at a time (the replay's compact ledger). */
export interface RewardRowSource {
  readonly length: number;
  row(i: number): RewardRow;
}

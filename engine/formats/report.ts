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

const SENTINEL = '\u0000rewards\u0000';
const TRACE_SENTINEL = '\u0000trace\u0000';
/** Characters per chunk handed to `write`. */
const CHUNK = 1 << 20;

const q = JSON.stringify;
/**
 * One reward row as `JSON.stringify(report, null, 2)` writes it inside the rewards array (keys
 * in `RewardRow` order). Text that comes from the user's files is escaped by JSON.stringify;
 * amounts, instants, dates and enums are the engine's own and need none.
 */
function rowJson(r: RewardRow): string {
  return `    {
      "id": ${q(r.id)},
      "kind": "${r.kind}",
      "partnerKey": ${q(r.partnerKey)},
      "triggerId": ${q(r.triggerId)},
      "triggerVersion": ${r.triggerVersion},
      "eventId": ${q(r.eventId)},
      "description": ${q(r.description)},
      "amount": "${r.amount}",
      "currency": ${q(r.currency)},
      "amountUsd": "${r.amountUsd}",
      "fxRate": "${r.fxRate}",
      "earnedAt": "${r.earnedAt}",
      "dueAt": "${r.dueAt}",
      "occurrence": ${r.occurrence},
      "occurrences": ${r.occurrences},
      "status": "${r.status}",
      "invoiceDate": "${r.invoiceDate}",
      "chargeDate": "${r.chargeDate}",
      "payoutDate": "${r.payoutDate}"
    }`;
}

/**
 * One array element as `JSON.stringify(report, null, 2)` writes it at depth 2 (inside a
 * top-level array): indentation depends only on depth, so the element's own two-space JSON
 * with four more spaces on every line is the same text.
 */
function elementJson(value: unknown): string {
  return `    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`;
}

/**
 * Writes the report as `serializeReport` would, byte for byte, with the reward rows taken from
 * `rows` one at a time and the trace's events one at a time, handed to `write` in chunks of
 * about a megabyte: a report of millions of rewards, or the trace of 50,000 events, never
 * becomes one string (JavaScript strings stop at ~512 MB).
 */
export function writeReport(report: Report, rows: RewardRowSource, write: (chunk: string) => void): void {
  const trace = report.trace;
  const streamRows = rows.length > 0;
  const streamTrace = trace !== undefined && trace.length > 0;
  if (!streamRows && !streamTrace) {
    write(serializeReport({ ...report, rewards: [] }));
    return;
  }
  // The report with each streamed array holding one sentinel string: the text around the
  // sentinels is written as it is, the arrays' elements in their place.
  const text = serializeReport({
    ...report,
    rewards: streamRows ? [SENTINEL as unknown as RewardRow] : [],
    ...(trace === undefined ? {} : { trace: streamTrace ? [TRACE_SENTINEL as unknown as EventTrace] : [] }),
  });
  let buf = '';
  const push = (chunk: string) => {
    buf += chunk;
    if (buf.length >= CHUNK) {
      write(buf);
      buf = '';
    }
  };
  let from = 0;
  if (streamRows) {
    const marker = `    ${JSON.stringify(SENTINEL)}`;
    const at = text.indexOf(marker);
    push(text.slice(from, at));
    for (let i = 0; i < rows.length; i++) push(i === 0 ? rowJson(rows.row(i)) : `,\n${rowJson(rows.row(i))}`);
    from = at + marker.length;
  }
  if (streamTrace) {
    const marker = `    ${JSON.stringify(TRACE_SENTINEL)}`;
    const at = text.indexOf(marker, from);
    push(text.slice(from, at));
    for (let i = 0; i < trace.length; i++) push(i === 0 ? elementJson(trace[i]) : `,\n${elementJson(trace[i])}`);
    from = at + marker.length;
  }
  write(buf + text.slice(from));
}

/**
 * One test case of `offerflow test`: read an event set (and, for CSV, its expectations file),
 * replay it against a program, and turn the expectation failures into a minimal diff and the
 * trace's reason for the first missing reward.
 */
import { existsSync } from 'node:fs';
import type { EventSet, ExpectedReward, Expectations } from '../../engine/formats/events-schema';
import { ExpectSchema } from '../../engine/formats/events-schema';
import { InputError } from '../../engine/formats/issues';
import type { Program } from '../../engine/formats/program-schema';
import { parseEventSetText, parseJsonText } from '../../engine/formats/read';
import type { ExpectationFailure, Report, RewardRow } from '../../engine/formats/report';
import { zodIssues } from '../../engine/formats/zod-issues';
import { formatMinor } from '../../engine/money';
import { replayToLedger } from '../../engine/replay/replay';
import type { RewardLedger } from '../../engine/replay/ledger';
import { expectationsPathOf } from './discover';
import { explainMissingReward } from './explain';

export type SetStatus = 'passed' | 'failed' | 'invalid';

/** What `offerflow test` knows about one event set after running it against one program. */
export interface SetResult {
  /** The path as found. */
  file: string;
  /** The set's `name`, else its file name. */
  name: string;
  status: SetStatus;
  ms: number;
  events: number;
  rewards: number;
  /** Total of the rewards in USD, as a decimal string. */
  usd: string;
  hasExpectations: boolean;
  failures: ExpectationFailure[];
  /** The minimal diff: one line per missing, unexpected or differing item. */
  diff: string[];
  /** Why the first missing reward is missing, from the trace; null when there is none. */
  reason: string | null;
  /** For an invalid set: `place: message` per problem. */
  issues: string[];
  /** The expectations the run would pass with (what `--update` writes). */
  current?: Expectations;
  /** The parsed set (for `--update`). */
  set?: EventSet;
}

/** How `offerflow test` reads files; `main.ts` supplies its own readers (size limits and all). */
export interface SetReader {
  readText(path: string): string;
}

/** Reads a set; for CSV, merges its expectations file (if any) as the set's `expect`. */
export function loadSet(reader: SetReader, file: string): EventSet {
  const set = parseEventSetText(reader.readText(file), file);
  if (!/\.csv$/i.test(file)) return set;
  const expectFile = expectationsPathOf(file);
  if (!existsSync(expectFile)) return set;
  const r = ExpectSchema.safeParse(parseJsonText(reader.readText(expectFile), expectFile));
  if (!r.success) throw new InputError(expectFile, zodIssues(r.error));
  return { ...set, expect: r.data };
}

function rewardText(r: Partial<ExpectedReward>, triggerName: (id: string) => string | undefined): string {
  const parts: string[] = [];
  if (r.partnerKey !== undefined) parts.push(`partner ${r.partnerKey}`);
  if (r.triggerId !== undefined) {
    const name = triggerName(r.triggerId);
    parts.push(name !== undefined ? `trigger '${name}' (${r.triggerId})` : `trigger ${r.triggerId}`);
  }
  if (r.eventId !== undefined) parts.push(`event ${r.eventId}`);
  if (r.amount !== undefined || r.currency !== undefined) parts.push([r.amount, r.currency].filter((x) => x !== undefined).join(' '));
  if (r.kind === 'drip' || r.dueAt !== undefined) parts.push([r.kind ?? '', r.dueAt !== undefined ? `due ${r.dueAt}` : ''].filter(Boolean).join(' '));
  return parts.length ? parts.join(' · ') : 'any reward';
}

/** The diff lines of a run's expectation failures (expected with `-`, actual with `+`). */
export function diffLines(failures: readonly ExpectationFailure[], expect: Expectations, program: Program): string[] {
  const names = new Map(program.triggers.map((t) => [t.id, t.name]));
  const name = (id: string): string | undefined => names.get(id);
  const missing = failures.filter((f) => f.kind === 'missing_reward');
  const unexpected = failures.filter((f) => f.kind === 'unexpected_reward');
  const lines: string[] = [];
  if (missing.length || unexpected.length) {
    lines.push(`expect.rewards: ${missing.length} missing, ${unexpected.length} unexpected`);
    for (const f of missing) {
      const exp = f.expected as ExpectedReward;
      lines.push(`  - expect.rewards[${(expect.rewards ?? []).indexOf(exp)}]  ${rewardText(exp, name)}`);
    }
    for (const f of unexpected) {
      const { id, dueAt, ...got } = f.actual as ExpectedReward & { id: string };
      // Every reward has a due moment; it tells something only for a drip's occurrences.
      lines.push(`  + ${id} (not expected)  ${rewardText(got.kind === 'drip' ? { ...got, dueAt } : { ...got, kind: undefined }, name)}`);
    }
  }
  for (const f of failures) {
    if (f.kind === 'partner') lines.push(`expect.partners[${(expect.partners ?? []).indexOf(f.expected as never)}]: ${f.message}`);
    else if (f.kind === 'rejected' || f.kind === 'not_rejected') lines.push(`expect.rejected: ${f.message}`);
  }
  return lines;
}

/** The expectations a run passes with: every reward, every partner's final state, the rejected ids. */
export function currentExpectations(report: Report, ledger: RewardLedger): Expectations {
  const rewards: ExpectedReward[] = [];
  for (let i = 0; i < ledger.length; i++) {
    const r: RewardRow = ledger.row(i);
    rewards.push({ partnerKey: r.partnerKey, triggerId: r.triggerId, eventId: r.eventId, amount: r.amount, currency: r.currency, ...(r.kind === 'drip' ? { kind: r.kind, dueAt: r.dueAt } : {}) });
  }
  return {
    rewards,
    partners: report.partners.map((p) => ({ key: p.key, group: p.group, tier: p.tier, tags: [...p.tags] })),
    rejected: report.rejected.map((r) => r.eventId),
  };
}

/** `file: place: message` for each issue, as the CLI prints them. */
export function issueLines(e: InputError): string[] {
  return e.issues.map((i) => `${e.file}${i.path ? `: ${i.path}` : ''}: ${i.message}`);
}

/** Runs one set against one program; never throws for bad input (the result is `invalid`). */
export function runSet(reader: SetReader, program: Program, file: string, options: { asOf?: string } = {}, preloaded?: EventSet): SetResult {
  const started = performance.now();
  const base = { file, name: file.replace(/^.*[\\/]/, ''), events: 0, rewards: 0, usd: '0.00', hasExpectations: false, failures: [], diff: [], reason: null, issues: [] };
  let set: EventSet;
  try {
    set = preloaded ?? loadSet(reader, file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ...base, status: 'invalid', ms: performance.now() - started, issues: issueLines(e) };
  }
  let run: { report: Report; ledger: RewardLedger };
  try {
    run = replayToLedger(program, set, options.asOf !== undefined ? { asOf: options.asOf } : {});
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { ...base, status: 'invalid', ms: performance.now() - started, issues: [`--as-of: ${e.message}`] };
  }
  const { report, ledger } = run;
  const failures = report.expectations.failures;
  const expect = set.expect ?? {};
  const firstMissing = failures.find((f) => f.kind === 'missing_reward');
  const reason = firstMissing ? explainMissingReward({ program, set, ...options }, firstMissing.expected as ExpectedReward) : null;
  return {
    ...base,
    name: set.name || base.name,
    status: report.expectations.passed ? 'passed' : 'failed',
    ms: performance.now() - started,
    events: set.events.length,
    rewards: ledger.length,
    usd: formatMinor(ledger.totalUsd(), 'USD'),
    hasExpectations: set.expect !== undefined,
    failures,
    diff: diffLines(failures, expect, program),
    reason,
    current: currentExpectations(report, ledger),
    set,
  };
}

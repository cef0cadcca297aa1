/**
 * Expectation failures as a person reads them: a headline per failure and, when the engine
 * gives expected and actual values, a field-by-field diff (same / changed / only one side).
 */
import type { ExpectationFailure } from '@engine/formats/report';

export type DiffMark = 'same' | 'changed' | 'expected-only' | 'actual-only';

export interface DiffLine {
  path: string;
  expected: string;
  actual: string;
  mark: DiffMark;
}

export interface FailureView {
  kind: ExpectationFailure['kind'];
  title: string;
  message: string;
  lines: DiffLine[];
}

const KIND_TITLES: Readonly<Record<ExpectationFailure['kind'], string>> = {
  missing_reward: 'Expected reward not found',
  unexpected_reward: 'Reward not expected',
  partner: 'Partner state differs',
  rejected: 'Event should have been rejected',
  not_rejected: 'Event was rejected unexpectedly',
};

/** Short text of any JSON-ish value: strings bare, lists as "[a, b]", objects as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(showValue).join(', ')}]`;
  return JSON.stringify(value);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Flattens nested objects to `a.b` paths; lists and scalars are leaves. */
export function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isPlainObject(value)) {
    if (value !== undefined) out.set(prefix || 'value', value);
    return out;
  }
  for (const [k, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) for (const [p, x] of flatten(v, path)) out.set(p, x);
    else out.set(path, v);
  }
  return out;
}

/** Field-by-field diff; the expected side's key order first, then keys only the actual has. */
export function diffValues(expected: unknown, actual: unknown): DiffLine[] {
  const e = flatten(expected);
  const a = flatten(actual);
  const keys = [...e.keys(), ...[...a.keys()].filter((k) => !e.has(k))];
  return keys.map((path) => {
    const ev = e.get(path);
    const av = a.get(path);
    const mark: DiffMark = !e.has(path) ? 'actual-only' : !a.has(path) ? 'expected-only' : showValue(ev) === showValue(av) ? 'same' : 'changed';
    return { path, expected: e.has(path) ? showValue(ev) : '—', actual: a.has(path) ? showValue(av) : '—', mark };
  });
}

export function failureView(f: ExpectationFailure): FailureView {
  const has = f.expected !== undefined || f.actual !== undefined;
  return { kind: f.kind, title: KIND_TITLES[f.kind], message: f.message, lines: has ? diffValues(f.expected, f.actual) : [] };
}

/** A run's expectations: its own state when the event set has none (never "passed"). */
export type ExpectationsState = 'none' | 'passed' | 'failed';

export const EXPECTATION_STATE_TEXT: Readonly<Record<ExpectationsState, string>> = { none: 'no expectations', passed: 'expectations passed', failed: 'expectations failed' };

/**
 * From the run's stored verdict and, when known, whether its event set has an `expect` block
 * (runs recorded before the service stored "none" say passed for a set without expectations).
 */
export function expectationsState(run: { expectationsPassed: boolean | null }, setHasExpectations: boolean | undefined): ExpectationsState {
  if (run.expectationsPassed === null || setHasExpectations === false) return 'none';
  return run.expectationsPassed ? 'passed' : 'failed';
}

/** "3 of 3 expectations met" style summary; null when the event set had none. */
export function expectationSummary(result: { passed: boolean; failures: readonly ExpectationFailure[] }, hasExpectations: boolean): string | null {
  if (!hasExpectations) return null;
  if (result.passed) return 'All expectations passed';
  const n = result.failures.length;
  return `${n} expectation${n === 1 ? '' : 's'} failed`;
}

/** The reward, among candidates, that agrees with an expected reward on the most fields. */
export function closestReward<T extends object>(expected: Readonly<Record<string, unknown>>, candidates: readonly T[]): T | null {
  let best: T | null = null;
  let bestScore = -1;
  for (const c of candidates) {
    const rec = c as Record<string, unknown>;
    const score = Object.keys(expected).filter((k) => showValue(rec[k]) === showValue(expected[k])).length;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The fields of `row` named by `expected` (so the diff compares like with like). */
export function pickFields(row: object, expected: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const rec = row as Record<string, unknown>;
  return Object.fromEntries(Object.keys(expected).map((k) => [k, rec[k]]));
}

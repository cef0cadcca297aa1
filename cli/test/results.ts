/**
 * The results of one `offerflow test` run and its three renderings: the pretty text a person
 * reads, the `offerflow.test-report/1` JSON a script reads, and (junit.ts) JUnit XML for CI.
 */
import { relative, isAbsolute } from 'node:path';
import type { SetResult } from './run-set';

/** One program and the sets run against it. */
export interface SuiteResult {
  program: string;
  /** The program's `name` (empty when it could not be read). */
  name: string;
  ms: number;
  /** Problems that stopped the program or a path from being tested (`file: place: message`). */
  issues: string[];
  sets: SetResult[];
}

export interface TestRun {
  started: Date;
  ms: number;
  suites: SuiteResult[];
}

export const TEST_REPORT_FORMAT = 'offerflow.test-report/1';

export interface Counts {
  passed: number;
  failed: number;
  /** Invalid sets, plus each program or path that could not be read. */
  invalid: number;
  sets: number;
}

export function countsOf(run: TestRun): Counts {
  const c: Counts = { passed: 0, failed: 0, invalid: 0, sets: 0 };
  for (const s of run.suites) {
    c.invalid += s.issues.length;
    for (const r of s.sets) {
      c.sets++;
      c[r.status]++;
    }
  }
  return c;
}

/** 0 all passed, 1 an expectation failed, 2 some input was invalid (it wins: the run is incomplete). */
export function exitCodeOf(c: Counts): 0 | 1 | 2 {
  return c.invalid > 0 ? 2 : c.failed > 0 ? 1 : 0;
}

/** A path as shown: relative to the working folder when inside it. */
export function shownPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 passed, 1 failed, 1 invalid (4 sets, 1 program) in 0.05 s"; "invalid" only when some are. */
export function summaryLine(run: TestRun): string {
  const c = countsOf(run);
  const invalid = c.invalid ? `, ${c.invalid} invalid` : '';
  return `${c.passed} passed, ${c.failed} failed${invalid} (${plural(c.sets, 'set')}, ${plural(run.suites.length, 'program')}) in ${(run.ms / 1000).toFixed(2)} s`;
}

/** What one set line says after the mark: counts, USD, failures. */
export function setCounts(r: SetResult): string {
  if (r.status === 'invalid') return 'invalid input';
  const failures = r.failures.length ? `, ${plural(r.failures.length, 'expectation failure')}` : '';
  const none = r.hasExpectations ? '' : ', no expectations';
  return `${plural(r.events, 'event')}, ${plural(r.rewards, 'reward')} (${r.usd} USD)${failures}${none}`;
}

/** The lines under a failed or invalid set: the diff, the reason, the input problems. */
export function detailLines(r: SetResult): string[] {
  return [...r.diff, ...(r.reason ? [`why: ${r.reason}`] : []), ...r.issues];
}

/** The pretty report: a header per program, one line per set, details under failures, a summary. */
export function renderPretty(run: TestRun): string {
  const out: string[] = [];
  for (const s of run.suites) {
    out.push(`${shownPath(s.program)}${s.name ? ` — ${s.name}` : ''}`);
    for (const i of s.issues) out.push(`  ✗ ${i}`);
    for (const r of s.sets) {
      out.push(`  ${r.status === 'passed' ? '✓' : '✗'} ${shownPath(r.file)} — ${setCounts(r)} · ${Math.round(r.ms)} ms`);
      for (const d of detailLines(r)) out.push(`      ${d}`);
    }
  }
  out.push('', summaryLine(run));
  return `${out.join('\n')}\n`;
}

/** The `offerflow.test-report/1` document (docs/formats.md). */
export function renderJson(run: TestRun): string {
  const c = countsOf(run);
  const doc = {
    format: TEST_REPORT_FORMAT,
    passed: c.passed,
    failed: c.failed,
    invalid: c.invalid,
    seconds: run.ms / 1000,
    suites: run.suites.map((s) => ({
      program: s.program,
      name: s.name,
      seconds: s.ms / 1000,
      issues: s.issues,
      sets: s.sets.map((r) => ({
        file: r.file,
        name: r.name,
        status: r.status,
        seconds: r.ms / 1000,
        events: r.events,
        rewards: r.rewards,
        rewardsUsd: r.usd,
        hasExpectations: r.hasExpectations,
        failures: r.failures,
        diff: r.diff,
        reason: r.reason,
        issues: r.issues,
      })),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

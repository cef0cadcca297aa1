/** What every handler map is built from: the store's connection, the replay runner, a clock. */
import type { Program } from '../../engine/formats/program-schema';
import { blockingIssues, validateProgram, type ProgramIssue } from '../../engine/validate';
import type { ProgramDoc } from '../contract';
import { failureFromIssues, Failure } from '../failure';
import type { RunManager } from '../replay/manager';
import { loadProgram, touchProgram, type Db } from '../store';
import type { TotalsCache } from './totals-cache';

export interface ServiceContext {
  db: Db;
  runs: RunManager;
  /** The current instant as ISO text (injected so tests control time). */
  now: () => string;
  /** Ledger totals between page requests. */
  totals: TotalsCache;
}

/** The stored program, or a Failure naming `programId`. */
export function requireProgram(ctx: ServiceContext, programId: string): Program {
  const p = loadProgram(ctx.db, programId);
  if (!p) throw new Failure(`program "${programId}" does not exist`, 'programId');
  return p.program;
}

/** The program with its store metadata and validation issues, as the UI gets it. */
export function programDoc(ctx: ServiceContext, programId: string): ProgramDoc {
  const p = loadProgram(ctx.db, programId);
  if (!p) throw new Failure(`program "${programId}" does not exist`, 'programId');
  return { id: programId, updatedAt: p.updatedAt, program: p.program, issues: validateProgram(p.program) };
}

function key(i: ProgramIssue): string {
  return `${i.code} ${i.path} ${i.message}`;
}

/**
 * Refuses a change that would make the program invalid input (e.g. deleting a group an active
 * trigger uses): such a program could no longer be replayed, and its locked triggers could not
 * be fixed. Problems that were already there do not block unrelated edits.
 */
export function guardProgram(before: Program, after: Program, what: string, place: (path: string) => string = (path) => path): void {
  const old = new Set(blockingIssues(before, validateProgram(before)).map(key));
  const added = blockingIssues(after, validateProgram(after)).filter((i) => !old.has(key(i)));
  if (added.length > 0) throw failureFromIssues(`${what} would make the program invalid`, added.map((i) => ({ path: place(i.path), message: i.message })));
}

/**
 * Runs a change in one transaction and marks the program changed. IMMEDIATE: the change reads
 * before it writes (next version, next position), and a deferred transaction that another
 * process wrote past could not take the write lock at all (SQLITE_BUSY at once, no waiting).
 */
export function inProgramTx<T>(ctx: ServiceContext, programId: string, fn: () => T): T {
  return ctx.db
    .transaction(() => {
      const out = fn();
      touchProgram(ctx.db, programId, ctx.now());
      return out;
    })
    .immediate();
}

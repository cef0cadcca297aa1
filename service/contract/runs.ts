/**
 * Contract area: replay runs (start, follow, cancel, delete, name) and what a finished run
 * holds: its result, its ledger (pages, CSV), traces, and the review of its rewards. Merged
 * into the one contract table by `service/contract.ts`.
 */
import { z } from 'zod';
import type { EventTrace, ExpectationResult, GroupChangeRow, PartnerStateRow, RejectedRow, RewardRow, TagAppliedRow } from '../../engine/formats/report';
import { Deleted, FileText, Id, Key, Month, Note, ProgramRef, RunRef, Short, longer, outline, type ContractEntry } from './common';
import { MAX_REVIEW_IDS } from '../limits';

/**
 * A run's life: `queued` (waiting for a free replay worker), `running`, then one of the three
 * ends. A run never goes back to an earlier state, and its progress never goes backwards.
 */
export type RunStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed';

/** What a running replay is doing: reading its inputs, replaying the events, saving the ledger. */
export type RunPhase = 'loading' | 'replaying' | 'saving';

/** Whether a run has not ended yet (queued or running): its progress is worth polling. */
export function runInProgress(status: RunStatus): status is 'queued' | 'running' {
  return status === 'queued' || status === 'running';
}

export interface RunSummary {
  id: string;
  programId: string;
  eventSetId: string;
  eventSetName: string;
  status: RunStatus;
  processed: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  asOf: string | null;
  rewardCount: number;
  rewardsUsd: string;
  rejectedCount: number;
  expectationsPassed: boolean | null;
  error: string | null;
  /** A person's name for the run ("before the gold change"); null until named. */
  name?: string | null;
  /** A person's note on the run; null when none. */
  note?: string | null;
  /**
   * While running: `loading` the program snapshot and the event set, `replaying` the events
   * (`processed` of `total`), then `saving` the ledger (`saved` of `toSave` rows), which on a
   * million-event run takes a while of its own. Absent once the run has ended.
   */
  phase?: RunPhase;
  saved?: number;
  toSave?: number;
  /** While queued: this run's place in the line for a replay worker, 1 = next to start. */
  queuePosition?: number;
}

export interface RunResult {
  run: RunSummary;
  groupChanges: GroupChangeRow[];
  tagsApplied: TagAppliedRow[];
  partners: PartnerStateRow[];
  rejected: RejectedRow[];
  expectations: ExpectationResult;
}

/** A ledger row: the engine's reward plus its review decision. */
export interface LedgerRow extends RewardRow {
  reviewReason: string | null;
}

export interface LedgerPage {
  rows: LedgerRow[];
  /** Rows matching the filter. */
  total: number;
  /** USD total of the matching rows. */
  totalUsd: string;
}

const LedgerSort = z.enum(['id', 'partnerKey', 'triggerId', 'amountUsd', 'dueAt', 'status']);

/** A filtered, sorted page of a finished run's ledger. */
export const LedgerQuery = z.strictObject({
  runId: Id,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(200),
  partnerKey: Key.optional(),
  triggerId: Key.optional(),
  status: z.enum(['scheduled', 'pending', 'approved', 'declined', 'hold', 'paid']).optional(),
  /** `YYYY-MM`: rewards due in that month (program zone). */
  month: Month.optional(),
  sort: LedgerSort.default('id'),
  desc: z.boolean().default(false),
});

/** The outline every run answer has (also used by the results area). */
export const Run = outline<RunSummary>('id', 'programId', 'eventSetId', 'status', 'processed', 'total', 'startedAt');

export const runChannels = {
  /**
   * Queues a replay of the program's current state over one of its event sets, `asOf` (an
   * ISO instant) the moment "now" is for the run; answers the run's id at once. Refused when
   * the set is not the program's, or the program has errors to fix first.
   */
  'replay.start': { args: z.strictObject({ programId: Id, eventSetId: Id, asOf: Short.optional() }), result: z.object({ runId: z.string() }) },
  /** A run as it stands, with live progress while queued or running (never going backwards). */
  'replay.progress': { args: RunRef, result: Run },
  /** Cancels a queued or running run (an ended run is left as it is) and answers it. */
  'replay.cancel': { args: RunRef, result: Run },
  /** A run's summary with the report parts besides the ledger: group moves, tags, partners, rejected events, expectations. */
  'replay.result': { args: RunRef, result: outline<RunResult>('run', 'groupChanges', 'tagsApplied', 'partners', 'rejected', 'expectations') },
  /** The program's runs, newest first, with live progress for those not ended. */
  'replay.runs': { args: ProgramRef, result: z.array(Run) },
  /** A page of a finished run's ledger (filter, sort, `offset`/`limit`), with the matching rows' count and USD total. */
  'replay.ledger': { args: LedgerQuery, result: outline<LedgerPage>('rows', 'total', 'totalUsd') },
  /** The filtered ledger as a CSV file (formula-safe); refused past the CSV row limit (filter first). */
  'replay.ledgerCsv': { args: LedgerQuery.omit({ offset: true, limit: true }), result: FileText },
  /**
   * The trace of one event of a finished run: each trigger's rules as evaluated, recomputed
   * deterministically on demand. Refused for an event not in the run's set.
   */
  'replay.trace': { args: z.strictObject({ runId: Id, eventId: Id }), result: z.array(outline<EventTrace>('eventId', 'type', 'moment', 'triggers')) },
  /** Cancels the run if it is not ended, then deletes it with its ledger. */
  'replay.delete': { args: RunRef, result: Deleted },
  /** Names a run and/or sets its note; an empty string clears either. Answers the run. */
  'replay.annotate': {
    args: z.strictObject({ runId: Id, name: z.string().trim().max(200, longer(200)).optional(), note: Note.optional() }),
    result: Run,
  },
  /**
   * Records a review decision on rewards of a finished run, all or none: a decline needs a
   * `reason`, and a reward not in the run is refused as `rewardIds[i]`. Answers how many changed.
   */
  'rewards.review': {
    args: z.strictObject({
      runId: Id,
      rewardIds: z.array(Id).min(1, 'pick at least one reward').max(MAX_REVIEW_IDS, `has more than ${MAX_REVIEW_IDS} rewards: review at most ${MAX_REVIEW_IDS} at once (filter the ledger first)`),
      decision: z.enum(['approved', 'declined', 'hold', 'pending']),
      reason: z.string().max(500, longer(500)).optional(),
    }),
    result: z.object({ updated: z.number().int().min(0) }),
  },
} satisfies Record<string, ContractEntry>;

/**
 * Contract area: a program's event sets (imports as jobs, the event browser, notes) and their
 * expectations, including "save this run as the expected result". Merged into the one contract
 * table by `service/contract.ts`.
 */
import { z } from 'zod';
import { FILE_EVENTS } from '../../engine/catalogue';
import type { Expectations } from '../../engine/formats/events-schema';
import { Deleted, DisplayName, FileName, Id, ImportText, Json, Key, Note, ProgramRef, Short, longer, outline, type ContractEntry, type ServiceError } from './common';

export interface EventSetSummary {
  id: string;
  programId: string;
  name: string;
  source: 'json' | 'csv';
  eventCount: number;
  hasExpectations: boolean;
  createdAt: string;
  /** A person's note on the set (what it is for); null when none. */
  note?: string | null;
}

/**
 * An event-set import run as a job (`eventSets.importStart`): it can be followed and cancelled,
 * and nothing is stored unless it ends `done`.
 */
export interface ImportJob {
  id: string;
  fileName: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  /** While running: `parsing` the file, then `storing` its chunks (`stored` of `total`). */
  phase: 'parsing' | 'storing';
  stored: number;
  total: number;
  /** When done: the stored set. */
  eventSet?: EventSetSummary;
  /** When failed: why (an invalid file's issues included). */
  error?: ServiceError;
}

/** What a run did with one event (event browser). */
export interface EventOutcome {
  /** `rejected` (the engine refused it), `fired` (a reward, group move or tag came of it), `nothing`. */
  kind: 'rejected' | 'fired' | 'nothing';
  /** A rejected event: the engine's reason. */
  reason?: string;
  /** Rewards (drip payments counted one by one) earned by the event. */
  rewards: number;
}

/** One event of a set, as the event browser lists it. */
export interface EventRow {
  /** Position in the file, from 1. */
  position: number;
  /** The event's id as the engine names it (its own, or `#<position>`). */
  id: string;
  type: string;
  at: string;
  /** The partner it concerns (its customer's partner for a transaction or action); null when none. */
  partnerKey: string | null;
  customerKey: string | null;
  /** One line: amount and product, stage, group, clicks. */
  detail: string;
  /** With a `runId`: what that run did with it. */
  outcome?: EventOutcome;
}

/** A page of an event set's events, time order (ties in file order). */
export interface EventPage {
  rows: EventRow[];
  /** Events matching the filter. */
  total: number;
  /** Events in the set. */
  eventCount: number;
  /**
   * While the service is still preparing (first browse of a large set or run): what it is reading
   * (`events`: the set's browsing index; `rewards`: the run's ledger, for each event's outcome;
   * `outcomes`: the events, sorted by what the run did), how far it is, and `rows` is empty; ask
   * again. Null once ready.
   */
  indexing: { done: number; total: number; reading: 'events' | 'rewards' | 'outcomes' } | null;
}

/**
 * The event browser's query: a page of one event set's events, filtered. Instants are ISO-8601
 * (`from` inclusive, `to` exclusive); `outcome` needs the `runId` of a finished run of the set.
 */
export const EventQuery = z
  .strictObject({
    eventSetId: Id,
    runId: Id.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
    type: z.enum(FILE_EVENTS).optional(),
    partnerKey: Key.optional(),
    customerKey: Key.optional(),
    from: Short.optional(),
    to: Short.optional(),
    text: z.string().max(200, longer(200)).optional(),
    outcome: z.enum(['rejected', 'fired', 'nothing']).optional(),
  })
  .refine((q) => q.outcome === undefined || q.runId !== undefined, { error: 'needs a runId: an outcome is what a run did with the event', path: ['outcome'] });

const ImportFile = z.strictObject({ programId: Id, fileName: FileName, text: ImportText });
const ImportRef = z.strictObject({ importId: Id });
const SetRef = z.strictObject({ eventSetId: Id });
const Summary = outline<EventSetSummary>('id', 'programId', 'name', 'source', 'eventCount', 'hasExpectations', 'createdAt');
const Job = outline<ImportJob>('id', 'fileName', 'status', 'phase', 'stored', 'total');

export const eventSetChannels = {
  /** The program's event sets, newest first; refused when the program does not exist. */
  'eventSets.list': { args: ProgramRef, result: z.array(Summary) },
  /**
   * Imports an event set file's `text` into the program, JSON, JSON Lines or CSV by
   * `fileName`'s extension, and answers the stored set. An invalid file is refused with every
   * problem by path or line/column, and nothing is stored; so is a call whose caller goes away.
   */
  'eventSets.import': { args: ImportFile, result: Summary },
  /** Deletes an event set and its events (its runs stay, kept without it); refused when there is none. */
  'eventSets.delete': { args: SetRef, result: Deleted },
  /**
   * Starts the same import as `eventSets.import`, as a job: answers at once with its id, to
   * follow with `eventSets.importProgress` and stop with `eventSets.importCancel`.
   */
  'eventSets.importStart': { args: ImportFile, result: z.object({ importId: z.string() }) },
  /** An import job's state: phase, progress, and at the end the stored set or why it failed. */
  'eventSets.importProgress': { args: ImportRef, result: Job },
  /**
   * Stops an import and answers its state; once it has ended this changes nothing. Nothing of a
   * cancelled import is stored. Refused for an unknown job (ended jobs are kept a while only).
   */
  'eventSets.importCancel': { args: ImportRef, result: Job },
  /** Renames a set and/or sets its note; an empty note clears it. Answers the set. */
  'eventSets.annotate': {
    args: z.strictObject({ eventSetId: Id, name: DisplayName.optional(), note: Note.optional() }),
    result: Summary,
  },
  /**
   * The event browser: a filtered page of a set's events in time order, with what a run did
   * with each one when `runId` (a finished run of this set) is given. On a first browse of a
   * large set it answers `indexing` with empty rows while the index is built; ask again.
   * Refused for a run of another set, an unfinished run, or `to` before `from`.
   */
  'eventSets.events': { args: EventQuery, result: outline<EventPage>('rows', 'total', 'eventCount', 'indexing') },
  /** The event set's `expect` block as stored, or null when it has none. */
  'eventSets.expectations': { args: SetRef, result: z.object({ expect: outline<Expectations>().nullable() }) },
  /**
   * Replaces the event set's `expect` block (null removes it). Checked with the events format's
   * schema; a problem is named by its path under `expect` (`expect.rewards[0].amount`). Answers
   * the set.
   */
  'eventSets.setExpectations': { args: z.strictObject({ eventSetId: Id, expect: Json.nullable() }), result: Summary },
  /**
   * "Save this run as the expected result": writes the run's own outcome as its event set's
   * `expect` block: its rewards (exact: no other reward may appear), the partners' final group,
   * tier and tags, and/or the rejected event ids. Refused for a run that did not finish, whose
   * event set is gone, or whose ledger is too long to keep as expectations.
   */
  'replay.saveAsExpected': {
    args: z
      .strictObject({ runId: Id, rewards: z.boolean().default(true), partners: z.boolean().default(true), rejected: z.boolean().default(true) })
      .refine((a) => a.rewards || a.partners || a.rejected, { error: 'choose rewards, partners or rejected events', path: ['rewards'] }),
    result: z.object({ eventSet: Summary, expect: outline<Expectations>() }),
  },
} satisfies Record<string, ContractEntry>;

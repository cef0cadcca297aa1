/**
 * The one service contract: every call the UI can make, declared once as channel → argument
 * schema (zod) → result type. The Electron main process (IPC), the preload bridge, the local
 * HTTP host and the renderer's client are all typed from this table, so a channel missing in
 * any of them is a compile error. Expected failures are values (`{ ok: false, error }`) whose
 * message names the field or line; exceptions are bugs.
 */
import { z } from 'zod';
import type { EventTrace, ExpectationResult, GroupChangeRow, PartnerStateRow, RejectedRow, RewardRow, RewardStatus, TagAppliedRow } from '../engine/formats/report';
import type { Program, Trigger, Partner, DripSettings, Offer } from '../engine/formats/program-schema';
import type { InputIssue } from '../engine/formats/issues';
import type { Expectations } from '../engine/formats/events-schema';
import type { ProgramIssue } from '../engine/validate';
import type { VisibilityReport } from '../engine/visibility';
import type { DripOccurrence } from '../engine/drip';
import type { Comparison } from '../engine/compare';
import type { CompareTraces, ImportCommitted, ImportDraft, ImportPreview } from './contract-imports';
export type { CompareTraceEvent, CompareTraces, ImportCommitted, ImportDraft, ImportDraftFile, ImportPreview, ImportSource } from './contract-imports';
import { FILE_EVENTS, TRIGGER_EVENTS } from '../engine/catalogue';
import { MAX_FILE_NAME_CHARS, MAX_ID_CHARS, MAX_IMPORT_CHARS, MAX_REVIEW_IDS, MAX_SHORT_CHARS, TOO_LARGE_MESSAGE } from './limits';

// ---------- results ----------

export interface ServiceError {
  /** One sentence a person can act on; names the field, path or line. */
  message: string;
  /** The argument field at fault, when there is one (`trigger.rules.all[0].op`). */
  field?: string;
  /** Every problem found in an imported file, by path or line/column. */
  issues?: readonly InputIssue[];
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceError };

// ---------- entities ----------

export interface ProgramSummary {
  id: string;
  name: string;
  triggerCount: number;
  partnerCount: number;
  updatedAt: string;
}

/** A stored program: the engine's program plus store metadata. */
export interface ProgramDoc {
  id: string;
  updatedAt: string;
  /** The program exactly as the engine reads it (triggers carry their current version). */
  program: Program;
  /** Problems the engine's validator finds, for the editor and the problems list. */
  issues: ProgramIssue[];
}

export interface TriggerVersion {
  version: number;
  savedAt: string;
  trigger: Trigger;
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

// ---------- argument schemas ----------

/*
 * Length caps on every free-text argument (issue 12): a 20 MB file name or id would otherwise be
 * stored, or echoed in an error, and come back in every list response. Each refusal names the
 * field and the limit.
 */
const longer = (n: number): string => `is longer than ${n} characters`;
const Id = z.string().min(1, 'is required').max(MAX_ID_CHARS, longer(MAX_ID_CHARS));
/** A file's name as the person's system gave it (names the file in messages; names a set when it has none). */
const FileName = z.string().min(1, 'is required').max(MAX_FILE_NAME_CHARS, longer(MAX_FILE_NAME_CHARS));
/** Short values: instants, time zones, amounts, currencies. */
const Short = z.string().max(MAX_SHORT_CHARS, longer(MAX_SHORT_CHARS));
const Key = z.string().max(MAX_ID_CHARS, longer(MAX_ID_CHARS));
const DisplayName = z.string().trim().min(1, 'is required').max(200, longer(200));
const ProgramRef = z.strictObject({ programId: Id });
const TriggerRef = z.strictObject({ programId: Id, triggerId: Id });
const RunRef = z.strictObject({ runId: Id });
const Json = z.unknown();
/** An imported file's text, refused past the size limit before anything parses it. */
const ImportText = z.string().max(MAX_IMPORT_CHARS, TOO_LARGE_MESSAGE);
/** Program B of a comparison: another program, or program A as of an earlier moment. */
const CompareAgainst = z.union([z.strictObject({ programId: Id }), z.strictObject({ asOf: Short })], { error: 'must be { programId } or { asOf }' });
const LedgerSort = z.enum(['id', 'partnerKey', 'triggerId', 'amountUsd', 'dueAt', 'status']);

export const LedgerQuery = z.strictObject({
  runId: Id,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(200),
  partnerKey: Key.optional(),
  triggerId: Key.optional(),
  status: z.enum(['scheduled', 'pending', 'approved', 'declined', 'hold', 'paid']).optional(),
  /** `YYYY-MM`: rewards due in that month (program zone). */
  month: z.string().regex(/^\d{4}-\d{2}$/, 'must be YYYY-MM').optional(),
  sort: LedgerSort.default('id'),
  desc: z.boolean().default(false),
});

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

/**
 * The contract table. `args` parses the call's argument; `result` is a type-only marker.
 * Program-shaped values (triggers, partners, settings) are parsed by the engine's schemas in
 * the handlers, so their errors name JSON paths.
 */
export const contract = {
  'programs.list': { args: z.strictObject({}), result: {} as ProgramSummary[] },
  'programs.get': { args: ProgramRef, result: {} as ProgramDoc },
  'programs.create': { args: z.strictObject({ name: DisplayName }), result: {} as ProgramDoc },
  /** Imports a program file's text; `fileName` names it in error messages. */
  'programs.import': { args: z.strictObject({ text: ImportText, fileName: FileName.default('program.json') }), result: {} as ProgramDoc },
  'programs.export': { args: ProgramRef, result: {} as { fileName: string; text: string } },
  'programs.duplicate': { args: z.strictObject({ programId: Id, name: DisplayName.optional() }), result: {} as ProgramDoc },
  'programs.rename': { args: z.strictObject({ programId: Id, name: DisplayName }), result: {} as ProgramDoc },
  'programs.delete': { args: ProgramRef, result: {} as { deleted: true } },
  /** Replaces program data (time zone, FX, groups, tiers, tags); fields left out are kept. */
  'programs.updateSettings': {
    args: z.strictObject({ programId: Id, timeZone: Short.optional(), fxRates: Json.optional(), groups: Json.optional(), tiers: Json.optional(), tags: Json.optional() }),
    result: {} as ProgramDoc,
  },
  'programs.validate': { args: ProgramRef, result: {} as ProgramIssue[] },
  /**
   * What program B costs against A on one event set (the engine's `offerflow compare`): B is
   * another stored program, or A's own state at an earlier moment (each trigger at its latest
   * version saved by then; groups, tags and partners as today).
   */
  'programs.compare': {
    args: z.strictObject({
      programId: Id,
      eventSetId: Id,
      against: CompareAgainst,
    }),
    result: {} as Comparison,
  },

  'partners.upsert': { args: z.strictObject({ programId: Id, partner: Json, previousKey: Key.optional() }), result: {} as Partner },
  'partners.delete': { args: z.strictObject({ programId: Id, key: Id }), result: {} as { deleted: true } },
  'partners.importCsv': { args: z.strictObject({ programId: Id, text: ImportText, fileName: FileName.default('partners.csv') }), result: {} as { imported: number } },

  /** Creates a draft; the id is generated when absent. */
  'triggers.create': { args: z.strictObject({ programId: Id, trigger: Json }), result: {} as Trigger },
  /** Saves a new version. Refused when a locked field (event, rules, action type) of a non-draft changes. */
  'triggers.update': { args: z.strictObject({ programId: Id, triggerId: Id, trigger: Json }), result: {} as Trigger },
  /**
   * Activates a complete trigger. `activatedAt` is when it starts to fire (no retroactive
   * rewards): absent = now, as on the live platform; null = since always, so a replay of a
   * historical event set sees it; an ISO instant = from then on.
   */
  'triggers.activate': {
    args: z.strictObject({ programId: Id, triggerId: Id, activatedAt: Short.nullable().optional() }),
    result: {} as Trigger,
  },
  'triggers.deactivate': { args: TriggerRef, result: {} as Trigger },
  'triggers.duplicate': { args: TriggerRef, result: {} as Trigger },
  'triggers.delete': { args: TriggerRef, result: {} as { deleted: true } },
  'triggers.versions': { args: TriggerRef, result: {} as TriggerVersion[] },
  'triggers.reorder': { args: z.strictObject({ programId: Id, event: z.enum(TRIGGER_EVENTS), order: z.array(Id) }), result: {} as ProgramDoc },

  'visibility.get': { args: z.strictObject({ programId: Id, partnerKey: Key.optional() }), result: {} as VisibilityReport },
  'drip.preview': {
    args: z.strictObject({
      programId: Id,
      drip: Json,
      offer: Json,
      exampleAt: Short,
      exampleAmount: Short.optional(),
      exampleCurrency: Short.optional(),
      asOf: Short.optional(),
    }),
    result: {} as { occurrences: DripOccurrence[]; summary: string },
  },

  'eventSets.list': { args: ProgramRef, result: {} as EventSetSummary[] },
  /** Imports JSON or CSV (by `fileName`'s extension); nothing is stored when the file is invalid. */
  'eventSets.import': { args: z.strictObject({ programId: Id, fileName: FileName, text: ImportText }), result: {} as EventSetSummary },
  'eventSets.delete': { args: z.strictObject({ eventSetId: Id }), result: {} as { deleted: true } },
  /** Starts an import as a job (same arguments as `eventSets.import`); follow it with `eventSets.importProgress`. */
  'eventSets.importStart': { args: z.strictObject({ programId: Id, fileName: FileName, text: ImportText }), result: {} as { importId: string } },
  'eventSets.importProgress': { args: z.strictObject({ importId: Id }), result: {} as ImportJob },
  /** Stops an import; once it has ended this changes nothing. Nothing of a cancelled import is stored. */
  'eventSets.importCancel': { args: z.strictObject({ importId: Id }), result: {} as ImportJob },
  /** Renames a set and/or sets its note; an empty note clears it. */
  'eventSets.annotate': {
    args: z.strictObject({ eventSetId: Id, name: DisplayName.optional(), note: z.string().max(2000, longer(2000)).optional() }),
    result: {} as EventSetSummary,
  },

  /** The event browser: a filtered page of a set's events, with a run's outcome per event when `runId` is given. */
  'eventSets.events': { args: EventQuery, result: {} as EventPage },
  /** The event set's `expect` block as stored, or null when it has none. */
  'eventSets.expectations': { args: z.strictObject({ eventSetId: Id }), result: {} as { expect: Expectations | null } },
  /**
   * Replaces the event set's `expect` block (null removes it). Checked with the events format's
   * schema; a problem is named by its path under `expect` (`expect.rewards[0].amount`).
   */
  'eventSets.setExpectations': { args: z.strictObject({ eventSetId: Id, expect: Json.nullable() }), result: {} as EventSetSummary },
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
    result: {} as { eventSet: EventSetSummary; expect: Expectations },
  },

  'replay.start': { args: z.strictObject({ programId: Id, eventSetId: Id, asOf: Short.optional() }), result: {} as { runId: string } },
  'replay.progress': { args: RunRef, result: {} as RunSummary },
  'replay.cancel': { args: RunRef, result: {} as RunSummary },
  'replay.result': { args: RunRef, result: {} as RunResult },
  'replay.runs': { args: ProgramRef, result: {} as RunSummary[] },
  'replay.ledger': { args: LedgerQuery, result: {} as LedgerPage },
  'replay.ledgerCsv': { args: LedgerQuery.omit({ offset: true, limit: true }), result: {} as { fileName: string; text: string } },
  /** The trace of one event of a finished run (recomputed deterministically on demand). */
  'replay.trace': { args: z.strictObject({ runId: Id, eventId: Id }), result: {} as EventTrace[] },
  'replay.compare': { args: z.strictObject({ beforeRunId: Id, afterRunId: Id }), result: {} as RunComparison },
  'replay.delete': { args: RunRef, result: {} as { deleted: true } },
  /** Names a run and/or sets its note; an empty string clears either. */
  'replay.annotate': {
    args: z.strictObject({ runId: Id, name: z.string().trim().max(200, longer(200)).optional(), note: z.string().max(2000, longer(2000)).optional() }),
    result: {} as RunSummary,
  },
  /** The program snapshot (trigger versions) a run replayed, against the program now. */
  'replay.snapshot': { args: RunRef, result: {} as RunSnapshot },

  'rewards.review': {
    args: z.strictObject({
      runId: Id,
      rewardIds: z.array(Id).min(1, 'pick at least one reward').max(MAX_REVIEW_IDS, `has more than ${MAX_REVIEW_IDS} rewards: review at most ${MAX_REVIEW_IDS} at once (filter the ledger first)`),
      decision: z.enum(['approved', 'declined', 'hold', 'pending']),
      reason: z.string().max(500, longer(500)).optional(),
    }),
    result: {} as { updated: number },
  },
  'payouts.month': { args: z.strictObject({ runId: Id, month: z.string().regex(/^\d{4}-\d{2}$/, 'must be YYYY-MM').optional() }), result: {} as InvoicePreview },
  /** The month's invoice preview as CSV (one line per partner, formula-safe). */
  'payouts.invoiceCsv': { args: z.strictObject({ runId: Id, month: z.string().regex(/^\d{4}-\d{2}$/, 'must be YYYY-MM') }), result: {} as { fileName: string; text: string } },
  /** Twelve due months from `from` (default: the run's first month with rewards). */
  'payouts.year': { args: z.strictObject({ runId: Id, from: z.string().regex(/^\d{4}-\d{2}$/, 'must be YYYY-MM').optional() }), result: {} as PayoutMonth[] },
  'payouts.statement': { args: z.strictObject({ runId: Id, partnerKey: Id }), result: {} as PartnerStatement },
  /** A finished run's rewards per trigger, partner and due month. */
  'replay.summary': { args: RunRef, result: {} as RunTotals },
  /** One partner's events, rewards, drip payments, group moves and tags in time order, with running totals. */
  'replay.partnerTimeline': { args: z.strictObject({ runId: Id, partnerKey: Id, limit: z.number().int().min(1).max(20_000).default(5000) }), result: {} as PartnerTimeline },

  // ---------- PartnerStack / Stripe import in the app, and the traces of a comparison (issue 18) ----------
  /**
   * Adds one file to an import draft (a new draft when `draftId` is absent; a file of the same
   * name and role replaces the earlier one). Nothing is read as an export or stored yet.
   */
  'imports.addFile': {
    args: z.strictObject({ draftId: Id.optional(), role: z.enum(['source', 'partners']).default('source'), fileName: FileName, text: ImportText }),
    result: {} as ImportDraft,
  },
  /**
   * Maps the draft's files as `offerflow import partnerstack|stripe` does and answers its report;
   * stores nothing. Malformed input is refused naming the file and the JSON path or line.
   */
  'imports.preview': {
    args: z.strictObject({
      draftId: Id,
      source: z.enum(['partnerstack', 'stripe']),
      transactions: z.enum(['charges', 'invoices']).default('charges'),
      includeTest: z.boolean().default(false),
    }),
    result: {} as ImportPreview,
  },
  /** Stores the last preview's event set in the program (and the PartnerStack skeleton as a new program when asked); ends the draft. */
  'imports.commit': { args: z.strictObject({ draftId: Id, programId: Id, createProgram: z.boolean().default(false) }), result: {} as ImportCommitted },
  /** Forgets a draft (the dialog was closed); nothing had been stored. */
  'imports.discard': { args: z.strictObject({ draftId: Id }), result: {} as { discarded: boolean } },
  /** The events where one trigger row of `programs.compare` pays differently, with the trigger's trace on both sides. */
  'programs.compareTraces': {
    args: z.strictObject({ programId: Id, eventSetId: Id, against: CompareAgainst, aTriggerId: Id.optional(), bTriggerId: Id.optional() }),
    result: {} as CompareTraces,
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
export type ResultOf<C extends Channel> = Contract[C]['result'];

/** Every channel, for the preload and the host to expose exactly these. */
export const CHANNELS = Object.keys(contract) as Channel[];

/**
 * The channels whose arguments carry a whole file's text (`text: ImportText`): only these may
 * send bodies past the ordinary call limit, and their JSON is depth-checked before it is parsed.
 * Read off the schemas, so a new import channel cannot be forgotten in either place.
 */
export const FILE_CHANNELS: ReadonlySet<Channel> = new Set(
  CHANNELS.filter((c) => {
    const shape = (contract[c].args as { shape?: Record<string, unknown> }).shape;
    return shape?.text === ImportText;
  }),
);

/** What a transport tells a handler about the call besides its arguments. */
export interface CallContext {
  /** Aborted when the caller is gone (the HTTP client disconnected before the answer). */
  signal?: AbortSignal;
}

/** The server side: one handler per channel, receiving parsed arguments. */
export type Handlers = { [C in Channel]: (args: ParsedArgsOf<C>, call?: CallContext) => Promise<ResultOf<C>> | ResultOf<C> };

/** The client side: what the renderer calls, whatever the transport. */
export interface ServiceClient {
  send<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>>;
}

export function isChannel(x: unknown): x is Channel {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(contract, x);
}

// Unused-import guards keep these types part of the contract surface.
export type { RewardRow, Trigger, Partner, DripSettings, Offer, RewardStatus };

/**
 * Result types of the app's PartnerStack / Stripe import (a draft of files, a preview that
 * stores nothing, then a commit) and of the traces behind a program comparison (issue 18).
 * The channels themselves are declared in the contract table.
 */
import type { ImportReport } from '../engine/imports/report';
import type { TriggerTrace } from '../engine/formats/report';
import type { EventSetSummary, ProgramSummary } from './contract';

/** Which importer reads a draft: IMPORTS.md's two sources. */
export type ImportSource = 'partnerstack' | 'stripe';

/**
 * A file of an import draft. `source`: the export being imported; `partners`: a PartnerStack
 * export whose customers give Stripe customers their partner (`--partners-from`).
 */
export interface ImportDraftFile {
  name: string;
  role: 'source' | 'partners';
  chars: number;
}

/** The draft's files so far (`imports.addFile`). */
export interface ImportDraft {
  draftId: string;
  files: ImportDraftFile[];
}

/** What an import would store, computed from the draft's files; nothing is stored yet. */
export interface ImportPreview {
  draftId: string;
  source: ImportSource;
  files: ImportDraftFile[];
  /** The report `offerflow import … --report` writes, for the same files and options. */
  report: ImportReport;
  /** The one-line summary the command prints on stderr. */
  summary: string;
  /** The event set's name and size as it would be stored. */
  setName: string;
  eventCount: number;
  /** PartnerStack only: the program skeleton the export gives (counts; created on commit when asked). */
  skeleton: { name: string; groups: number; tiers: number; tags: number; partners: number } | null;
}

/** What a commit stored. */
export interface ImportCommitted {
  eventSet: EventSetSummary;
  /** The program created from the PartnerStack skeleton, when asked for. */
  program: ProgramSummary | null;
}

/** One event where a trigger paid differently in a comparison, with that trigger's trace on each side. */
export interface CompareTraceEvent {
  eventId: string;
  type: string;
  moment: string;
  partnerKey: string | null;
  aUsd: string;
  bUsd: string;
  /** The trigger's trace on that side (null: the side has no such trigger). */
  a: TriggerTrace | null;
  b: TriggerTrace | null;
}

/** The events where one trigger row of a comparison differs (the first ones, in event order). */
export interface CompareTraces {
  events: CompareTraceEvent[];
  /** Events where the trigger's payment differs, all of them (`events` holds the first). */
  total: number;
}

/**
 * Contract area: programs (list, documents, files, settings, validation, what-if comparison)
 * and their partners. Merged into the one contract table by `service/contract.ts`.
 */
import { z } from 'zod';
import type { Partner, Program } from '../../engine/formats/program-schema';
import type { ProgramIssue } from '../../engine/validate';
import type { Comparison } from '../../engine/compare';
import type { CompareTraces } from '../contract-imports';
import { Deleted, DisplayName, FileName, FileText, Id, ImportText, Json, Key, ProgramRef, Short, outline, type ContractEntry } from './common';

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

const Doc = outline<ProgramDoc>('id', 'updatedAt', 'program', 'issues');
/** Program B of a comparison: another program, or program A as of an earlier moment. */
const CompareAgainst = z.union([z.strictObject({ programId: Id }), z.strictObject({ asOf: Short })], { error: 'must be { programId } or { asOf }' });

export const programChannels = {
  /** Every stored program, with its trigger and partner counts. Takes no arguments. */
  'programs.list': { args: z.strictObject({}), result: z.array(outline<ProgramSummary>('id', 'name', 'triggerCount', 'partnerCount', 'updatedAt')) },
  /** One program's document (`programId`) with the validator's issues; refused when it does not exist. */
  'programs.get': { args: ProgramRef, result: Doc },
  /** Creates an empty program called `name` (trimmed, 1–200 characters) and answers its document. */
  'programs.create': { args: z.strictObject({ name: DisplayName }), result: Doc },
  /**
   * Stores a program file's `text` as a new program; `fileName` names it in error messages.
   * Refused, with every problem by JSON path, when the file is not a valid program; nothing is
   * stored then.
   */
  'programs.import': { args: z.strictObject({ text: ImportText, fileName: FileName.default('program.json') }), result: Doc },
  /** The program as a program file: `<name>.program.json` and its text, for the person to save. */
  'programs.export': { args: ProgramRef, result: FileText },
  /** Copies a program under a new id, named `name` or "<name> (copy)"; answers the copy's document. */
  'programs.duplicate': { args: z.strictObject({ programId: Id, name: DisplayName.optional() }), result: Doc },
  /** Renames a program; answers its document. */
  'programs.rename': { args: z.strictObject({ programId: Id, name: DisplayName }), result: Doc },
  /** Cancels the program's runs, then deletes it with its triggers, event sets and runs. */
  'programs.delete': { args: ProgramRef, result: Deleted },
  /**
   * Replaces program data (time zone, FX rates, groups, tiers, tags); fields left out are kept.
   * Each is parsed with the program schema's own field (errors name `settings.<field>`), and a
   * change that would make the program invalid is refused with the issues it would add.
   */
  'programs.updateSettings': {
    args: z.strictObject({ programId: Id, timeZone: Short.optional(), fxRates: Json.optional(), groups: Json.optional(), tiers: Json.optional(), tags: Json.optional() }),
    result: Doc,
  },
  /** The validator's issues for the stored program (errors and warnings, by JSON path). */
  'programs.validate': { args: ProgramRef, result: z.array(outline<ProgramIssue>('severity', 'code', 'path', 'message')) },
  /**
   * What program B costs against A on one event set (the engine's `offerflow compare`): B is
   * another stored program, or A's own state at an earlier moment (each trigger at its latest
   * version saved by then; groups, tags and partners as today). Refused for a set too large to
   * compare in the app, or a program that cannot be replayed.
   */
  'programs.compare': {
    args: z.strictObject({
      programId: Id,
      eventSetId: Id,
      against: CompareAgainst,
    }),
    result: outline<Comparison>('format', 'a', 'b', 'delta', 'triggers', 'partners'),
  },
  /**
   * The events where one trigger row of `programs.compare` pays differently (the first ones, in
   * event order, and how many in all), with the trigger's trace on both sides; `aTriggerId` /
   * `bTriggerId` name the row's trigger in A and in B.
   */
  'programs.compareTraces': {
    args: z.strictObject({ programId: Id, eventSetId: Id, against: CompareAgainst, aTriggerId: Id.optional(), bTriggerId: Id.optional() }),
    result: outline<CompareTraces>('events', 'total'),
  },

  /**
   * Adds or replaces a partner (`partner` parsed with the program schema, errors under
   * `partner.`); with `previousKey`, renames that partner. Refused when the key is taken or the
   * program would become invalid. Answers the partner as stored.
   */
  'partners.upsert': { args: z.strictObject({ programId: Id, partner: Json, previousKey: Key.optional() }), result: outline<Partner>('key') },
  /** Deletes the partner with `key`; refused when there is none. */
  'partners.delete': { args: z.strictObject({ programId: Id, key: Id }), result: Deleted },
  /**
   * Adds or updates the partners of a CSV file's `text`, all or none: a problem is named by line
   * and column of `fileName`. Answers how many rows were imported.
   */
  'partners.importCsv': {
    args: z.strictObject({ programId: Id, text: ImportText, fileName: FileName.default('partners.csv') }),
    result: z.object({ imported: z.number().int().min(0) }),
  },
} satisfies Record<string, ContractEntry>;

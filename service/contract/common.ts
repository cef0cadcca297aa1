/**
 * What every area of the contract shares: the `Result` a call answers, the length-capped
 * argument schemas (issue 12) and the result schemas' building blocks. The areas
 * (`service/contract/<area>.ts`) declare their channels with these; `service/contract.ts`
 * merges them into the one contract table.
 */
import { z } from 'zod';
import type { InputIssue } from '../../engine/formats/issues';
import { MAX_FILE_NAME_CHARS, MAX_ID_CHARS, MAX_IMPORT_CHARS, MAX_SHORT_CHARS, TOO_LARGE_MESSAGE } from '../limits';

export interface ServiceError {
  /** One sentence a person can act on; names the field, path or line. */
  message: string;
  /** The argument field at fault, when there is one (`trigger.rules.all[0].op`). */
  field?: string;
  /** Every problem found in an imported file, by path or line/column. */
  issues?: readonly InputIssue[];
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceError };

/** One channel of the contract: its argument schema and the schema its answer meets. */
export interface ContractEntry {
  args: z.ZodType;
  result: z.ZodType;
}

// ---------- argument schemas ----------

/*
 * Length caps on every free-text argument (issue 12): a 20 MB file name or id would otherwise be
 * stored, or echoed in an error, and come back in every list response. Each refusal names the
 * field and the limit.
 */
export const longer = (n: number): string => `is longer than ${n} characters`;
export const Id = z.string().min(1, 'is required').max(MAX_ID_CHARS, longer(MAX_ID_CHARS));
/** A file's name as the person's system gave it (names the file in messages; names a set when it has none). */
export const FileName = z.string().min(1, 'is required').max(MAX_FILE_NAME_CHARS, longer(MAX_FILE_NAME_CHARS));
/** Short values: instants, time zones, amounts, currencies. */
export const Short = z.string().max(MAX_SHORT_CHARS, longer(MAX_SHORT_CHARS));
export const Key = z.string().max(MAX_ID_CHARS, longer(MAX_ID_CHARS));
export const DisplayName = z.string().trim().min(1, 'is required').max(200, longer(200));
/** A person's note on a set or run (an empty one clears it). */
export const Note = z.string().max(2000, longer(2000));
/** A due month, `YYYY-MM`. */
export const Month = z.string().regex(/^\d{4}-\d{2}$/, 'must be YYYY-MM');
export const ProgramRef = z.strictObject({ programId: Id });
export const TriggerRef = z.strictObject({ programId: Id, triggerId: Id });
export const RunRef = z.strictObject({ runId: Id });
/** Program-shaped values: the handler parses them with the engine's schema, so errors name JSON paths. */
export const Json = z.unknown();
/** An imported file's text, refused past the size limit before anything parses it. */
export const ImportText = z.string().max(MAX_IMPORT_CHARS, TOO_LARGE_MESSAGE);

// ---------- result schemas ----------

/*
 * Results are schemas too, so the client can check what came back (development builds and
 * tests, `checkResult`). Small answers are spelled out in full; the large engine-shaped values
 * (documents, reports, traces) are declared by their TypeScript type and checked for their
 * outline: an object holding the named keys, which catches a handler answering the wrong thing.
 */

/** A result of type `T`, checked at runtime to be an object holding `keys` (each a key of `T`). */
export function outline<T extends object>(...keys: readonly (keyof T & string)[]): z.ZodType<T> {
  return z.custom<T>((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && keys.every((k) => k in v), {
    error: `is not an object with ${keys.join(', ')}`,
  });
}

/** `{ deleted: true }`: the thing is gone. */
export const Deleted = z.object({ deleted: z.literal(true) });
/** A file made by the service for the person to save: its suggested name and its text. */
export const FileText = z.object({ fileName: z.string(), text: z.string() });

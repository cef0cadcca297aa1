/**
 * Contract area: the app's PartnerStack / Stripe import (issue 18): a draft of files, a preview
 * that stores nothing, then a commit. The result types live in `service/contract-imports.ts`.
 * Merged into the one contract table by `service/contract.ts`.
 */
import { z } from 'zod';
import type { ImportCommitted, ImportDraft, ImportPreview } from '../contract-imports';
import { FileName, Id, ImportText, outline, type ContractEntry } from './common';

export const importChannels = {
  /**
   * Adds one file to an import draft (a new draft when `draftId` is absent; a file of the same
   * name and role replaces the earlier one). Nothing is read as an export or stored yet.
   * Answers the draft's files so far.
   */
  'imports.addFile': {
    args: z.strictObject({ draftId: Id.optional(), role: z.enum(['source', 'partners']).default('source'), fileName: FileName, text: ImportText }),
    result: outline<ImportDraft>('draftId', 'files'),
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
    result: outline<ImportPreview>('draftId', 'source', 'files', 'report', 'summary', 'setName', 'eventCount', 'skeleton'),
  },
  /**
   * Stores the last preview's event set in the program (and the PartnerStack skeleton as a new
   * program when `createProgram`); ends the draft. Answers what was stored.
   */
  'imports.commit': { args: z.strictObject({ draftId: Id, programId: Id, createProgram: z.boolean().default(false) }), result: outline<ImportCommitted>('eventSet', 'program') },
  /** Forgets a draft (the dialog was closed); nothing had been stored. Answers whether there was one. */
  'imports.discard': { args: z.strictObject({ draftId: Id }), result: z.object({ discarded: z.boolean() }) },
} satisfies Record<string, ContractEntry>;

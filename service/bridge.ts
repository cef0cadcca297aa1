/**
 * What the Electron preload exposes on `window.offerflow` (types, and the argument schemas the
 * main process checks): the contract's calls, the file commands and the native menu's commands.
 * The renderer's client wraps it; in a browser the same client falls back to HTTP and browser
 * file pickers.
 *
 * File commands do the whole job in the main process: an import shows the open dialog, reads
 * the file there and makes the contract call; an export makes the contract call and writes the
 * file there. The file's text never crosses IPC (it used to, twice), and every outcome is a
 * `Result`: cancelled is `{ ok: true, value: null }` / `saved: false`, a failure is a sentence.
 */
import { z } from 'zod';
import type { ArgsOf, Result, ResultOf, ServiceClient } from './contract';

/** Commands the native menu sends to the page (the page knows the open program). */
export type MenuCommand =
  | { type: 'new-program' }
  | { type: 'open-program'; programId: string }
  | { type: 'open-program-file' }
  | { type: 'import-events' }
  | { type: 'export-program' };

const Id = z.string().min(1).max(200);

/** What a file import brings in: a program file, or an event set / partners CSV into a program. */
export const ImportRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('program') }),
  z.strictObject({ kind: z.literal('events'), programId: Id }),
  z.strictObject({ kind: z.literal('partners'), programId: Id }),
]);
export type ImportRequest = z.infer<typeof ImportRequest>;

/** The contract call's answer for each kind of import. */
export type ImportOutcome =
  | { kind: 'program'; fileName: string; value: ResultOf<'programs.import'> }
  | { kind: 'events'; fileName: string; value: ResultOf<'eventSets.import'> }
  | { kind: 'partners'; fileName: string; value: ResultOf<'partners.importCsv'> };

/** An export: the contract call that makes the file (its answer names the file and holds its text). */
export const ExportRequest = z.discriminatedUnion('channel', [
  z.strictObject({ channel: z.literal('programs.export'), args: z.strictObject({ programId: Id }) }),
  z.strictObject({ channel: z.literal('replay.ledgerCsv'), args: z.record(z.string(), z.unknown()) }),
  z.strictObject({ channel: z.literal('payouts.invoiceCsv'), args: z.record(z.string(), z.unknown()) }),
]);
export type ExportRequest =
  | { channel: 'programs.export'; args: ArgsOf<'programs.export'> }
  | { channel: 'replay.ledgerCsv'; args: ArgsOf<'replay.ledgerCsv'> }
  | { channel: 'payouts.invoiceCsv'; args: ArgsOf<'payouts.invoiceCsv'> };

/**
 * An import's contract call once the file is read: the one mapping from a kind of import to its
 * channel, used by the desktop's main process and by the browser's file picker alike.
 */
export async function importThrough(service: ServiceClient, request: ImportRequest, fileName: string, text: string): Promise<Result<ImportOutcome>> {
  if (request.kind === 'program') {
    const r = await service.send('programs.import', { text, fileName });
    return r.ok ? { ok: true, value: { kind: 'program', fileName, value: r.value } } : r;
  }
  if (request.kind === 'events') {
    const r = await service.send('eventSets.import', { programId: request.programId, text, fileName });
    return r.ok ? { ok: true, value: { kind: 'events', fileName, value: r.value } } : r;
  }
  const r = await service.send('partners.importCsv', { programId: request.programId, text, fileName });
  return r.ok ? { ok: true, value: { kind: 'partners', fileName, value: r.value } } : r;
}

/** An export's contract call (desktop and browser): the file's suggested name and its text. */
export function exportThrough(service: ServiceClient, request: ExportRequest): Promise<Result<ResultOf<'programs.export'>>> {
  switch (request.channel) {
    case 'programs.export':
      return service.send('programs.export', request.args);
    case 'replay.ledgerCsv':
      return service.send('replay.ledgerCsv', request.args);
    case 'payouts.invoiceCsv':
      return service.send('payouts.invoiceCsv', request.args);
  }
}

/** Where an export went: `saved: false` when the person cancelled the dialog. */
export interface ExportOutcome {
  saved: boolean;
  fileName: string;
}

/**
 * `window.offerflow`. Its `send` is the contract's typed client call (`ServiceClient`): a
 * contract channel, that channel's arguments, that channel's `Result`. The preload still refuses
 * a channel outside the contract at run time (the page's code is not trusted to be typed).
 */
export interface OfferflowBridge extends ServiceClient {
  /** Open dialog + read + import, in the main process; `null` when the person cancels. */
  importFile(request: ImportRequest): Promise<Result<ImportOutcome | null>>;
  /** Contract call + save dialog + write, in the main process. */
  exportFile(request: ExportRequest): Promise<Result<ExportOutcome>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

/** IPC channel names between preload and main (never exposed to the page). */
export const IPC = {
  call: 'offerflow:call',
  importFile: 'offerflow:import-file',
  exportFile: 'offerflow:export-file',
  menu: 'offerflow:menu',
} as const;

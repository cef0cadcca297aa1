/**
 * IPC handlers of the main process: one for contract calls (through the same dispatcher the HTTP
 * host uses), and the file commands. Every handler checks the sender and parses its arguments;
 * an untrusted sender gets a refusal value, never a call.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { ExportRequest, ImportRequest, IPC, type ExportOutcome, type ImportOutcome } from '../service/bridge';
import type { Result } from '../service/contract';
import type { Dispatch } from '../service/dispatch';

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dispatch: Dispatch;
  /** Whether the event comes from our window's main frame showing the app page. */
  trusted: (event: IpcMainInvokeEvent) => boolean;
  importFile: (request: ImportRequest) => Promise<Result<ImportOutcome | null>>;
  exportFile: (request: ExportRequest) => Promise<Result<ExportOutcome>>;
  /** Called after each successful contract call or import (e.g. to refresh File › Recent). */
  afterCall?: (channel: string) => void;
}

const CallArgs = z.tuple([z.string().max(100), z.unknown()]);

const UNTRUSTED: Result<never> = { ok: false, error: { message: 'refused: this call did not come from the Offerflow window' } };
const BAD_ARGS = (what: string): Result<never> => ({ ok: false, error: { message: `${what} needs one request object (see service/bridge.ts)` } });

export function registerIpc(deps: IpcDeps): void {
  deps.ipcMain.handle(IPC.call, async (event, ...raw: unknown[]) => {
    if (!deps.trusted(event)) return UNTRUSTED;
    const args = CallArgs.safeParse(raw);
    if (!args.success) return { ok: false, error: { message: 'a call needs a channel name and its arguments' } };
    const [channel, callArgs] = args.data;
    const result = await deps.dispatch(channel, callArgs);
    if (result.ok) deps.afterCall?.(channel);
    return result;
  });
  deps.ipcMain.handle(IPC.importFile, async (event, ...raw: unknown[]) => {
    if (!deps.trusted(event)) return UNTRUSTED;
    const args = z.tuple([ImportRequest]).safeParse(raw);
    if (!args.success) return BAD_ARGS('an import');
    const result = await deps.importFile(args.data[0]);
    if (result.ok && result.value?.kind === 'program') deps.afterCall?.('programs.import');
    return result;
  });
  deps.ipcMain.handle(IPC.exportFile, async (event, ...raw: unknown[]) => {
    if (!deps.trusted(event)) return UNTRUSTED;
    const args = z.tuple([ExportRequest]).safeParse(raw);
    return args.success ? deps.exportFile(args.data[0] as ExportRequest) : BAD_ARGS('an export');
  });
}

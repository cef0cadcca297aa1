/**
 * IPC handlers of the main process: one for contract calls (through the same dispatcher the HTTP
 * host uses), and the native file dialogs. Every handler checks the sender and parses its
 * arguments; an untrusted sender gets a refusal value, never a call.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { IPC, type FileKind, type OpenedFile } from '../service/bridge';
import type { Result } from '../service/contract';
import type { Dispatch } from '../service/dispatch';

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dispatch: Dispatch;
  /** Whether the event comes from our window showing the app page. */
  trusted: (event: IpcMainInvokeEvent) => boolean;
  openFile: (kind: FileKind) => Promise<OpenedFile | null>;
  saveFile: (fileName: string, text: string) => Promise<boolean>;
  /** Called after each successful contract call (e.g. to refresh File › Recent). */
  afterCall?: (channel: string) => void;
}

const CallArgs = z.tuple([z.string().max(100), z.unknown()]);
const OpenArgs = z.tuple([z.enum(['program', 'events', 'partners', 'csv'])]);
// 1 GiB is far above any real event set; the limit only stops a runaway page.
const SaveArgs = z.tuple([z.string().min(1).max(255), z.string().max(1024 * 1024 * 1024)]);

const UNTRUSTED: Result<never> = { ok: false, error: { message: 'refused: this call did not come from the Offerflow window' } };

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
  deps.ipcMain.handle(IPC.openFile, async (event, ...raw: unknown[]) => {
    if (!deps.trusted(event)) return null;
    const args = OpenArgs.safeParse(raw);
    return args.success ? deps.openFile(args.data[0]) : null;
  });
  deps.ipcMain.handle(IPC.saveFile, async (event, ...raw: unknown[]) => {
    if (!deps.trusted(event)) return false;
    const args = SaveArgs.safeParse(raw);
    return args.success ? deps.saveFile(args.data[0], args.data[1]) : false;
  });
}

/**
 * What the Electron preload exposes on `window.offerflow` (type only): the contract's calls, the
 * native file dialogs and the native menu's commands. The renderer's client wraps it; in a
 * browser the same client falls back to HTTP and browser file pickers.
 */
import type { Result } from './contract';

/** Commands the native menu sends to the page (the page knows the open program). */
export type MenuCommand =
  | { type: 'new-program' }
  | { type: 'open-program'; programId: string }
  | { type: 'import-events' }
  | { type: 'export-program' };

export type FileKind = 'program' | 'events' | 'partners' | 'csv';

export interface OpenedFile {
  fileName: string;
  text: string;
}

export interface OfferflowBridge {
  /** One contract call; non-contract channels are refused by the preload. */
  send(channel: string, args: unknown): Promise<Result<unknown>>;
  /** A native open dialog; null when the person cancels. */
  openFile(kind: FileKind): Promise<OpenedFile | null>;
  /** A native save dialog; false when the person cancels. */
  saveFile(fileName: string, text: string): Promise<boolean>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

/** IPC channel names between preload and main (never exposed to the page). */
export const IPC = {
  call: 'offerflow:call',
  openFile: 'offerflow:open-file',
  saveFile: 'offerflow:save-file',
  menu: 'offerflow:menu',
} as const;

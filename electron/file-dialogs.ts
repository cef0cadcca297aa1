/**
 * The file commands of the desktop app, done in the main process: native open/save dialogs,
 * reading and writing the file here, and the contract call through the same dispatcher as every
 * other call. Every outcome is a Result with a sentence naming the file; nothing throws to the
 * page, and the file's text never crosses IPC.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import { exportThrough, importThrough, type ExportOutcome, type ExportRequest, type ImportOutcome, type ImportRequest } from '../service/bridge';
import { contractClient, type Result } from '../service/contract';
import type { Dispatch } from '../service/dispatch';
import { MAX_IMPORT_CHARS, TOO_LARGE_MESSAGE } from '../service/limits';

export const FILTERS: Record<ImportRequest['kind'], FileFilter[]> = {
  program: [{ name: 'Offerflow program', extensions: ['json'] }],
  events: [{ name: 'Event set', extensions: ['json', 'jsonl', 'ndjson', 'csv'] }],
  partners: [{ name: 'Partners CSV', extensions: ['csv'] }],
};

/** Larger files are refused before reading (the host's request limit, for the same reason). */
export const MAX_OPEN_BYTES = MAX_IMPORT_CHARS;
/** Most file systems allow 255 bytes in one name. */
export const MAX_NAME_BYTES = 255;

const fail = (message: string, field = 'file'): Result<never> => ({ ok: false, error: { message, field } });

/**
 * A file name the save dialog can offer: no folders, no characters file systems refuse, at most
 * 255 UTF-8 bytes with the extension kept (a longer suggestion made the dialog do nothing).
 */
export function safeFileName(name: string, fallback = 'export.json'): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const cleaned = path.basename(name.replace(/[\\/]/g, '-')).replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
  const base = cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
  const ext = path.extname(base).slice(0, 16);
  let stem = base.slice(0, base.length - ext.length);
  const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
  if (bytes(base) <= MAX_NAME_BYTES) return base;
  // Cut whole characters (never half a surrogate pair or an accent off its letter) until it fits.
  const chars = Array.from(new Intl.Segmenter().segment(stem), (s) => s.segment);
  while (chars.length > 0 && bytes(chars.join('') + ext) > MAX_NAME_BYTES) chars.pop();
  stem = chars.join('');
  return `${stem}${ext}`;
}

/** A reason a file could not be read or written, in words. */
function why(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  const words: Record<string, string> = {
    ENOENT: 'it does not exist (any more)',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    ENOSPC: 'the disk is full',
    EROFS: 'the disk is read-only',
    EDQUOT: 'the disk quota is used up',
  };
  return (code && words[code]) ?? (e instanceof Error ? e.message : String(e));
}

/** Reads a picked file as UTF-8 text, refusing a too-large, unreadable or non-UTF-8 one. */
async function readText(file: string, max: number): Promise<Result<string>> {
  const name = path.basename(file);
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return fail(`${name} cannot be opened: it is not a regular file`);
    if (st.size > max) return fail(`${name} ${TOO_LARGE_MESSAGE}`);
    const bytes = await fs.readFile(file);
    // Counted again after reading: the file may have grown since stat.
    if (bytes.byteLength > max) return fail(`${name} ${TOO_LARGE_MESSAGE}`);
    try {
      return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return fail(`${name} is not UTF-8 text: save it as UTF-8 and open it again`);
    }
  } catch (e) {
    return fail(`${name} cannot be read: ${why(e)}`);
  }
}

/**
 * Written beside the target under a fresh name, then renamed over it: a failed write (disk full)
 * leaves the old file whole, and the temporary name cannot be planted.
 */
async function writeAtomically(target: string, text: string): Promise<Result<ExportOutcome>> {
  const name = path.basename(target);
  const tmp = path.join(path.dirname(target), `.${name.slice(0, 200)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    return fail(`${name} could not be saved: ${why(e)}`);
  }
  return { ok: true, value: { saved: true, fileName: name } };
}

export interface FileActionDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  window: () => BrowserWindow | null;
  dispatch: Dispatch;
  maxOpenBytes?: number;
}

/** The import and export commands (see ImportRequest / ExportRequest in service/bridge.ts). */
export function fileActions(deps: FileActionDeps) {
  const max = deps.maxOpenBytes ?? MAX_OPEN_BYTES;
  // The dispatcher in this process, typed by the contract. Its answers come from the handlers
  // (typed by `Handlers`), so they are not checked again here.
  const service = contractClient(deps.dispatch, { checkResults: false });
  async function pickFile(kind: ImportRequest['kind']): Promise<string | null> {
    const win = deps.window();
    const opts = { properties: ['openFile' as const], filters: FILTERS[kind] };
    const r = win ? await deps.dialog.showOpenDialog(win, opts) : await deps.dialog.showOpenDialog(opts);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  }

  return {
    async importFile(request: ImportRequest): Promise<Result<ImportOutcome | null>> {
      const file = await pickFile(request.kind);
      if (!file) return { ok: true, value: null };
      const text = await readText(file, max);
      if (!text.ok) return text;
      return importThrough(service, request, path.basename(file), text.value);
    },

    async exportFile(request: ExportRequest): Promise<Result<ExportOutcome>> {
      const made = await exportThrough(service, request);
      if (!made.ok) return made;
      const { fileName, text } = made.value;
      const suggested = safeFileName(fileName);
      const win = deps.window();
      const ext = path.extname(suggested).slice(1) || 'json';
      const opts = { defaultPath: suggested, filters: [{ name: ext.toUpperCase(), extensions: [ext] }] };
      const r = win ? await deps.dialog.showSaveDialog(win, opts) : await deps.dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return { ok: true, value: { saved: false, fileName: suggested } };
      return writeAtomically(r.filePath, text);
    },
  };
}

export type FileActions = ReturnType<typeof fileActions>;

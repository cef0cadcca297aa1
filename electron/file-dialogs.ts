/** Native open/save dialogs for program files, event sets and CSV exports. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import type { FileKind, OpenedFile } from '../service/bridge';

export const FILTERS: Record<FileKind, FileFilter[]> = {
  program: [{ name: 'Offerflow program', extensions: ['json'] }],
  events: [{ name: 'Event set', extensions: ['json', 'csv'] }],
  partners: [{ name: 'Partners CSV', extensions: ['csv'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
};

/** Larger files are refused before reading (the host's request limit, for the same reason). */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024;

export function fileDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: () => BrowserWindow | null) {
  return {
    async openFile(kind: FileKind): Promise<OpenedFile | null> {
      const win = window();
      const opts = { properties: ['openFile' as const], filters: FILTERS[kind] };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      const file = r.filePaths[0];
      if (r.canceled || !file) return null;
      const st = await fs.stat(file);
      if (st.size > MAX_OPEN_BYTES) throw new Error(`${path.basename(file)} is larger than 256 MiB`);
      return { fileName: path.basename(file), text: await fs.readFile(file, 'utf8') };
    },
    async saveFile(fileName: string, text: string): Promise<boolean> {
      const win = window();
      const ext = path.extname(fileName).slice(1) || 'json';
      const opts = { defaultPath: path.basename(fileName), filters: [{ name: ext.toUpperCase(), extensions: [ext] }] };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return false;
      await fs.writeFile(r.filePath, text, 'utf8');
      return true;
    },
  };
}

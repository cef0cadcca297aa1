/**
 * The one place a store or file-system failure becomes a sentence (issue 12): nobody sees a raw
 * `database is locked`, `EACCES`, `EISDIR` or `no such table`. Each sentence names the file and
 * the way out. Anything not recognised here is a bug and stays an internal error.
 */

/** Another process holds the write lock longer than the busy timeout. */
export const BUSY_MESSAGE = 'the data file is busy: another Offerflow window or host is writing to it; try again in a moment';

function codeOf(e: unknown): string {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : '';
}

/** Whether `e` is SQLite's "busy"/"locked" (another connection holds the lock). */
export function isBusy(e: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED)/.test(codeOf(e));
}

/** Whether `e` says the disk (or the file's quota) is full. */
export function isDiskFull(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * The sentence for a failure touching the data file `file` (its folder for file-system codes),
 * or null when `e` is not one of the expected store failures.
 */
export function storeErrorSentence(e: unknown, file: string): string | null {
  const code = codeOf(e);
  const message = e instanceof Error ? e.message : String(e);
  if (isBusy(e)) return BUSY_MESSAGE;
  if (isDiskFull(e)) return `the disk holding ${file} is full: free some space and try again; nothing was saved`;
  if (/^SQLITE_READONLY/.test(code) || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return `${file} cannot be written (a read-only file or folder, or no permission): make it writable, or choose another data folder`;
  }
  if (code === 'EISDIR') return `${file} is a folder, not a data file: move that folder away, or choose another data folder`;
  if (code === 'ENOTDIR') return `a part of the path ${file} is a file, not a folder: move that file away, or choose another data folder`;
  if (/^SQLITE_CANTOPEN/.test(code)) return `${file} cannot be opened (its folder is missing, read-only or not a folder): check the data folder, or choose another one`;
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return `the data file ${file} is damaged (${code}): restart Offerflow to be offered a fresh start; the damaged file is kept`;
  if (/^SQLITE_ERROR/.test(code) && /no such (table|column|index)/.test(message)) {
    return `the data file ${file} is missing part of its tables (${message.replace(/^.*?no such/, 'no such')}); it was changed outside Offerflow. Restore a backup (${file}.bak-*), or move the file aside to start fresh`;
  }
  if (/^SQLITE_IOERR/.test(code)) return `reading or writing ${file} failed (${code}): check the disk, then try again`;
  return null;
}

/** An error whose message is already a sentence for a person (the worker passes it on as is). */
export class StoreProblem extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StoreProblem';
  }
}

/** `e` as a StoreProblem when it is a known store failure, else `e` unchanged. */
export function explainStoreError(e: unknown, file: string): unknown {
  const sentence = storeErrorSentence(e, file);
  return sentence === null ? e : new StoreProblem(sentence, e);
}

/** How often a write refused as busy (past the busy timeout) is tried again before giving up. */
export const BUSY_RETRIES = 3;

/**
 * Runs one self-contained store step (a transaction or a single statement) and tries it again
 * when SQLite answers busy: the step either committed whole or not at all, so repeating it is
 * safe. Gives up after `retries` more tries and rethrows the last busy error.
 */
export function retryBusy<T>(step: () => T, retries: number = BUSY_RETRIES): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return step();
    } catch (e) {
      if (!isBusy(e) || attempt >= retries) throw e;
    }
  }
}

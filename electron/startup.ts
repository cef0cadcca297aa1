/**
 * What the app does when it cannot start: a native error box saying what failed and what to do,
 * the log file's path, then the single-instance lock released and exit code 1. Before this, an
 * exception in `ready` left no window, no message and the lock held, so every later launch only
 * "focused" a window that did not exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DataFileError } from '../service/store/safe-open';
import { nativeAdvice, StartupError } from './native-binding';

export const STARTUP_TITLE = 'Offerflow could not start';

export interface StartupFailureDeps {
  showErrorBox(title: string, content: string): void;
  releaseSingleInstanceLock(): void;
  exit(code: number): void;
  log(line: string): void;
  logPath: string;
  packaged: boolean;
}

/** The sentence of the failure and the way out, by kind of error. */
export function describeStartupFailure(e: unknown, packaged: boolean): { message: string; advice: string } {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof StartupError) return { message, advice: e.advice };
  const code = (e as { code?: unknown } | null)?.code;
  // A native module that does not load: missing, damaged or built for another ABI.
  if (code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|better_sqlite3\.node|invalid ELF header|wrong ELF class/.test(message)) {
    return { message: `The database module (better-sqlite3) could not be loaded: ${message}`, advice: nativeAdvice(packaged) };
  }
  if (e instanceof DataFileError) return { message, advice: `The data file ${e.file} was left untouched. Open it with the Offerflow version that wrote it, or move it aside to start with an empty one.` };
  return { message, advice: packaged ? 'Reinstall Offerflow; if it happens again, report it with the log file.' : 'Run `npm run build` and start again; if it happens again, report it with the log file.' };
}

/** Shows the failure, releases the lock and exits non-zero. `stage` says what was being done. */
export function failStartup(deps: StartupFailureDeps, stage: string, e: unknown): void {
  const { message, advice } = describeStartupFailure(e, deps.packaged);
  deps.log(`${new Date().toISOString()} startup failed while ${stage}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  try {
    deps.showErrorBox(STARTUP_TITLE, `${stage[0]?.toUpperCase() ?? ''}${stage.slice(1)} failed.\n\n${message}\n\n${advice}\n\nThe log is at ${deps.logPath}`);
  } finally {
    // A later launch must start for real, not "focus" this one.
    deps.releaseSingleInstanceLock();
    deps.exit(1);
  }
}

/** Appends lines to a log file; logging never throws (a full disk must not hide the real error). */
export function fileLogger(file: string): (line: string) => void {
  return (line) => {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.appendFileSync(file, line.endsWith('\n') ? line : `${line}\n`);
    } catch {
      // Nowhere left to report it; the error box still shows the failure.
    }
  };
}

/**
 * Logging that can never take the process down (issue 12, finding 4). Writing to stderr fails
 * when it is a file on a full disk (ENOSPC) or a pipe whose reader is gone (EPIPE); Node then
 * throws, or emits an `error` event on the stream that nobody handles, and the host dies on its
 * first logged internal error. Here a failed write is dropped: losing a log line is better than
 * losing every open request.
 */
import { format } from 'node:util';

let guarded = false;

/** Swallows write errors of stdout and stderr from now on (idempotent). */
export function guardStdio(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}

/** Writes `text` to stderr; a failed write is dropped. */
export function writeStderr(text: string): void {
  guardStdio();
  try {
    process.stderr.write(text);
  } catch {
    // Nowhere left to report it.
  }
}

/** `console.error`, but never throws and never crashes the process. */
export function safeLog(...args: unknown[]): void {
  writeStderr(`${format(...args)}\n`);
}

/**
 * The CLI's file access: inputs read with their size bounded as the bytes arrive (whatever the
 * kind of file), and outputs written atomically through an exclusive temporary file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../engine/formats/issues';

/** Largest input read (a 1e6-event JSON set is ~180 MB); larger ones are refused, not crashed on. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

const MB = 1024 * 1024;
/** 5 ms pauses a FIFO may read as empty before it is refused (about a second). */
const FIFO_GRACE_PAUSES = 200;

function tooLarge(path: string, limit: number, size?: number): InputError {
  const what = size === undefined ? `has more than ${limit / MB} MB` : `is ${Math.round(size / MB)} MB`;
  return new InputError(path, [{ path: '', message: `${what}; offerflow reads files up to ${limit / MB} MB — split the event set into several files` }]);
}

/** A short wait without a timer (the CLI is synchronous): used only while a pipe has no data yet. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The sentence for a failed open/read, naming what the person can check. */
export function fileErrorMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${code ?? String(e)})`;
}

/**
 * Reads a whole input of any kind — regular file, pipe (`/dev/stdin`, `<(…)`), named pipe,
 * character device — counting bytes as they arrive and refusing past `limit`, so neither a
 * pipe nor `/dev/zero` can grow memory without bound.
 *
 * The file is opened non-blocking: opening a named pipe (FIFO) that nothing writes to would
 * otherwise block forever. Read that way, a FIFO with no writer reads as end of file; after about
 * a second of that it is refused as "nothing was written to it". A pipe whose writer is slow is waited for
 * (a read that would block pauses briefly and tries again), until the writer closes it.
 */
export function readInput(path: string, limit = MAX_INPUT_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new InputError(path, [{ path: '', message: fileErrorMessage(e) }]);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(path, [{ path: '', message: 'is a directory' }]);
    if (st.isFile() && st.size > limit) throw tooLarge(path, limit, st.size);
    // A regular file is read into one buffer of its size (one spare byte shows it grew);
    // anything else grows its buffer by doubling, never past limit + 1.
    let buf = Buffer.allocUnsafe(st.isFile() ? st.size + 1 : Math.min(64 * 1024, limit + 1));
    let total = 0;
    let idle = 0;
    for (;;) {
      if (total === buf.length) {
        if (total > limit) throw tooLarge(path, limit);
        const grown = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
        buf.copy(grown, 0, 0, total);
        buf = grown;
      }
      let n: number;
      try {
        n = readSync(fd, buf, total, buf.length - total, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          pause(5);
          continue;
        }
        throw e;
      }
      if (n === 0) {
        // A FIFO reads as end of file while no writer is attached; one that is just being
        // attached (`cat x > fifo &` started before us) gets a moment before it counts as none.
        if (total === 0 && st.isFIFO() && idle++ < FIFO_GRACE_PAUSES) {
          pause(5);
          continue;
        }
        break;
      }
      total += n;
    }
    if (total > limit) throw tooLarge(path, limit);
    if (total === 0 && (st.isFIFO() || st.isSocket())) {
      throw new InputError(path, [{ path: '', message: 'is a pipe and nothing was written to it (a named pipe needs its writer attached before offerflow reads it)' }]);
    }
    return buf.subarray(0, total);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, [{ path: '', message: fileErrorMessage(e) }]);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file atomically from chunks (text or UTF-8 bytes, the bytes written before `write`
 * returns, so a reused buffer may be passed): an exclusive temporary sibling (`wx`: created new,
 * never an existing file or a planted symlink, with a random name), then a rename over the
 * target, so no reader sees half a file and a failure leaves the old file as it was and no
 * temporary behind. Only file-system errors become an `InputError` naming `path`; an error of
 * `produce` itself is re-thrown as it is (it is not the output file's fault).
 */
export function writeAtomic(path: string, produce: (write: (chunk: string | Uint8Array) => void) => void): void {
  let tmp = '';
  let fd: number | null = null;
  let fsError = true;
  try {
    for (let attempt = 0; fd === null; attempt++) {
      tmp = join(dirname(path), `${basename(path)}.tmp-${randomBytes(8).toString('hex')}`);
      try {
        fd = openSync(tmp, 'wx', 0o666);
      } catch (e) {
        // Someone holds this name (64 random bits: practically only on purpose): pick another.
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 4) {
          tmp = '';
          throw e;
        }
      }
    }
    const out = fd;
    fsError = false;
    produce((chunk) => {
      fsError = true;
      if (typeof chunk === 'string') writeSync(out, chunk);
      else for (let done = 0; done < chunk.length; ) done += writeSync(out, chunk, done);
      fsError = false;
    });
    fsError = true;
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (e) {
    try {
      if (fd !== null) closeSync(fd);
    } catch {
      /* already closed */
    }
    try {
      if (tmp) unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    if (!fsError) throw e;
    throw new InputError(path, [{ path: '', message: `cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})` }]);
  }
}

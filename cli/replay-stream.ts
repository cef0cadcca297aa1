/**
 * `offerflow replay` of a JSON Lines file, streamed (issue 17): the file is read twice in
 * chunks, never whole. The first reading checks every line exactly as the whole-file reader
 * does (same messages, same exit code, nothing written on a bad file) and keeps only each
 * event's moment; the second parses the events again and feeds them to the replay in
 * processing order, and the report's rows are written as they become final. Peak memory is
 * then the program, the world state and one chunk, not the events and the ledger.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { EventInput } from '../engine/formats/events-schema';
import { JsonlEventSetReader } from '../engine/formats/events-jsonl';
import { InputError } from '../engine/formats/issues';
import type { Program } from '../engine/formats/program-schema';
import type { Report, RewardRow } from '../engine/formats/report';
import { ReportWriter } from '../engine/formats/report-write';
import { addMinor, parseMinorExact, type Minor } from '../engine/money';
import { EventFeed } from '../engine/replay/feed';
import { instantOr } from '../engine/replay/prepare';

/** Reads a file as text in pieces; false when it cannot be streamed (then read it whole). */
export type ReadChunks = (path: string, onText: (text: string) => void) => boolean;

const PIECE = 1 << 20;

/**
 * Reads a regular file of at most `limit` bytes as strict UTF-8 in 1 MB pieces. Anything else
 * (a pipe, a larger file, UTF-16, a byte that is not UTF-8) answers false, so the whole-file
 * reader gives its usual message.
 */
export function fileChunks(limit: number): ReadChunks {
  return (path, onText) => {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return false;
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.size > limit) return false;
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const buf = Buffer.allocUnsafe(PIECE);
      for (let total = 0, first = true; ; first = false) {
        const n = readSync(fd, buf, 0, PIECE, null);
        if (n === 0) break;
        total += n;
        if (total > limit) return false;
        if (first && n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return false;
        onText(decoder.decode(buf.subarray(0, n), { stream: true }));
      }
      onText(decoder.decode());
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return false;
      throw e;
    } finally {
      closeSync(fd);
    }
  };
}

/** The moments of the events in file order, and the processing order when it differs. */
interface Plan {
  header: ReturnType<JsonlEventSetReader['end']>;
  moments: Float64Array;
  order: Int32Array | null;
}

/** The first reading: every line checked, the moments kept. Null when the file cannot be streamed. */
function plan(file: string, read: ReadChunks): Plan | null {
  let moments = new Float64Array(1024);
  let n = 0;
  let sorted = true as boolean; // set in the reader's callback
  const reader = new JsonlEventSetReader(file, (e) => {
    const at = instantOr(e.at, 0);
    // As PreparedEvents: the moment is `receivedAt`, else `at`.
    const moment = e.receivedAt ? instantOr(e.receivedAt, 0) : at;
    if (n === moments.length) {
      const grown = new Float64Array(n * 2);
      grown.set(moments);
      moments = grown;
    }
    if (n > 0 && moment < (moments[n - 1] as number)) sorted = false;
    moments[n++] = moment;
  });
  if (!read(file, (t) => reader.push(t))) return null;
  const header = reader.end();
  moments = moments.slice(0, n);
  if (sorted) return { header, moments, order: null };
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Ascending moment, ties in file order (as PreparedEvents sorts).
  const m = moments;
  order.sort((a, b) => (m[a] as number) - (m[b] as number) || a - b);
  return { header, moments, order };
}

/** The totals the CLI's summary line prints. */
export interface StreamedResult {
  report: Report;
  count: number;
  cents: Minor;
}

/**
 * Replays a JSON Lines event set read as a stream, writing the report through `write` as it
 * goes; null (nothing read into the replay, nothing written) when the file cannot be streamed.
 * `start` is called once the file has been checked, with the function that writes the report:
 * the caller decides where (an atomic file, stdout), and whether the rows may go as bytes.
 */
export function replayJsonlStreamed(
  program: Program,
  file: string,
  read: ReadChunks,
  options: { trace: boolean; asOf?: string },
  start: (produce: (write: (chunk: string) => void, bytes?: (chunk: Uint8Array) => void) => void) => void,
): StreamedResult | null {
  const p = plan(file, read);
  if (p === null) return null;
  const n = p.moments.length;
  const lastMomentMs = n === 0 ? 0 : (p.moments[p.order === null ? n - 1 : (p.order[n - 1] as number)] as number);
  let writer: ReportWriter | null = null;
  let count = 0;
  let cents: Minor = 0;
  const onRewards = (rows: readonly RewardRow[]): void => {
    (writer as ReportWriter).rows({ length: rows.length, row: (i) => rows[i] as RewardRow });
    count += rows.length;
    for (const r of rows) cents = addMinor(cents, parseMinorExact(r.amountUsd, 'USD') as Minor);
  };
  const feed = newFeed(program, { total: n, lastMomentMs }, options, onRewards, p.header.expect !== undefined);
  let report: Report | null = null;
  start((write, bytes) => {
    writer = new ReportWriter(write, bytes);
    feedAll(file, read, p, feed);
    report = feed.finish(p.header).report;
    writer.end(report);
  });
  return { report: report as unknown as Report, count, cents };
}

function newFeed(program: Program, plan: { total: number; lastMomentMs: number }, options: { trace: boolean; asOf?: string }, onRewards: (rows: readonly RewardRow[]) => void, expectations: boolean): EventFeed {
  try {
    return new EventFeed(program, plan, { trace: options.trace, ...(options.asOf === undefined ? {} : { asOf: options.asOf }), onRewards, keepRewards: false }, expectations);
  } catch (e) {
    if (e instanceof RangeError && options.asOf !== undefined) throw new InputError('--as-of', [{ path: '', message: e.message }]);
    throw e;
  }
}

/** The second reading: each event parsed again and fed in processing order. */
function feedAll(file: string, read: ReadChunks, p: Plan, feed: EventFeed): void {
  const { moments, order } = p;
  const n = moments.length;
  // Events read before their turn (received late), by file position: a few, in a usual file.
  const early = new Map<number, EventInput>();
  let i = 0;
  let k = 0;
  const reader = new JsonlEventSetReader(file, (e) => {
    const index = i++;
    if (index >= n) return;
    if (order === null) {
      feed.push(e, index, moments[index] as number);
      return;
    }
    early.set(index, e);
    for (let next = order[k] as number; k < n && early.has(next); next = order[++k] as number) {
      feed.push(early.get(next) as EventInput, next, moments[next] as number);
      early.delete(next);
    }
  });
  const whole = read(file, (t) => reader.push(t));
  reader.end();
  if (!whole || i !== n || (order !== null && k !== n)) throw new Error(`${file} changed while it was read; replay it again`);
}

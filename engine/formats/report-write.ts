/**
 * Reports written as `serializeReport` would write them, byte for byte, in chunks: the reward
 * rows and the trace's events one at a time, so a report of millions of rewards never becomes
 * one string (JavaScript strings stop at ~512 MB). `ReportWriter` also takes the rows while the
 * replay is still running (the streamed replay writes each batch as it becomes final).
 */
import { REPORT_FORMAT, serializeReport, type EventTrace, type Report, type RewardRow, type RewardRowSource } from './report';
import { ByteChunks } from './row-bytes';

const SENTINEL = '\u0000rewards\u0000';
const TRACE_SENTINEL = '\u0000trace\u0000';
/** Characters per chunk handed to `write`. */
const CHUNK = 1 << 20;

const q = JSON.stringify;
/**
 * One reward row as `JSON.stringify(report, null, 2)` writes it inside the rewards array (keys
 * in `RewardRow` order). Text that comes from the user's files is escaped by JSON.stringify;
 * amounts, instants, dates and enums are the engine's own and need none.
 */
function rowJson(r: RewardRow): string {
  return `    {
      "id": ${q(r.id)},
      "kind": "${r.kind}",
      "partnerKey": ${q(r.partnerKey)},
      "triggerId": ${q(r.triggerId)},
      "triggerVersion": ${r.triggerVersion},
      "eventId": ${q(r.eventId)},
      "description": ${q(r.description)},
      "amount": "${r.amount}",
      "currency": ${q(r.currency)},
      "amountUsd": "${r.amountUsd}",
      "fxRate": "${r.fxRate}",
      "earnedAt": "${r.earnedAt}",
      "dueAt": "${r.dueAt}",
      "occurrence": ${r.occurrence},
      "occurrences": ${r.occurrences},
      "status": "${r.status}",
      "invoiceDate": "${r.invoiceDate}",
      "chargeDate": "${r.chargeDate}",
      "payoutDate": "${r.payoutDate}"
    }`;
}

/**
 * One array element as `JSON.stringify(report, null, 2)` writes it at depth 2 (inside a
 * top-level array): indentation depends only on depth, so the element's own two-space JSON
 * with four more spaces on every line is the same text.
 */
function elementJson(value: unknown): string {
  return `    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`;
}

/** The report with each streamed array holding one sentinel string. */
function withSentinels(report: Report, rows: boolean, trace: boolean): string {
  return serializeReport({
    ...report,
    rewards: rows ? [SENTINEL as unknown as RewardRow] : [],
    ...(report.trace === undefined ? {} : { trace: trace ? [TRACE_SENTINEL as unknown as EventTrace] : [] }),
  });
}

const ROWS_MARKER = `    ${JSON.stringify(SENTINEL)}`;
const TRACE_MARKER = `    ${JSON.stringify(TRACE_SENTINEL)}`;

/**
 * Writes one report: `rows` as often as rows come (in ledger order), then `end` with the
 * report itself (its own `rewards` ignored). The text before the rows depends only on the
 * report's format, so it is written with the first row; `end` checks it was the same.
 */
export class ReportWriter {
  private buf = '';
  private written = 0;
  private readonly head: string;
  /** With a byte sink: the rows (and the text between them) go to it through one reused buffer. */
  private readonly bytes: ByteChunks | null;

  /**
   * `write` takes the report's text; `bytes`, when given, takes its rows as UTF-8 bytes instead
   * (a view of a reused buffer: write it out before returning), in the same order.
   */
  constructor(
    private readonly write: (chunk: string) => void,
    bytes?: (chunk: Uint8Array) => void,
  ) {
    const stub = withSentinels({ format: REPORT_FORMAT, rewards: [], groupChanges: [], tagsApplied: [], partners: [], rejected: [], expectations: { passed: true, failures: [] } } as unknown as Report, true, false);
    this.head = stub.slice(0, stub.indexOf(ROWS_MARKER));
    this.bytes = bytes ? new ByteChunks(bytes) : null;
  }

  private push(chunk: string): void {
    if (this.bytes) {
      this.bytes.text(chunk);
      return;
    }
    this.buf += chunk;
    if (this.buf.length >= CHUNK) {
      this.write(this.buf);
      this.buf = '';
    }
  }

  /** The last text: whatever is held first, then `tail`. */
  private finish(tail: string): void {
    if (this.bytes) {
      this.bytes.end();
      this.write(tail);
      return;
    }
    this.write(this.buf + tail);
    this.buf = '';
  }

  /** Rows `from` … `to − 1` of `source`, the next rows of the report. */
  rows(source: RewardRowSource, from = 0, to = source.length): void {
    const b = this.bytes;
    for (let i = from; i < to; i++) {
      if (b) {
        if (this.written === 0) b.text(this.head);
        else b.separator();
        b.row(source.row(i));
      } else this.push(this.written === 0 ? this.head + rowJson(source.row(i)) : `,\n${rowJson(source.row(i))}`);
      this.written++;
    }
  }

  /** The rest of the report after its rows. */
  end(report: Report): void {
    const trace = report.trace;
    const streamTrace = trace !== undefined && trace.length > 0;
    if (this.written === 0 && !streamTrace) {
      this.finish(serializeReport({ ...report, rewards: [] }));
      return;
    }
    const text = withSentinels(report, this.written > 0, streamTrace);
    let from = 0;
    if (this.written > 0) {
      const at = text.indexOf(ROWS_MARKER);
      if (text.slice(0, at) !== this.head) throw new Error('the report changed its text before the rewards while it was written');
      from = at + ROWS_MARKER.length;
    }
    if (streamTrace) {
      const at = text.indexOf(TRACE_MARKER, from);
      this.push(text.slice(from, at));
      for (let i = 0; i < trace.length; i++) this.push(i === 0 ? elementJson(trace[i]) : `,\n${elementJson(trace[i])}`);
      from = at + TRACE_MARKER.length;
    }
    this.finish(text.slice(from));
  }
}

/**
 * Writes the report as `serializeReport` would, byte for byte, with the reward rows taken from
 * `rows` one at a time and the trace's events one at a time, handed to `write` in chunks of
 * about a megabyte (the rows to `bytes` instead when given: see `ReportWriter`).
 */
export function writeReport(report: Report, rows: RewardRowSource, write: (chunk: string) => void, bytes?: (chunk: Uint8Array) => void): void {
  const w = new ReportWriter(write, bytes);
  w.rows(rows);
  w.end(report);
}

/**
 * JSON Lines event sets (`.jsonl`, `.ndjson`): a header line `{ "format", "name"?, "expect"? }`,
 * then one event object per line. Read incrementally — `push` text as it arrives, `end` for the
 * set — so a caller can feed a file chunk by chunk and never hold more than one line of
 * unparsed text. Every problem names its line and column (1-based) and the path inside the line.
 */
import type { z } from 'zod';
import { EventSchema, EventSetSchema, EVENTS_FORMAT, type EventInput, type EventSet } from './events-schema';
import { fastEvent } from './events-fast';
import { InputError, type InputIssue } from './issues';
import { jsonSyntaxErrorAt } from './json-syntax';
import { jsonErrorMessage } from './text';
import { hostileValueIssues } from './value-checks';
import { zodIssues } from './zod-issues';

/** True for a path read as JSON Lines: ending in `.jsonl` or `.ndjson`, any case. */
export function isJsonLinesPath(path: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(path);
}

const HeaderSchema = EventSetSchema.omit({ events: true });
type Header = z.infer<typeof HeaderSchema>;

/** Stop collecting after this many issues: a wholly wrong file should not print a million lines. */
const MAX_ISSUES = 200;

/** The 1-based column of the key at the end of `path` (`transaction.amount`) in `line`, else 1. */
function columnOfPath(line: string, path: string): number {
  let at = -1;
  for (const key of path.split(/[.[\]]/)) {
    if (key === '' || /^\d+$/.test(key) || key === '(root)') continue;
    const found = line.indexOf(JSON.stringify(key), at + 1);
    if (found === -1) break;
    at = found;
  }
  return at + 1 || 1;
}

function place(line: number, column: number, path = ''): string {
  return `line ${line}, column ${column}${path && path !== '(root)' ? `: ${path}` : ''}`;
}

/** Incremental reader of one JSON Lines event set. */
export class JsonlEventSetReader {
  private rest = '';
  private lineNo = 0;
  private header: Header | null = null;
  private headerSeen = false;
  private readonly events: EventInput[] = [];
  private readonly issues: InputIssue[] = [];

  /**
   * `onEvent`, when given, receives each valid event instead of the set keeping it (the
   * streamed replay: `end` then returns the header with no events); the issues are the same.
   */
  constructor(
    private readonly file = 'events.jsonl',
    private readonly onEvent: ((e: EventInput) => void) | null = null,
  ) {}

  private take(e: EventInput): void {
    // Once an issue is found the set is refused: later events only need checking.
    if (this.onEvent === null) this.events.push(e);
    else if (this.issues.length === 0) this.onEvent(e);
  }

  /** Feeds the next piece of text (any split, even inside a line or a character pair). */
  push(chunk: string): void {
    if (this.issues.length >= MAX_ISSUES) return;
    const text = this.rest + chunk;
    let start = 0;
    // The kept rest has no newline: search only the new text, so long lines stay linear.
    for (let nl = text.indexOf('\n', this.rest.length); nl !== -1; nl = text.indexOf('\n', start)) {
      this.line(text.slice(start, nl));
      start = nl + 1;
      if (this.issues.length >= MAX_ISSUES) break;
    }
    this.rest = text.slice(start);
  }

  /** Finishes the file: the event set, or an `InputError` with every issue found. */
  end(): EventSet {
    if (this.rest !== '') this.line(this.rest);
    this.rest = '';
    if (!this.headerSeen && this.issues.length === 0) {
      this.issues.push({ path: 'line 1', message: `the file is empty: the first line must be the header {"format":"${EVENTS_FORMAT}", …}` });
    }
    if (this.issues.length) throw new InputError(this.file, this.issues);
    const header = this.header as Header;
    return { ...header, format: header.format, name: header.name, events: this.events };
  }

  private line(raw: string): void {
    const n = ++this.lineNo;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Our own scan names the character; Node's message sometimes points at a later token.
      const at = Math.max(0, jsonSyntaxErrorAt(text));
      const what = at < text.length ? jsonErrorMessage(text, at) : 'the line ends before the value does';
      this.issues.push({ path: place(n, at + 1), message: `invalid JSON: ${what}` });
      return;
    }
    const hostile = hostileValueIssues(value, text);
    if (hostile.length > 0) {
      for (const i of hostile) this.issues.push({ path: place(n, columnOfPath(text, i.path), i.path), message: i.message });
      this.headerSeen = true;
      return;
    }
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.readHeader(value, text, n);
      return;
    }
    const fast = fastEvent(value);
    if (fast !== null) {
      this.take(fast);
      return;
    }
    const r = EventSchema.safeParse(value);
    if (r.success) this.take(r.data);
    else for (const i of zodIssues(r.error)) this.issues.push({ path: place(n, columnOfPath(text, i.path), i.path), message: i.message });
  }

  private readHeader(value: unknown, text: string, n: number): void {
    if (typeof value === 'object' && value !== null && 'events' in value) {
      this.issues.push({ path: place(n, columnOfPath(text, 'events'), 'events'), message: 'the header carries no events: put one event per line after it' });
      return;
    }
    const r = HeaderSchema.safeParse(value);
    if (r.success) this.header = r.data;
    else for (const i of zodIssues(r.error)) this.issues.push({ path: place(n, columnOfPath(text, i.path), i.path), message: i.message });
  }
}

/** Parses a whole JSON Lines text (see `JsonlEventSetReader` to feed it in pieces). */
export function parseEventsJsonl(text: string, file = 'events.jsonl'): EventSet {
  const reader = new JsonlEventSetReader(file);
  reader.push(text);
  return reader.end();
}

/**
 * Readers for the program and event-set files. Each returns the parsed value or throws an
 * `InputError` whose issues name the JSON path (or CSV line and column) of every problem.
 */
import type { z } from 'zod';
import { formatPath, InputError, type InputIssue } from './issues';
import { ProgramSchema, type Program } from './program-schema';
import { EventSetSchema, type EventSet } from './events-schema';
import { fastEvents, type EventInstants } from './events-fast';
import { zodIssues } from './zod-issues';
import { parseEventsCsv } from './events-csv';
import { isJsonLinesPath, parseEventsJsonl } from './events-jsonl';
import { MAX_JSON_DEPTH, pathPastDepth, valueDepth } from './depth';
import { jsonSyntaxErrorAt } from './json-syntax';
import { jsonErrorMessage, lineColumn } from './text';
import { hostileValueIssues } from './value-checks';

/** Parses JSON text, turning a syntax error into an issue with line and column. */
export function parseJsonText(text: string, file: string): unknown {
  // V8's JSON.parse is iterative (any nesting parses); the depth is bounded on the value, before
  // the recursive schema sees it (parseWith), which is three times faster than scanning the text.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    // V8 gives no position for many errors (NaN, comments, a stray mark): find it ourselves.
    const at = jsonSyntaxErrorAt(body);
    if (at < 0) throw new InputError(file, [{ path: '', message: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` }]);
    throw new InputError(file, [{ path: lineColumn(body, Math.min(at, body.length)), message: `invalid JSON: ${jsonErrorMessage(body, at)}` }]);
  }
}

/** Refuses a value nested too deep for the recursive schema, or holding hostile keys or text. */
function guardValue(value: unknown, file: string, text?: string): void {
  if (valueDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    const where = pathPastDepth(value, MAX_JSON_DEPTH);
    throw new InputError(file, [{ path: where ? formatPath(where) : '', message: `is nested more than ${MAX_JSON_DEPTH} levels deep` }]);
  }
  const hostile = hostileValueIssues(value, text);
  if (hostile.length > 0) throw new InputError(file, hostile);
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, file: string, text?: string): z.infer<S> {
  guardValue(value, file, text);
  return checkWith(schema, value, file);
}

/** The schema's value, or an `InputError` with its issues (the value already guarded). */
function checkWith<S extends z.ZodType>(schema: S, value: unknown, file: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new InputError(file, zodIssues(r.error));
  return r.data;
}

/** Parses a program object (already JSON-decoded); throws `InputError` naming paths. */
export function parseProgram(value: unknown, file = 'program'): Program {
  return parseWith(ProgramSchema, value, file);
}

export function parseProgramText(text: string, file = 'program'): Program {
  return parseWith(ProgramSchema, parseJsonText(text, file), file, text);
}

export function parseEventSet(value: unknown, file = 'events'): EventSet {
  return parseEventSetValue(value, file).set;
}

/**
 * An event set through the fast path when every event takes it (the schema then checks only the
 * set's other fields), else through the schema alone, so its messages are the only ones anyone sees.
 */
function parseEventSetValue(value: unknown, file: string, text?: string): { set: EventSet; instants: EventInstants | null } {
  guardValue(value, file, text);
  if (value !== null && typeof value === 'object' && Array.isArray((value as { events?: unknown }).events)) {
    const raw = (value as { events: unknown[] }).events;
    const instants = { atMs: new Float64Array(raw.length), momentMs: new Float64Array(raw.length) };
    const events = fastEvents(raw, instants);
    if (events) {
      const rest = EventSetSchema.safeParse({ ...value, events: [] });
      if (rest.success) return { set: { ...rest.data, events }, instants };
    }
  }
  // Guarded above: the schema alone, so a refused file is not walked twice.
  return { set: checkWith(EventSetSchema, value, file), instants: null };
}

/**
 * Reads an event set from JSON, CSV (`file` ends in .csv, any case) or JSON Lines (.jsonl or
 * .ndjson) text.
 */
export function parseEventSetText(text: string, file = 'events'): EventSet {
  return readEventSetText(text, file).set;
}

/**
 * `parseEventSetText`, with the instants its check parsed when the fast path read every event
 * (JSON files; null otherwise): hand them to the replay as `ReplayOptions.instants`.
 */
export function readEventSetText(text: string, file = 'events'): { set: EventSet; instants: EventInstants | null } {
  if (/\.csv$/i.test(file)) return { set: parseEventsCsv(text, file), instants: null };
  if (isJsonLinesPath(file)) return { set: parseEventsJsonl(text, file), instants: null };
  return parseEventSetValue(parseJsonText(text, file), file, text);
}

/** Collects issues without throwing, for callers that want values (the service contract). */
export function tryParse<T>(fn: () => T): { ok: true; value: T } | { ok: false; file: string; issues: readonly InputIssue[] } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, file: e.file, issues: e.issues };
    throw e;
  }
}

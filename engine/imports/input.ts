/**
 * Reading importer input (IMPORTS.md "Reading input"): a file is JSON when its whole text parses
 * as one value, else JSON Lines (`*.jsonl` / `*.ndjson` always are). Values are list pages, arrays
 * of items or pages, or single items; every item keeps the place it came from so a later error
 * can name the file and the JSON path (or the line).
 */
import { InputError } from '../formats/issues';
import { parseJsonText } from '../formats/read';
import { isJsonLinesPath } from '../formats/events-jsonl';
import { hostileValueIssues } from '../formats/value-checks';
import { MAX_JSON_DEPTH, pathPastDepth, valueDepth } from '../formats/depth';
import { formatPath } from '../formats/issues';
import { jsonErrorMessage } from '../formats/text';
import { jsonSyntaxErrorAt } from '../formats/json-syntax';

/** One input file: the name used in messages (a path) and its decoded text. */
export interface ImportFile {
  readonly name: string;
  readonly text: string;
}

/** A JSON object as read from input. */
export type Obj = Record<string, unknown>;

/** Where a value sits: its file and its place inside (`data.items[2]`, `line 4`, `line 4: body`). */
export interface Place {
  readonly file: string;
  readonly path: string;
}

/** A decoded top-level value of a file with its place. */
export interface Located<T = unknown> extends Place {
  readonly value: T;
}

/** A list page seen while unwrapping: whether it said there is more. */
export interface PageSeen {
  readonly hasMore: boolean;
  readonly url: string | null;
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `path` + `.key` or `[i]`, with the JSON Lines `line N` prefix kept readable. */
export function sub(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (path === '') return key;
  return /^line \d+$/.test(path) ? `${path}: ${key}` : `${path}.${key}`;
}

/** Throws the input error for a place. */
export function fail(place: Place, message: string, key?: string): never {
  throw new InputError(place.file, [{ path: key === undefined ? place.path : sub(place.path, key), message }]);
}

function checked(value: unknown, file: string, base: string): unknown {
  if (valueDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    const where = pathPastDepth(value, MAX_JSON_DEPTH);
    throw new InputError(file, [{ path: `${base}${base && where ? ': ' : ''}${where ? formatPath(where) : ''}`, message: `is nested more than ${MAX_JSON_DEPTH} levels deep` }]);
  }
  const hostile = hostileValueIssues(value);
  if (hostile.length > 0) throw new InputError(file, hostile.map((h) => ({ path: base ? `${base}: ${h.path}` : h.path, message: h.message })));
  return value;
}

function jsonLines(file: ImportFile, body: string): Located[] {
  const out: Located[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const at = jsonSyntaxErrorAt(line);
      throw new InputError(file.name, [{ path: `line ${i + 1}, column ${Math.max(at, 0) + 1}`, message: `not JSON (neither the whole file nor this line): ${jsonErrorMessage(line, Math.max(at, 0))}` }]);
    }
    out.push({ file: file.name, path: `line ${i + 1}`, value: checked(value, file.name, `line ${i + 1}`) });
  }
  return out;
}

/**
 * The top-level values of a file. A text that is not JSON is read as JSON Lines; when its first
 * non-blank line is not JSON either, the JSON error (with its line and column) is the one reported,
 * since the file was most likely meant as one JSON document.
 */
export function readValues(file: ImportFile): Located[] {
  const body = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  if (isJsonLinesPath(file.name)) return jsonLines(file, body);
  if (body.trim() === '') throw new InputError(file.name, [{ path: '', message: 'is empty: neither JSON nor JSON Lines' }]);
  try {
    return [{ file: file.name, path: '', value: checked(JSON.parse(body), file.name, '') }];
  } catch (e) {
    if (e instanceof InputError) throw e;
  }
  const first = body.split('\n').find((l) => l.trim() !== '') ?? '';
  try {
    JSON.parse(first);
  } catch {
    parseJsonText(body, file.name);
  }
  return jsonLines(file, body);
}

/** A list page as a source defines it: where its items are and whether it says there is more. */
export interface PageShape {
  readonly items: unknown[];
  readonly itemsPath: readonly string[];
  readonly hasMore: boolean;
  readonly url: string | null;
}

/**
 * Unwraps pages and arrays into items: `page` recognises a list page (anything else is an item);
 * `onPage` hears of every page, for the "export looks incomplete" warning.
 */
export function unwrap(v: Located, page: (o: Obj) => PageShape | null, onItem: (item: Located) => void, onPage: (p: PageSeen) => void): void {
  if (Array.isArray(v.value)) {
    v.value.forEach((x, i) => unwrap({ file: v.file, path: sub(v.path, i), value: x }, page, onItem, onPage));
    return;
  }
  const p = isObj(v.value) ? page(v.value) : null;
  if (!p) {
    onItem(v);
    return;
  }
  onPage({ hasMore: p.hasMore, url: p.url });
  const base = p.itemsPath.reduce((acc, k) => sub(acc, k), v.path);
  // Items of a page are never pages themselves.
  p.items.forEach((x, i) => onItem({ file: v.file, path: sub(base, i), value: x }));
}

/**
 * The one CSV table reader for the files Offerflow imports (event sets, sample partners): a
 * header row of known, distinct column names, then rows, each with the line it starts on.
 * Every problem names its line and column.
 */
import { parse } from 'csv-parse/sync';
import { InputError, type InputIssue } from './issues';
import { isWellFormed, lineColumn } from './text';

export interface CsvTable {
  /** The header's column names, trimmed, in file order (distinct and known). */
  readonly columns: readonly string[];
  /** Data rows (empty lines skipped) with the 1-based line each starts on. */
  readonly rows: readonly { readonly cells: readonly string[]; readonly line: number }[];
}

/**
 * Parses `text` as a CSV table whose header may use any of `known` (each at most once) and must
 * include every one of `required`. Throws an `InputError` naming the line and column of a CSV
 * syntax error, a lone UTF-16 surrogate, an unknown or a repeated column.
 */
export function readCsvTable(text: string, file: string, known: readonly string[], required: readonly string[], trim = false): CsvTable {
  if (!isWellFormed(text)) {
    const at = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text)?.index ?? 0;
    throw new InputError(file, [{ path: lineColumn(text, at), message: 'holds a lone UTF-16 surrogate, which is not text' }]);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
      trim,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    throw new InputError(file, [{ path: err.lines ? `line ${err.lines}` : '', message: `invalid CSV: ${err.message ?? String(e)}` }]);
  }
  const header = records[0]?.record;
  if (!header) throw new InputError(file, [{ path: 'line 1', message: 'the file is empty: a header row is required' }]);
  const columns = header.map((h) => h.trim());
  const issues: InputIssue[] = [];
  columns.forEach((h, i) => {
    const first = columns.indexOf(h);
    if (!known.includes(h)) issues.push({ path: `line 1, column ${i + 1}`, message: `unknown column "${header[i]}" (expected some of: ${known.join(', ')})` });
    else if (first !== i) issues.push({ path: `line 1, column ${i + 1}`, message: `column "${h}" appears twice (also column ${first + 1}); keep one` });
  });
  for (const req of required) if (!columns.includes(req)) issues.push({ path: 'line 1', message: `the header has no "${req}" column` });
  if (issues.length) throw new InputError(file, issues);
  return { columns, rows: records.slice(1).map((r) => ({ cells: r.record, line: r.info.lines })) };
}

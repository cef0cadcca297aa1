/**
 * The one CSV writer for every CSV the app or the CLI writes (RFC 4180 quoting, CRLF rows).
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
 * formula (CSV injection: `-1+1+cmd|' /C calc'!A0`, `=HYPERLINK(…)`). Following OWASP, such a
 * cell is written with a leading single quote and wrapped in double quotes, so it opens as text.
 * The only exception is a column the writer declares `number`: its values are amounts and
 * counts the app formatted itself, so `-12.50` stays a number a spreadsheet can sum. Whether a
 * cell is guarded is decided by the column's declared kind, never by what the text looks like
 * (a description `-1+1` in a text column is guarded even though it starts like a number).
 */

/** `number`: a value the app formatted (decimal amount, count); `text`: anything else. */
export type CsvKind = 'text' | 'number';

export interface CsvColumn<R> {
  readonly header: string;
  readonly kind: CsvKind;
  readonly value: (row: R) => string | number | null | undefined;
}

/** What a spreadsheet would start a formula with (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A decimal as the app writes it: optional minus, digits, optional fraction. */
const APP_NUMBER = /^-?\d+(\.\d+)?$/;

/** RFC 4180 quoting only: a field with a quote, comma, CR or LF is wrapped in double quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One cell. In a `number` column a JavaScript number or an app-formatted decimal is written as
 * it is; anything else there (which the app never produces) is treated as text, so a wrong
 * value can never turn into a live formula.
 */
export function csvCell(value: string | number | null | undefined, kind: CsvKind): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (kind === 'number' && (typeof value === 'number' ? Number.isFinite(value) : APP_NUMBER.test(text))) return text;
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return csvField(text);
}

/** The header line (without its line break). */
export function csvHeader<R>(columns: readonly CsvColumn<R>[]): string {
  return columns.map((c) => csvField(c.header)).join(',');
}

/** One data line (without its line break). */
export function csvRow<R>(columns: readonly CsvColumn<R>[], row: R): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as CsvColumn<R>;
    line += (i === 0 ? '' : ',') + csvCell(c.value(row), c.kind);
  }
  return line;
}

/** A whole CSV document: header, rows, CRLF after every line. */
export function csvText<R>(columns: readonly CsvColumn<R>[], rows: Iterable<R>): string {
  const lines = [csvHeader(columns)];
  for (const r of rows) lines.push(csvRow(columns, r));
  return `${lines.join('\r\n')}\r\n`;
}

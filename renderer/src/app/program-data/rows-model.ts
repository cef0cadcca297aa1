/** The rows of a two-column table editor (key/name, currency/rate) and their checks, as data. */

export type Row = [string, string];

/** What is wrong with a row's two cells, in words for the field's helper text (null: fine). */
export type RowCheck = (row: Row, index: number, rows: Row[]) => [string | null, string | null];

/** Keys must be non-empty and unique (groups, tiers, tags). */
export const checkKeyRow: RowCheck = ([key], i, rows) => {
  const k = key.trim();
  if (k === '') return ['Enter a key (letters, digits, - or _)', null];
  if (rows.findIndex((r) => r[0].trim() === k) !== i) return [`“${k}” is already used above`, null];
  return [null, null];
};

/** `rows` with cell `col` of row `i` set to `value` (a new array; the other rows are kept as they are). */
export function withCell(rows: readonly Row[], i: number, col: 0 | 1, value: string): Row[] {
  return rows.map((r, j) => (j === i ? (col === 0 ? [value, r[1]] : [r[0], value]) : r));
}

/** Each row's problems (none without a check), and whether any row has one. */
export function rowProblems(rows: Row[], check: RowCheck | undefined): { errors: [string | null, string | null][]; invalid: boolean } {
  const errors = rows.map((r, i): [string | null, string | null] => check?.(r, i, rows) ?? [null, null]);
  return { errors, invalid: errors.some(([a, b]) => a !== null || b !== null) };
}

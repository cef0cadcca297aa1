/**
 * Input problems as values: each names where it is (a JSON path such as
 * `triggers[2].rules.all[0].op`, or a CSV line and column) and what is wrong.
 */

export interface InputIssue {
  /** JSON path (`events[3].transaction.amount`) or CSV place (`line 4, column amount`). */
  readonly path: string;
  readonly message: string;
}

/** Thrown by the file readers when a file is not well-formed; carries every issue found. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly InputIssue[],
  ) {
    super(`${file}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'InputError';
  }
}

/** Formats a path array as `a.b[2].c`; the root is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

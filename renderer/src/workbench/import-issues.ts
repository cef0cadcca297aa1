/**
 * An event-set import's errors, listed the way the file is read: by line (CSV) or JSON path,
 * in file order.
 */
import type { InputIssue } from '@engine/formats/issues';
import type { ServiceError } from '@service/contract';

export interface IssueLine {
  where: string;
  message: string;
}

function lineOf(path: string): number {
  const m = /line (\d+)/.exec(path) ?? /\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

/** Issues sorted by line / first index, keeping the service's order for ties. */
export function issueLines(error: ServiceError): IssueLine[] {
  const issues: readonly InputIssue[] = error.issues ?? [];
  if (issues.length === 0) return [{ where: error.field ?? '', message: error.message }];
  return issues
    .map((i, n) => ({ i, n }))
    .sort((a, b) => lineOf(a.i.path) - lineOf(b.i.path) || a.n - b.n)
    .map(({ i }) => ({ where: i.path, message: i.message }));
}

/** Which reader the service will use, by the file name (FORMATS.md: `.csv` in any case is CSV). */
export function fileKind(fileName: string): 'csv' | 'json' {
  return /\.csv$/i.test(fileName) ? 'csv' : 'json';
}

/** "events.csv was not imported: 2 problems" (the list below names them), or the message itself. */
export function importTitle(fileName: string, error: ServiceError): string {
  const n = error.issues?.length ?? 0;
  return n === 0 ? `${fileName} was not imported: ${error.message}` : `${fileName} was not imported: ${n} problem${n === 1 ? '' : 's'}, nothing was stored`;
}

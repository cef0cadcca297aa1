/** Turns zod's issues into `InputIssue`s that name the JSON path, choosing the closest union branch. */
import type { z } from 'zod';
import { formatPath, type InputIssue } from './issues';

type ZIssue = z.core.$ZodIssue;

function depth(issues: readonly ZIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

function flatten(issue: ZIssue, prefix: readonly PropertyKey[], out: InputIssue[]): void {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // The branch that got furthest into the value is the one the author meant.
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0] ?? [];
    if (best.length > 0 && depth(best) > 0) {
      for (const sub of best) flatten(sub, path, out);
      return;
    }
  }
  out.push({ path: formatPath(path), message: messageOf(issue) });
}

function messageOf(issue: ZIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.message.startsWith('Invalid input') ? `expected ${issue.expected}` : issue.message;
    default:
      return issue.message;
  }
}

export function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of error.issues) flatten(issue, prefix, out);
  return out;
}

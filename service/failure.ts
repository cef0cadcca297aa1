/**
 * Expected failures. A handler throws `Failure` for anything a person can fix (a bad field, an
 * invalid file, a locked trigger); the dispatcher turns it into `{ ok: false, error }`. Any other
 * exception is a bug.
 */
import type { z } from 'zod';
import type { InputIssue } from '../engine/formats/issues';
import { zodIssues } from '../engine/formats/zod-issues';
import type { ServiceError } from './contract';

export class Failure extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly issues?: readonly InputIssue[],
  ) {
    super(message);
    this.name = 'Failure';
  }

  toError(): ServiceError {
    return { message: this.message, ...(this.field === undefined ? {} : { field: this.field }), ...(this.issues === undefined ? {} : { issues: this.issues }) };
  }
}

/** Joins an argument name and an issue path (`trigger` + `rules.all[0].op`). */
export function joinField(prefix: string, path: string): string {
  if (!path || path === '(root)') return prefix;
  if (!prefix) return path;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** Builds a Failure from issues: the message names the first problem and how many there are. */
export function failureFromIssues(what: string, issues: readonly InputIssue[], prefix = ''): Failure {
  const named = issues.map((i) => ({ path: joinField(prefix, i.path), message: i.message }));
  const first = named[0];
  const more = named.length > 1 ? ` (and ${named.length - 1} more problem${named.length > 2 ? 's' : ''})` : '';
  const message = first ? `${what}: ${first.path ? `${first.path} ` : ''}${first.message}${more}` : `${what} is invalid`;
  return new Failure(message, first?.path || undefined, named);
}

/**
 * Parses a program-shaped argument with an engine schema; on failure throws a Failure whose
 * field and issues name the path under `field` (`trigger.rules.all[0].op`).
 */
export function parseArg<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw failureFromIssues(`${field} is invalid`, zodIssues(r.error), field);
}

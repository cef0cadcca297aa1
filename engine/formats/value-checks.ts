/**
 * Checks on a decoded JSON value before any schema sees it: keys that name JavaScript's object
 * machinery (`__proto__`, `constructor`, `prototype`), which a record would silently drop or
 * mis-read, and strings holding a lone UTF-16 surrogate (a `\ud800` escape), which is not text
 * and would be stored as U+FFFD. Both are refused naming their JSON path.
 */
import { formatPath, type InputIssue } from './issues';
import { isWellFormed } from './text';

const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Enough to show the pattern; a file with thousands of such places gets the first ones. */
const MAX_ISSUES = 50;

function badKey(k: string): boolean {
  return RESERVED_KEYS.has(k) || !isWellFormed(k);
}

/** Whether the value holds any reserved key or lone surrogate (no paths: one cheap pass). */
function anyHostile(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!isWellFormed(v)) return true;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (badKey(k)) return true;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return false;
}

/**
 * Every reserved key and lone surrogate in `value`, each with its JSON path. `text`, the JSON
 * the value came from, lets the common file skip the walk: without a `\u` escape, an ill-formed
 * character or one of the reserved words in the text, the value cannot hold either.
 */
export function hostileValueIssues(value: unknown, text?: string): InputIssue[] {
  if (text !== undefined && isWellFormed(text) && !text.includes('\\u') && ![...RESERVED_KEYS].some((k) => text.includes(k))) return [];
  if (!anyHostile(value)) return [];
  const issues: InputIssue[] = [];
  const stack: [unknown, PropertyKey[]][] = [[value, []]];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const [v, path] = stack.pop() as [unknown, PropertyKey[]];
    if (typeof v === 'string') {
      if (!isWellFormed(v)) issues.push({ path: formatPath(path), message: 'holds a lone UTF-16 surrogate (an unpaired \\uD800–\\uDFFF escape), which is not text' });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        if (RESERVED_KEYS.has(k)) issues.push({ path: formatPath([...path, k]), message: `"${k}" cannot be a key: it names JavaScript's object machinery` });
        else if (!isWellFormed(k)) issues.push({ path: formatPath(path), message: `the key ${JSON.stringify(k)} holds a lone UTF-16 surrogate (an unpaired \\uD800–\\uDFFF escape), which is not text` });
        else stack.push([(v as Record<string, unknown>)[k], [...path, k]]);
      }
    }
  }
  return issues;
}

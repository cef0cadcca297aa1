/**
 * Test helpers for the importers: inline files and error capture. (Reading the fixture folders
 * stays in the test files: only they may touch the file system.)
 */
import { InputError } from '../formats/issues';
import type { ImportFile } from './input';

/** A file holding `value` as JSON (or, for `.jsonl`, one line per array element). */
export function file(name: string, value: unknown): ImportFile {
  if (/\.jsonl$/.test(name) && Array.isArray(value)) return { name, text: value.map((v) => JSON.stringify(v)).join('\n') + '\n' };
  return { name, text: JSON.stringify(value) };
}

/** The InputError `fn` throws, as `file: path: message` lines (fails the test when none). */
export function inputErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.issues.map((i) => `${e.file}: ${i.path}: ${i.message}`).join('\n');
    throw e;
  }
  throw new Error('expected an InputError, none was thrown');
}

/** Epoch milliseconds of an ISO instant. */
export const ms = (iso: string): number => Date.parse(iso);

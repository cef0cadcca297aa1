/** Shared by the data-file tests: a temporary data folder, a file's hash, and the refusal a call throws. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { dbFile } from './db';
import { DataFileError } from './safe-open';

export const hash = (f: string): string => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** The DataFileError `fn` throws (any other outcome fails the test). */
export function refusal(fn: () => unknown): DataFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataFileError) return e;
    throw e;
  }
  throw new Error('expected a DataFileError');
}

/** A fresh data folder per test: `folder().dir` and `folder().file` (its data file path). */
export function tempDataFolder(prefix: string): () => { dir: string; file: string } {
  let current = { dir: '', file: '' };
  beforeEach(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    current = { dir, file: dbFile(dir) };
  });
  afterEach(() => fs.rmSync(current.dir, { recursive: true, force: true }));
  return () => current;
}

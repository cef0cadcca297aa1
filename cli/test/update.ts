/**
 * `offerflow test --update`: writes a run's results as a set's expectations, like a snapshot
 * update. A set is written only when it is in a clean state:
 *  - its file (and a CSV set's expectations file) has not changed since the run read it —
 *    always required, `--force` or not, since writing would lose that edit;
 *  - inside a git work tree, git shows no uncommitted change to it (modified, staged or
 *    untracked): the committed version is then the way back. `--force` waives this one.
 * Writes are atomic (a temporary sibling renamed over the file).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Expectations } from '../../engine/formats/events-schema';
import { expectationsPathOf } from './discover';
import type { SetResult } from './run-set';

/** Size and modification time of a file, or null when it does not exist. */
export type Stamp = string | null;

export function stampOf(path: string): Stamp {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

/** The files an update of `file` writes: the set itself, or a CSV set's expectations file. */
export function targetOf(file: string): string {
  return /\.csv$/i.test(file) ? expectationsPathOf(file) : file;
}

/** Uncommitted changes git reports for `files` (empty outside a work tree or without git). */
function gitChanges(files: readonly string[]): string[] {
  const present = files.filter((f) => existsSync(f));
  if (present.length === 0) return [];
  const r = spawnSync('git', ['status', '--porcelain', '--', ...present.map((f) => basename(f))], { cwd: dirname(present[0] as string), encoding: 'utf8' });
  if (r.status !== 0 || r.error) return [];
  return r.stdout.split('\n').filter((l) => l.trim() !== '');
}

export interface UpdateDeps {
  readText(path: string): string;
  writeAtomic(path: string, produce: (write: (chunk: string) => void) => void): void;
}

/** The set's text with `expect` replaced (JSON: the whole file re-indented; JSON Lines: the header line only). */
function withExpectations(file: string, text: string, expect: Expectations): string {
  if (/\.(jsonl|ndjson)$/i.test(file)) {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.trim() !== '');
    const cr = (lines[at] as string).endsWith('\r') ? '\r' : '';
    const header = JSON.parse((lines[at] as string).replace(/^\uFEFF/, '')) as Record<string, unknown>;
    lines[at] = `${JSON.stringify({ ...header, expect })}${cr}`;
    return lines.join('\n');
  }
  const raw = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  raw.expect = expect;
  return `${JSON.stringify(raw, null, 2)}\n`;
}

/**
 * Writes `r.current` as the set's expectations if the set is clean (see above). Returns what
 * was written, or why not.
 */
export function updateSet(r: SetResult, stamps: ReadonlyMap<string, Stamp>, force: boolean, deps: UpdateDeps): { wrote: string } | { refused: string } {
  if (!r.current) return { refused: 'it could not be run' };
  const target = targetOf(r.file);
  for (const f of new Set([r.file, target])) {
    if (stamps.has(f) && stamps.get(f) !== stampOf(f)) return { refused: `${f} changed while the tests ran; run them again` };
  }
  const changes = gitChanges([...new Set([r.file, target])]);
  if (changes.length && !force) return { refused: `git shows uncommitted changes (${changes.map((c) => c.trim()).join('; ')}): commit them first, or pass --force` };
  const text = target === r.file ? withExpectations(r.file, deps.readText(r.file), r.current) : `${JSON.stringify(r.current, null, 2)}\n`;
  deps.writeAtomic(target, (write) => write(text));
  return { wrote: target };
}

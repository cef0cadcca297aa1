/**
 * Which files `offerflow test` treats as programs and as event sets (docs/formats.md, "Test
 * folders"). Inside a folder, walked recursively in byte order of names, an event set is a
 * file named `*.events.json`, `*.events.jsonl`, `*.events.ndjson` or `*.events.csv` (any case);
 * a file named on the command line is an event set whatever its name. A CSV set's expectations
 * live beside it: `orders.events.csv` → `orders.expect.json`.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../engine/formats/issues';

const SET_NAME = /\.events\.(json|jsonl|ndjson|csv)$/i;
const PROGRAM_NAME = /\.program\.json$/i;
/** Folders never walked: dependencies and version control would only slow the search. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** One program and the event-set paths it is tested against. */
export interface TestGroup {
  programs: string[];
  paths: string[];
}

/**
 * Splits the positional arguments into groups: a run of programs, then the paths they are
 * tested against. The first argument is always a program; a later one is a program when its
 * name ends in `.program.json`. `a.program.json sets-a/ b.program.json sets-b/` tests each
 * program on its own sets; `a.program.json b.program.json sets/` tests both on `sets/`.
 */
export function groupArguments(args: readonly string[]): TestGroup[] {
  const groups: TestGroup[] = [];
  let current: TestGroup | null = null;
  args.forEach((arg, i) => {
    const isProgram = i === 0 || PROGRAM_NAME.test(arg);
    if (isProgram) {
      if (!current || current.paths.length > 0) groups.push((current = { programs: [], paths: [] }));
      current.programs.push(arg);
    } else (current as TestGroup).paths.push(arg);
  });
  return groups;
}

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) walk(p, out);
    } else if (e.isFile() && SET_NAME.test(e.name)) out.push(p);
  }
}

/**
 * Every event set under `paths`, once each, in argument order (folders sorted inside).
 * Throws `InputError` for a path that does not exist or a folder holding no event set.
 */
export function findEventSets(paths: readonly string[]): string[] {
  const found: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new InputError(path, [{ path: '', message: 'no such file or folder' }]);
    }
    if (!isDir) {
      found.push(path);
      continue;
    }
    const before = found.length;
    walk(path, found);
    if (found.length === before) {
      throw new InputError(path, [{ path: '', message: 'holds no event set (files named *.events.json, *.events.jsonl, *.events.ndjson or *.events.csv)' }]);
    }
  }
  return [...new Set(found)];
}

/** The expectations file of a CSV event set: `x.events.csv` or `x.csv` → `x.expect.json`. */
export function expectationsPathOf(csvPath: string): string {
  const stem = basename(csvPath).replace(/\.csv$/i, '').replace(/\.events$/i, '');
  return join(dirname(csvPath), `${stem}.expect.json`);
}

/**
 * `offerflow test <program.json>… <folder-or-file>… [--junit out.xml] [--reporter pretty|json|junit]
 * [--filter NAME] [--update [--force]] [--as-of <instant>] [--watch]` (docs/cli.md): runs every
 * event set found under the paths against each program, prints one line per set and a
 * summary, and exits 0 when all pass, 1 when an expectation failed, 2 on invalid input.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../../engine/formats/issues';
import type { EventSet } from '../../engine/formats/events-schema';
import type { Program } from '../../engine/formats/program-schema';
import { findEventSets, groupArguments, type TestGroup } from './discover';
import { renderJunit } from './junit';
import { countsOf, exitCodeOf, renderJson, renderPretty, shownPath, summaryLine, type SuiteResult, type TestRun } from './results';
import { issueLines, loadSet, runSet, type SetResult } from './run-set';
import { stampOf, targetOf, updateSet, type Stamp } from './update';
import { watchPaths } from './watch';

/** The CLI's output streams (main.ts's `Io`). */
export interface TestIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** What main.ts lends the command, so that its size limits, atomic writes and errors apply here too. */
export interface TestDeps {
  parseArgs(argv: readonly string[], valued: readonly string[], booleans: readonly string[]): Parsed;
  loadProgram(path: string): { program: Program; warnings: string[] };
  readText(path: string): string;
  writeAtomic(path: string, produce: (write: (chunk: string) => void) => void): void;
  usageError(message: string): Error;
}

export const TEST_VALUED_FLAGS = ['junit', 'reporter', 'filter', 'as-of'] as const;
export const TEST_BOOLEAN_FLAGS = ['update', 'force', 'watch'] as const;
const REPORTERS = ['pretty', 'json', 'junit'] as const;
type Reporter = (typeof REPORTERS)[number];

interface Options {
  groups: TestGroup[];
  junit?: string;
  reporter: Reporter;
  filter?: string;
  asOf?: string;
  update: boolean;
  force: boolean;
  watch: boolean;
}

/** Arguments as main.ts's parser returns them. */
export interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

function optionsOf(args: Parsed, deps: TestDeps): Options {
  if (args.positional.length < 2) throw deps.usageError('test takes a program file and at least one event-set folder or file');
  const groups = groupArguments(args.positional);
  const last = groups[groups.length - 1] as TestGroup;
  if (last.paths.length === 0) throw deps.usageError(`no event-set folder or file follows ${last.programs.join(', ')}`);
  const str = (k: string): string | undefined => {
    const v = args.flags.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const reporter = str('reporter') ?? 'pretty';
  if (!(REPORTERS as readonly string[]).includes(reporter)) throw deps.usageError(`--reporter must be one of ${REPORTERS.join(', ')}, not "${reporter}"`);
  if (args.flags.has('force') && !args.flags.has('update')) throw deps.usageError('--force only goes with --update');
  const junit = str('junit');
  const filter = str('filter');
  const asOf = str('as-of');
  return {
    groups,
    reporter: reporter as Reporter,
    update: args.flags.has('update'),
    force: args.flags.has('force'),
    watch: args.flags.has('watch'),
    ...(junit !== undefined ? { junit } : {}),
    ...(filter !== undefined ? { filter: filter.toLowerCase() } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
  };
}

/** The sets of a group that pass `--filter` (on the shown path, else on the set's name). */
function selectSets(files: readonly string[], opts: Options, deps: TestDeps): { file: string; set?: EventSet }[] {
  const filter = opts.filter;
  if (filter === undefined) return files.map((file) => ({ file }));
  const out: { file: string; set?: EventSet }[] = [];
  for (const file of files) {
    if (shownPath(file).toLowerCase().includes(filter)) out.push({ file });
    else {
      let set: EventSet;
      try {
        set = loadSet(deps, file);
      } catch (e) {
        if (e instanceof InputError) continue; // an unreadable set has no name to match
        throw e;
      }
      if (set.name.toLowerCase().includes(filter)) out.push({ file, set });
    }
  }
  return out;
}

function runGroup(group: TestGroup, opts: Options, deps: TestDeps, io: TestIo): SuiteResult[] {
  const pathIssues: string[] = [];
  const files: string[] = [];
  for (const p of group.paths) {
    try {
      files.push(...findEventSets([p]).filter((f) => !files.includes(f)));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      pathIssues.push(...issueLines(e));
    }
  }
  const selected = selectSets(files, opts, deps);
  if (opts.filter !== undefined && files.length > 0 && selected.length === 0) pathIssues.push(`--filter: no event set under ${group.paths.join(', ')} matches "${opts.filter}"`);
  return group.programs.map((programFile) => {
    const started = performance.now();
    let program: Program;
    try {
      const loaded = deps.loadProgram(programFile);
      for (const w of loaded.warnings) io.err(`${w}\n`);
      program = loaded.program;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return { program: programFile, name: '', ms: performance.now() - started, issues: [...issueLines(e), ...pathIssues], sets: [] };
    }
    const sets = selected.map(({ file, set }) => runSet(deps, program, file, { ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}) }, set));
    return { program: programFile, name: program.name, ms: performance.now() - started, issues: pathIssues, sets };
  });
}

function applyUpdates(run: TestRun, stamps: ReadonlyMap<string, Stamp>, opts: Options, deps: TestDeps): void {
  const done = new Map<string, string>();
  for (const suite of run.suites) {
    for (const r of suite.sets) {
      if (r.status === 'invalid' || (r.status === 'passed' && r.hasExpectations)) continue;
      // A set tested against several programs gets one program's results: the first's.
      const earlier = done.get(r.file);
      const outcome = earlier !== undefined ? { refused: earlier } : updateSet(r, stamps, opts.force, deps);
      if ('wrote' in outcome) {
        done.set(r.file, `already updated from ${shownPath(suite.program)}`);
        markUpdated(r, `expectations updated: ${shownPath(outcome.wrote)}`);
      } else r.issues.push(`not updated: ${outcome.refused}`);
    }
  }
}

function markUpdated(r: SetResult, note: string): void {
  r.status = 'passed';
  r.hasExpectations = true;
  r.failures = [];
  r.diff = [note];
  r.reason = null;
}

/** Runs the tests once and returns the results (nothing printed). */
export function runTests(opts: Options, deps: TestDeps, io: TestIo): TestRun {
  const started = new Date();
  const t0 = performance.now();
  const stamps = new Map<string, Stamp>();
  if (opts.update) {
    // Taken before anything is read, so a change during the run is seen as one.
    for (const g of opts.groups) {
      for (const p of g.paths) {
        try {
          for (const f of findEventSets([p])) for (const x of [f, targetOf(f)]) stamps.set(x, stampOf(x));
        } catch {
          /* reported by the run itself */
        }
      }
    }
  }
  const suites = opts.groups.flatMap((g) => runGroup(g, opts, deps, io));
  const run: TestRun = { started, ms: performance.now() - t0, suites };
  if (opts.update) applyUpdates(run, stamps, opts, deps);
  return run;
}

function report(run: TestRun, opts: Options, deps: TestDeps, io: TestIo): number {
  if (opts.junit !== undefined) {
    // CI jobs name a report folder that does not exist yet; test runners create it.
    try {
      mkdirSync(dirname(opts.junit), { recursive: true });
    } catch (e) {
      throw new InputError(opts.junit, [{ path: '', message: `cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})` }]);
    }
    deps.writeAtomic(opts.junit, (write) => write(renderJunit(run)));
  }
  if (opts.reporter === 'pretty') io.out(renderPretty(run));
  else {
    io.out(opts.reporter === 'json' ? renderJson(run) : renderJunit(run));
    io.err(`${summaryLine(run)}\n`);
  }
  return exitCodeOf(countsOf(run));
}

/** `offerflow test`; with `--watch` it returns the first run's exit code and keeps watching. */
export function cmdTest(argv: readonly string[], io: TestIo, deps: TestDeps): number {
  const opts = optionsOf(deps.parseArgs(argv, TEST_VALUED_FLAGS, TEST_BOOLEAN_FLAGS), deps);
  const code = report(runTests(opts, deps, io), opts, deps, io);
  if (!opts.watch) return code;
  const paths = opts.groups.flatMap((g) => [...g.programs, ...g.paths]);
  watchPaths(paths, () => {
    try {
      io.out('\n');
      report(runTests({ ...opts, update: false }, deps, io), opts, deps, io);
    } catch (e) {
      io.err(`offerflow: ${e instanceof InputError ? issueLines(e).join('\n') : e instanceof Error ? e.message : String(e)}\n`);
    }
  });
  io.err('watching for changes (Ctrl-C to stop)\n');
  return code;
}

/**
 * `offerflow validate | replay | visibility | compare | import | test` (docs/cli.md). Exit codes: 0 success (and
 * expectations passed), 1 expectations failed, 2 invalid input (the message names the file and
 * the path), 3 internal error. User errors never print a stack trace.
 */
import { basename } from 'node:path';
import { InputError } from '../engine/formats/issues';
import { isJsonLinesPath } from '../engine/formats/events-jsonl';
import { decodeUtf8 } from '../engine/formats/text';
import { parseProgramText, readEventSetText } from '../engine/formats/read';
import type { Program } from '../engine/formats/program-schema';
import { writeReport } from '../engine/formats/report-write';
import { replayToLedger } from '../engine/replay/replay';
import { lintProgram } from '../engine/lint';
import { blockingIssues, validateProgram } from '../engine/validate';
import { visibility } from '../engine/visibility';
import { MAX_INPUT_BYTES, readInput, writeAtomic } from './files';
import { fileChunks, replayJsonlStreamed, type ReadChunks } from './replay-stream';
import { summarize } from './summary';
import { cmdTest, type TestDeps } from './test/command';
import { cmdCompare, type CompareDeps } from './compare/command';
import { cmdImport, type ImportDeps } from './import/command';

export const EXIT = { ok: 0, expectations: 1, input: 2, internal: 3 } as const;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /**
   * A whole input file: its bytes (decoded here as strict UTF-8), or text already decoded (tests).
   * The default reads any kind of file with its size bounded as it reads (`readInput`).
   */
  readFile: (path: string) => Uint8Array | string;
  /** Reads a file in pieces (the streamed JSON Lines replay); false when it cannot (then `readFile`). */
  readChunks?: ReadChunks;
}

const nodeIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => readInput(p),
  readChunks: fileChunks(MAX_INPUT_BYTES),
};

const USAGE = `usage:
  offerflow validate <program.json>…
  offerflow replay <program.json> <events.json|events.csv> [--out report.json] [--trace] [--as-of <instant>]
  offerflow visibility <program.json> [--partner <key>]
  offerflow compare <a.program.json> <b.program.json> <events> [--out diff.json] [--max-increase 5%]
  offerflow import partnerstack <input>… --out events.json --program program.json [--report report.json] [--include-test] [--qualified-statuses <s,…>] [--closed-statuses <s,…>]
  offerflow import stripe <input>… --out events.json [--report report.json] [--include-test] [--transactions charges|invoices] [--partners-from <partnerstack input>]
  offerflow test <program.json>… <folder|events-file>… [--junit out.xml] [--reporter pretty|json|junit] [--filter NAME] [--update [--force]] [--as-of <instant>] [--watch]
`;

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: readonly string[], valued: readonly string[], booleans: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (booleans.includes(name)) flags.set(name, true);
    else if (valued.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, v);
    } else throw new UsageError(`unknown option --${name}`);
  }
  return { positional, flags };
}

export { MAX_INPUT_BYTES };

/** An input file as text: its bytes must be UTF-8 (an `InputError` names the first bad byte). */
function readText(io: Io, path: string): string {
  const data = io.readFile(path);
  return typeof data === 'string' ? data : decodeUtf8(data, path);
}

function loadProgram(io: Io, path: string): { program: Program; warnings: string[] } {
  const program = parseProgramText(readText(io, path), path);
  const issues = validateProgram(program);
  const blocking = blockingIssues(program, issues);
  if (blocking.length) throw new InputError(path, blocking.map((i) => ({ path: i.path, message: i.message })));
  const warnings = issues.filter((i) => !blocking.includes(i)).map((i) => `${path}: ${i.path}: ${i.severity === 'error' ? 'error (draft)' : 'warning'}: ${i.message}`);
  return { program, warnings };
}

function printInputError(e: InputError, io: Io): void {
  for (const i of e.issues) io.err(`offerflow: ${e.file}${i.path ? `: ${i.path}` : ''}: ${i.message}\n`);
}

/** Validates each program in turn (an invalid one does not stop the others); 2 if any is invalid. */
function cmdValidate(args: Parsed, io: Io): number {
  if (args.positional.length === 0) throw new UsageError('validate takes one or more program files');
  let code: number = EXIT.ok;
  for (const file of args.positional) {
    try {
      const { program, warnings } = loadProgram(io, file);
      for (const w of warnings) io.err(`${w}\n`);
      // Lint findings are warnings too (never a failing exit); printed after validation's own.
      for (const l of lintProgram(program)) io.err(`${file}: ${l.path}: warning (lint): ${l.message}\n`);
      io.out(`${file}: valid — ${program.triggers.length} triggers, ${program.partners.length} partners, ${warnings.length} warnings\n`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      printInputError(e, io);
      code = EXIT.input;
    }
  }
  return code;
}

function cmdReplay(args: Parsed, io: Io): number {
  const [programFile, eventsFile] = args.positional;
  if (!programFile || !eventsFile || args.positional.length > 2) throw new UsageError('replay takes a program file and an event-set file');
  const { program, warnings } = loadProgram(io, programFile);
  for (const w of warnings) io.err(`${w}\n`);
  const asOf = args.flags.get('as-of');
  const out = args.flags.get('out');
  if (io.readChunks && isJsonLinesPath(eventsFile)) {
    const options = { trace: args.flags.has('trace'), ...(typeof asOf === 'string' ? { asOf } : {}) };
    const streamed = replayJsonlStreamed(program, eventsFile, io.readChunks, options, (produce) => (typeof out === 'string' ? writeAtomic(out, (write) => produce(write, write)) : produce(io.out)));
    if (streamed) {
      io.err(`${summarize(streamed.report, basename(eventsFile), streamed)}\n`);
      return streamed.report.expectations.passed ? EXIT.ok : EXIT.expectations;
    }
  }
  const { set: events, instants } = readEventSetText(readText(io, eventsFile), eventsFile);
  let result;
  try {
    result = replayToLedger(program, events, { trace: args.flags.has('trace'), ...(typeof asOf === 'string' ? { asOf } : {}), ...(instants ? { instants } : {}) });
  } catch (e) {
    if (e instanceof RangeError && typeof asOf === 'string') throw new InputError('--as-of', [{ path: '', message: e.message }]);
    throw e;
  }
  const { report, ledger } = result;
  // To a file, the rows go as bytes through one reused buffer (written before it is reused).
  if (typeof out === 'string') writeAtomic(out, (write) => writeReport(report, ledger, write, write));
  else writeReport(report, ledger, io.out);
  io.err(`${summarize(report, basename(eventsFile), { count: ledger.length, cents: ledger.totalUsd() })}\n`);
  return report.expectations.passed ? EXIT.ok : EXIT.expectations;
}

function cmdVisibility(args: Parsed, io: Io): number {
  const [file] = args.positional;
  if (!file || args.positional.length > 1) throw new UsageError('visibility takes one program file');
  const { program } = loadProgram(io, file);
  const partner = args.flags.get('partner');
  if (typeof partner === 'string' && !program.partners.some((p) => p.key === partner)) {
    throw new InputError(file, [{ path: 'partners', message: `no sample partner has key "${partner}"` }]);
  }
  io.out(`${JSON.stringify(visibility(program, typeof partner === 'string' ? { partner } : {}), null, 2)}\n`);
  return EXIT.ok;
}

/** What main.ts lends the commands that live in their own modules (`test`, `compare`). */
function commandDeps(io: Io): TestDeps & CompareDeps & ImportDeps {
  return {
    parseArgs,
    loadProgram: (p) => loadProgram(io, p),
    readText: (p) => readText(io, p),
    writeAtomic,
    usageError: (m) => new UsageError(m),
  };
}

/** Runs the CLI; returns the exit code. */
export function run(argv: readonly string[], io: Io = nodeIo): number {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'validate':
        return cmdValidate(parseArgs(rest, [], []), io);
      case 'replay':
        return cmdReplay(parseArgs(rest, ['out', 'as-of'], ['trace']), io);
      case 'visibility':
        return cmdVisibility(parseArgs(rest, ['partner'], []), io);
      case 'test':
        return cmdTest(rest, io, commandDeps(io));
      case 'compare':
        return cmdCompare(rest, io, commandDeps(io));
      case 'import':
        return cmdImport(rest, io, commandDeps(io));
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return EXIT.ok;
      default:
        throw new UsageError(cmd ? `unknown command "${cmd}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof InputError) {
      printInputError(e, io);
      return EXIT.input;
    }
    if (e instanceof UsageError) {
      io.err(`offerflow: ${e.message}\n${USAGE}`);
      return EXIT.input;
    }
    io.err(`offerflow: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.OFFERFLOW_DEBUG && e instanceof Error) io.err(`${e.stack ?? ''}\n`);
    return EXIT.internal;
  }
}

/**
 * `offerflow import partnerstack|stripe <input>… --out events.json …` (docs/cli.md, IMPORTS.md
 * "Command line"). Inputs are files or folders (their files, not recursive). Everything is read
 * and mapped before anything is written, so invalid input (exit 2, naming the file and the JSON
 * path or line) leaves no output behind; each output is then written atomically.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/formats/issues';
import type { ImportFile } from '../../engine/imports/input';
import { importPartnerStack } from '../../engine/imports/partnerstack';
import { summaryLine, type ImportReport } from '../../engine/imports/report';
import { importStripe } from '../../engine/imports/stripe';
import { fileErrorMessage } from '../files';

/** What main.ts lends the command (its bounded, UTF-8-checked reads and atomic writes). */
export interface ImportDeps {
  parseArgs(argv: readonly string[], valued: readonly string[], booleans: readonly string[]): { positional: string[]; flags: Map<string, string | true> };
  readText(path: string): string;
  writeAtomic(path: string, produce: (write: (chunk: string) => void) => void): void;
  usageError(message: string): Error;
}

export const IMPORT_FLAGS = {
  partnerstack: { valued: ['out', 'program', 'report', 'qualified-statuses', 'closed-statuses'], booleans: ['include-test'] },
  stripe: { valued: ['out', 'report', 'transactions', 'partners-from'], booleans: ['include-test'] },
} as const;

/** The files of the inputs: a file itself, a folder's files (sorted, not recursive, no dot-files). */
export function inputFiles(paths: readonly string[], readText: (p: string) => string): ImportFile[] {
  const out: ImportFile[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      throw new InputError(p, [{ path: '', message: fileErrorMessage(e) }]);
    }
    const names = isDir ? readdirSync(p).filter((n) => !n.startsWith('.') && statSync(join(p, n)).isFile()).sort().map((n) => join(p, n)) : [p];
    if (isDir && names.length === 0) throw new InputError(p, [{ path: '', message: 'is an empty folder' }]);
    for (const name of names) out.push({ name, text: readText(name) });
  }
  return out;
}

const list = (v: string | true | undefined): string[] | undefined => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : undefined);

function printReport(report: ImportReport, io: { err: (t: string) => void }): void {
  io.err(`${summaryLine(report)}\n`);
  for (const w of report.warnings) io.err(`  warning: ${w}\n`);
  if (report.currencies.some((c) => c !== 'USD')) io.err(`  currencies written: ${report.currencies.join(', ')} (add an fxRates entry for each non-USD one)\n`);
}

/** Runs `offerflow import`; returns the exit code. */
export function cmdImport(argv: readonly string[], io: { out: (t: string) => void; err: (t: string) => void }, deps: ImportDeps): number {
  const [source, ...rest] = argv;
  if (source !== 'partnerstack' && source !== 'stripe') throw deps.usageError(source ? `unknown import source "${source}" (partnerstack or stripe)` : 'import takes a source: partnerstack or stripe');
  const args = deps.parseArgs(rest, IMPORT_FLAGS[source].valued, IMPORT_FLAGS[source].booleans);
  const out = args.flags.get('out');
  if (args.positional.length === 0) throw deps.usageError(`import ${source} takes one or more input files or folders`);
  if (typeof out !== 'string') throw deps.usageError(`import ${source} needs --out events.json`);
  const includeTest = args.flags.has('include-test');
  const reportPath = args.flags.get('report');
  const read = (paths: readonly string[]): ImportFile[] => inputFiles(paths, (p) => deps.readText(p));
  const writes: [string, string][] = [];
  let report: ImportReport;
  if (source === 'partnerstack') {
    const program = args.flags.get('program');
    if (typeof program !== 'string') throw deps.usageError('import partnerstack needs --program program.json (the skeleton is written there)');
    const qualified = list(args.flags.get('qualified-statuses'));
    const closed = list(args.flags.get('closed-statuses'));
    const r = importPartnerStack(read(args.positional), { includeTest, ...(qualified ? { qualifiedStatuses: qualified } : {}), ...(closed ? { closedStatuses: closed } : {}) });
    writes.push([out, r.eventsText], [program, r.programText]);
    report = r.report;
  } else {
    const mode = args.flags.get('transactions') ?? 'charges';
    if (mode !== 'charges' && mode !== 'invoices') throw new InputError('--transactions', [{ path: '', message: `must be charges or invoices, not "${String(mode)}"` }]);
    const partnersFrom = args.flags.get('partners-from');
    const r = importStripe(read(args.positional), { includeTest, transactions: mode, ...(typeof partnersFrom === 'string' ? { partnersFrom: read([partnersFrom]) } : {}) });
    writes.push([out, r.eventsText]);
    report = r.report;
  }
  if (typeof reportPath === 'string') writes.push([reportPath, `${JSON.stringify(report, null, 2)}\n`]);
  for (const [path, text] of writes) deps.writeAtomic(path, (write) => write(text));
  printReport(report, io);
  return 0;
}

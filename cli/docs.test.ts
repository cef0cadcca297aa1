/**
 * Keeps docs/cli.md and docs/formats.md true: every flag the CLI guide names is one the CLI's
 * parser takes (asked by running the CLI), every key the formats guide names exists in the
 * zod schemas or in what the CLI really writes, and the other way round.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, parseEventsCsv } from '../engine/formats/events-csv';
import { parseEventsJsonl } from '../engine/formats/events-jsonl';
import { EventSetSchema, ExpectSchema } from '../engine/formats/events-schema';
import { ProgramSchema } from '../engine/formats/program-schema';
import { parseEventSet, parseProgram } from '../engine/formats/read';
import { SKIP_REASONS } from '../engine/imports/report';
import { EXIT } from './main';
import { capture, qaFolder } from './test/fixtures';

const ROOT = join(__dirname, '..');
const CLI_MD = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');
const FORMATS_MD = readFileSync(join(ROOT, 'docs/formats.md'), 'utf8');

/** `## \`offerflow <command> …\`` sections, each with the `--flags` of its option table. */
function documentedCommands(): Map<string, { flag: string; valued: boolean }[]> {
  const out = new Map<string, { flag: string; valued: boolean }[]>();
  for (const section of CLI_MD.split(/^## /m).slice(1)) {
    const cmd = /^`offerflow (\w+)/.exec(section)?.[1];
    if (!cmd) continue;
    const flags = [...section.matchAll(/^\| `--([a-z-]+)( [^`]+)?`/gm)].map((m) => ({ flag: m[1] as string, valued: m[2] !== undefined }));
    out.set(cmd, flags);
  }
  return out;
}

describe('docs/cli.md', () => {
  const commands = documentedCommands();

  it('documents every command the CLI has, and names none it lacks', () => {
    const help = capture(['--help']).out;
    // `import` has one usage line per source.
    const inHelp = [...new Set([...help.matchAll(/^ {2}offerflow (\w+)/gm)].map((m) => m[1]))];
    expect([...commands.keys()].filter((c) => c !== 'help').sort()).toEqual([...inHelp].sort());
    for (const cmd of commands.keys()) expect(capture([cmd]).err).not.toContain('unknown command');
    expect(capture(['frobnicate']).err).toContain('unknown command');
  });

  it('names only flags the parser takes, valued or not as documented', () => {
    expect(capture(['replay', '--no-such-flag']).err).toContain('unknown option --no-such-flag');
    let checked = 0;
    for (const [cmd, flags] of commands) {
      // `import` takes its source first; a flag documented there must be taken by one of them.
      const prefixes = cmd === 'import' ? [['import', 'partnerstack'], ['import', 'stripe']] : [[cmd]];
      for (const { flag, valued } of flags) {
        const errs = prefixes.map((p) => capture([...p, `--${flag}`]).err).filter((e) => !e.includes(`unknown option --${flag}`));
        expect(errs.length, `${cmd} --${flag}`).toBeGreaterThan(0);
        const err = errs.join('\n');
        if (valued) expect(err, `${cmd} --${flag} takes a value`).toContain(`--${flag} needs a value`);
        else expect(err, `${cmd} --${flag} takes no value`).not.toContain('needs a value');
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(11);
  });

  it('documents every flag of the usage text under its command', () => {
    const help = capture(['--help']).out;
    for (const line of help.split('\n')) {
      const cmd = /^ {2}offerflow (\w+)/.exec(line)?.[1];
      if (!cmd) continue;
      const documented = (commands.get(cmd) ?? []).map((f) => f.flag);
      for (const m of line.matchAll(/--([a-z-]+)/g)) expect(documented, `${cmd} --${m[1]}`).toContain(m[1]);
    }
  });

  it('lists the exit codes the CLI uses', () => {
    const codes = [...CLI_MD.matchAll(/^\| (\d) \|/gm)].map((m) => Number(m[1]));
    expect(codes).toEqual(Object.values(EXIT));
  });
});

/** The chunks of formats.md: text up to each `<!-- keys: NAME -->` marker and the table after it. */
function formatChunks(): Map<string, { table: string[]; blocks: { lang: string; text: string }[] }> {
  const out = new Map<string, { table: string[]; blocks: { lang: string; text: string }[] }>();
  const parts = FORMATS_MD.split(/<!-- keys: ([a-z-]+) -->/);
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const before = parts[i - 1] as string;
    const after = parts[i + 1] as string;
    const tableText = after.trim().split(/\n\n/)[0] ?? '';
    const table = tableText
      .split('\n')
      .slice(2)
      .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1] as string));
    // The examples between the previous table and this one belong to this one.
    const blocks = [...before.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1] as string, text: m[2] as string }));
    out.set(name, { table, blocks });
  }
  return out;
}

/** Every object key a zod schema accepts, anywhere inside it (record keys are data, not keys). */
function zodKeys(schema: z.ZodType, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const walk = (s: unknown): void => void zodKeys(s as z.ZodType, out, seen);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        out.add(k);
        walk(v);
      }
      break;
    case 'array':
      walk(def.element);
      break;
    case 'union':
      (def.options as unknown[]).forEach(walk);
      break;
    case 'pipe':
      walk(def.in);
      walk(def.out);
      break;
    case 'record':
      walk(def.valueType);
      break;
    case 'lazy':
      walk((def.getter as () => unknown)());
      break;
    default:
      if (def.innerType) walk(def.innerType);
  }
  return out;
}

/** Every object key in a JSON value. */
function valueKeys(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) valueKeys(x, out);
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      valueKeys(x, out);
    }
  }
  return out;
}

/** The real outputs of the CLI for the output formats: rich runs, with failures, traces and cascades. */
function realOutputs(): Record<string, Set<string>> {
  const dir = mkdtempSync(join(tmpdir(), 'offerflow-docs-'));
  const samples = join(ROOT, 'resources/samples');
  const demo = JSON.parse(readFileSync(join(samples, 'demo.events.json'), 'utf8')) as Record<string, unknown>;
  demo.expect = { rewards: [{ partnerKey: 'nobody' }] };
  writeFileSync(join(dir, 'demo.events.json'), JSON.stringify(demo));
  const report = capture(['replay', join(samples, 'demo.program.json'), join(dir, 'demo.events.json'), '--trace']);
  expect(report.code).toBe(1);
  const visibility = capture(['visibility', join(samples, 'demo.program.json')]);
  const qa = qaFolder();
  const testReport = capture(['test', join(qa.dir, 'seed.program.json'), qa.sets, '--reporter', 'json']);
  return { report: valueKeys(JSON.parse(report.out)), visibility: valueKeys(JSON.parse(visibility.out)), 'test-report': valueKeys(JSON.parse(testReport.out)) };
}

describe('docs/formats.md', () => {
  const chunks = formatChunks();
  const chunk = (name: string): { table: string[]; blocks: { lang: string; text: string }[] } => {
    const c = chunks.get(name);
    if (!c) throw new Error(`docs/formats.md has no <!-- keys: ${name} --> table`);
    return c;
  };

  it('has a key table for every format', () => {
    expect([...chunks.keys()]).toEqual(['program', 'events', 'csv', 'expect', 'report', 'visibility', 'test-report', 'import-report']);
    for (const [name, c] of chunks) expect(c.table.length, name).toBeGreaterThan(3);
  });

  it.each([
    ['program', ProgramSchema, (v: unknown) => parseProgram(v, 'docs')],
    ['events', EventSetSchema, (v: unknown) => parseEventSet(v, 'docs')],
    ['expect', ExpectSchema, (v: unknown) => ExpectSchema.parse(v)],
  ] as const)('%s: its examples parse, its table names exactly the schema keys', (name, schema, parse) => {
    const c = chunk(name);
    const examples = c.blocks.filter((b) => b.lang === 'json');
    expect(examples.length).toBeGreaterThan(0);
    for (const b of examples) parse(JSON.parse(b.text));
    const keys = zodKeys(schema);
    expect(c.table.filter((k) => !keys.has(k))).toEqual([]);
    expect([...keys].filter((k) => !c.table.includes(k))).toEqual([]);
  });

  it('csv: the JSON Lines and CSV examples parse, the table names exactly the CSV columns', () => {
    const c = chunk('csv');
    const jsonl = c.blocks.find((b) => b.lang === 'jsonl');
    const csv = c.blocks.find((b) => b.lang === 'csv');
    expect(parseEventsJsonl(jsonl?.text ?? '', 'docs.jsonl').events).toHaveLength(2);
    expect(parseEventsCsv(csv?.text ?? '', 'docs.csv').events).toHaveLength(3);
    expect([...c.table].sort()).toEqual([...CSV_COLUMNS].sort());
  });

  it('output formats: every key named is one the CLI writes, and every key it writes is named', () => {
    const real = realOutputs();
    const eventsKeys = chunk('events').table; // expectation failures quote expected rewards and partners
    for (const name of ['report', 'visibility', 'test-report'] as const) {
      const c = chunk(name);
      const named = new Set([...c.table, ...c.blocks.flatMap((b) => [...valueKeys(JSON.parse(b.text))])]);
      const written = real[name] as Set<string>;
      expect([...named].filter((k) => !written.has(k)), `${name}: named, never written`).toEqual([]);
      const also = name === 'visibility' ? [] : [...eventsKeys, ...chunk('report').table];
      expect([...written].filter((k) => !named.has(k) && !also.includes(k)), `${name}: written, not named`).toEqual([]);
    }
  });

  it('import report: every key named is one the importers write, and every key they write is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'offerflow-docs-import-'));
    const fixtures = join(ROOT, 'engine/imports/fixtures');
    const runs = [
      ['import', 'partnerstack', join(fixtures, 'partnerstack'), '--out', join(dir, 'ps.json'), '--program', join(dir, 'p.json'), '--report', join(dir, 'ps.report.json')],
      ['import', 'stripe', join(fixtures, 'stripe'), '--out', join(dir, 'st.json'), '--report', join(dir, 'st.report.json')],
    ];
    for (const argv of runs) expect(capture(argv).code).toBe(0);
    // Event types and skip reasons are keys of `counts.emitted` / `counts.skipped`, not format keys.
    const isName = (k: string): boolean => !k.includes('.') && !(SKIP_REASONS as readonly string[]).includes(k);
    const written = new Set([...valueKeys(JSON.parse(readFileSync(join(dir, 'ps.report.json'), 'utf8'))), ...valueKeys(JSON.parse(readFileSync(join(dir, 'st.report.json'), 'utf8')))].filter(isName));
    const c = chunk('import-report');
    const named = new Set([...c.table, ...c.blocks.flatMap((b) => [...valueKeys(JSON.parse(b.text))])].filter(isName));
    // Currency codes are the keys of fxHints.
    const codes = (k: string): boolean => !/^[A-Z]{3}$/.test(k);
    expect([...named].filter((k) => codes(k) && !written.has(k)), 'named, never written').toEqual([]);
    expect([...written].filter((k) => codes(k) && !named.has(k)), 'written, not named').toEqual([]);
  });
});

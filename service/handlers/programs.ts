/** Programs: list, create, import/export, duplicate, rename, delete, settings, validation. */
import { PROGRAM_FORMAT, ProgramSchema, type Program } from '../../engine/formats/program-schema';
import { parseProgramText, tryParse } from '../../engine/formats/read';
import { blockingIssues, validateProgram } from '../../engine/validate';
import type { Handlers } from '../contract';
import { failureFromIssues, parseArg } from '../failure';
import { deleteProgram, insertProgram, listPrograms, newId, updateProgramMeta, type ProgramMeta } from '../store';
import { guardProgram, programDoc, requireProgram, type ServiceContext } from './context';

type ProgramChannels =
  | 'programs.list' | 'programs.get' | 'programs.create' | 'programs.import' | 'programs.export'
  | 'programs.duplicate' | 'programs.rename' | 'programs.delete' | 'programs.updateSettings' | 'programs.validate';

/** The program in file form, keys in the order of FORMATS.md. */
export function programFileText(p: Program): string {
  const file = {
    format: PROGRAM_FORMAT,
    name: p.name,
    timeZone: p.timeZone,
    fxRates: p.fxRates,
    groups: p.groups,
    tiers: p.tiers,
    tags: p.tags,
    partners: p.partners,
    triggers: p.triggers,
    evaluationOrder: p.evaluationOrder,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name from a program name: lower-case words joined by dashes. */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'program';
}

/** Parses and validates a program file; stores nothing and fails with every issue when invalid. */
export function importProgram(ctx: ServiceContext, text: string, fileName: string): string {
  const parsed = tryParse(() => parseProgramText(text, fileName));
  if (!parsed.ok) throw failureFromIssues(`${fileName} is not a valid program file`, parsed.issues);
  const blocking = blockingIssues(parsed.value, validateProgram(parsed.value));
  if (blocking.length > 0) throw failureFromIssues(`${fileName} is not a valid program`, blocking.map((i) => ({ path: i.path, message: i.message })));
  const id = newId('p');
  insertProgram(ctx.db, id, parsed.value, ctx.now());
  return id;
}

const SETTINGS = ['timeZone', 'fxRates', 'groups', 'tiers', 'tags'] as const;

/** Parses only the settings given (each with the program schema's field, so defaults never fill gaps). */
function settingsOf(args: Record<string, unknown>): ProgramMeta {
  const out: Record<string, unknown> = {};
  for (const k of SETTINGS) if (args[k] !== undefined) out[k] = parseArg(ProgramSchema.shape[k], args[k], `settings.${k}`);
  return out;
}

export function programHandlers(ctx: ServiceContext): Pick<Handlers, ProgramChannels> {
  return {
    'programs.list': () => listPrograms(ctx.db),
    'programs.get': ({ programId }) => programDoc(ctx, programId),
    'programs.create': ({ name }) => {
      const id = newId('p');
      insertProgram(ctx.db, id, ProgramSchema.parse({ format: PROGRAM_FORMAT, name }), ctx.now());
      return programDoc(ctx, id);
    },
    'programs.import': ({ text, fileName }) => programDoc(ctx, importProgram(ctx, text, fileName)),
    'programs.export': ({ programId }) => {
      const p = requireProgram(ctx, programId);
      return { fileName: `${slug(p.name)}.program.json`, text: programFileText(p) };
    },
    'programs.duplicate': ({ programId, name }) => {
      const p = requireProgram(ctx, programId);
      const id = newId('p');
      insertProgram(ctx.db, id, { ...p, name: name ?? `${p.name} (copy)` }, ctx.now());
      return programDoc(ctx, id);
    },
    'programs.rename': ({ programId, name }) => {
      requireProgram(ctx, programId);
      updateProgramMeta(ctx.db, programId, { name }, ctx.now());
      return programDoc(ctx, programId);
    },
    'programs.delete': async ({ programId }) => {
      requireProgram(ctx, programId);
      await ctx.runs.cancelProgram(programId);
      deleteProgram(ctx.db, programId);
      return { deleted: true as const };
    },
    'programs.updateSettings': (args) => {
      const before = requireProgram(ctx, args.programId);
      const meta = settingsOf(args);
      guardProgram(before, { ...before, ...meta }, 'this change');
      updateProgramMeta(ctx.db, args.programId, meta, ctx.now());
      return programDoc(ctx, args.programId);
    },
    'programs.validate': ({ programId }) => validateProgram(requireProgram(ctx, programId)),
  };
}


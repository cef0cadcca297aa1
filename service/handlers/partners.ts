/** Sample partners: upsert (with rename), delete, CSV import. */
import { readCsvTable } from '../../engine/formats/csv-read';
import type { InputIssue } from '../../engine/formats/issues';
import { PartnerSchema, type Partner, type Program } from '../../engine/formats/program-schema';
import { tryParse } from '../../engine/formats/read';
import { zodIssues } from '../../engine/formats/zod-issues';
import type { Handlers } from '../contract';
import { Failure, failureFromIssues, parseArg } from '../failure';
import { deletePartnerRow, renamePartnerRow, upsertPartnerRow } from '../store';
import { guardProgram, inProgramTx, requireProgram, type ServiceContext } from './context';

/** Columns of a partners CSV; `tags` holds keys separated by `;` or `|`. */
export const PARTNER_COLUMNS = ['key', 'name', 'group', 'tier', 'tags', 'joinedAt'] as const;

function withPartner(program: Program, p: Partner, previousKey?: string): Program {
  const from = previousKey ?? p.key;
  const exists = program.partners.some((x) => x.key === from);
  return { ...program, partners: exists ? program.partners.map((x) => (x.key === from ? p : x)) : [...program.partners, p] };
}

/** One partner read from a CSV, with the line it was on. */
export interface CsvPartner {
  partner: Partner;
  line: number;
}

/** Parses a partners CSV (the shared table reader); every problem names its line and column. */
export function parsePartnersCsv(text: string, fileName: string): CsvPartner[] {
  const table = tryParse(() => readCsvTable(text, fileName, PARTNER_COLUMNS, ['key'], true));
  if (!table.ok) throw failureFromIssues(`${fileName} is not a valid partners CSV`, table.issues);
  const issues: InputIssue[] = [];
  const out: CsvPartner[] = [];
  const lineOfKey = new Map<string, number>();
  for (const { cells, line } of table.value.rows) {
    const row = new Map(table.value.columns.map((c, i) => [c, cells[i] ?? '']));
    const cell = (c: string): string | undefined => row.get(c) || undefined;
    const value = {
      key: cell('key'),
      name: cell('name'),
      group: cell('group') ?? null,
      tier: cell('tier') ?? null,
      tags: (cell('tags') ?? '').split(/[;|]/).map((t) => t.trim()).filter(Boolean),
      joinedAt: cell('joinedAt'),
    };
    const r = PartnerSchema.safeParse(value);
    if (!r.success) {
      for (const issue of zodIssues(r.error)) issues.push({ path: `line ${line}, column ${issue.path}`, message: issue.message });
      continue;
    }
    // A second row for one key would silently replace the first: say where both are.
    const first = lineOfKey.get(r.data.key);
    if (first !== undefined) issues.push({ path: `line ${line}, column key`, message: `partner "${r.data.key}" is already on line ${first}` });
    else lineOfKey.set(r.data.key, line);
    out.push({ partner: r.data, line });
  }
  if (issues.length > 0) throw failureFromIssues(`${fileName} has problems`, [...new Map(issues.map((x) => [`${x.path}${x.message}`, x])).values()]);
  return out;
}

/**
 * The CSV place of a program path about an imported partner: `partners[5].tags[0]` of the merged
 * program becomes `line 3, column tags`; other paths stay as they are.
 */
export function csvPlace(path: string, merged: Program, rows: readonly CsvPartner[]): string {
  const m = /^partners\[(\d+)\](?:\.(\w+))?/.exec(path);
  const key = m ? merged.partners[Number(m[1])]?.key : undefined;
  const row = key === undefined ? undefined : rows.find((r) => r.partner.key === key);
  if (!m || !row) return path;
  return m[2] ? `line ${row.line}, column ${m[2]}` : `line ${row.line}`;
}

export function partnerHandlers(ctx: ServiceContext): Pick<Handlers, 'partners.upsert' | 'partners.delete' | 'partners.importCsv'> {
  return {
    'partners.upsert': ({ programId, partner, previousKey }) => {
      const program = requireProgram(ctx, programId);
      const p = parseArg(PartnerSchema, partner, 'partner');
      const renaming = previousKey !== undefined && previousKey !== p.key;
      if (renaming && !program.partners.some((x) => x.key === previousKey)) throw new Failure(`partner "${previousKey}" does not exist`, 'previousKey');
      if (renaming && program.partners.some((x) => x.key === p.key)) throw new Failure(`partner key "${p.key}" is already used`, 'partner.key');
      guardProgram(program, withPartner(program, p, previousKey), 'this partner');
      inProgramTx(ctx, programId, () => (renaming ? renamePartnerRow(ctx.db, programId, previousKey, p) : upsertPartnerRow(ctx.db, programId, p)));
      return p;
    },
    'partners.delete': ({ programId, key }) => {
      requireProgram(ctx, programId);
      const gone = inProgramTx(ctx, programId, () => deletePartnerRow(ctx.db, programId, key));
      if (!gone) throw new Failure(`partner "${key}" does not exist`, 'key');
      return { deleted: true as const };
    },
    'partners.importCsv': ({ programId, text, fileName }) => {
      const program = requireProgram(ctx, programId);
      const rows = parsePartnersCsv(text, fileName);
      const merged = rows.reduce((p, x) => withPartner(p, x.partner), program);
      guardProgram(program, merged, fileName, (path) => csvPlace(path, merged, rows));
      inProgramTx(ctx, programId, () => rows.forEach((r) => upsertPartnerRow(ctx.db, programId, r.partner)));
      return { imported: rows.length };
    },
  };
}

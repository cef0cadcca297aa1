/**
 * Programs and their sample partners. `loadProgram` assembles the rows into the engine's
 * `Program` and parses it with the engine's schema, so what the engine gets is what a program
 * file would give it.
 */
import { PROGRAM_FORMAT, ProgramSchema, type Partner, type Program } from '../../engine/formats/program-schema';
import type { ProgramSummary } from '../contract';
import type { Db } from './db';
import { dropOrphanLedgers } from './ledger-repo';
import { FxRatesRow, NamedListRow, parseColumn, parsePartnerRow } from './rows';
import { getOrders, listTriggers, saveTriggerVersion, setOrder } from './triggers-repo';

interface ProgramRow {
  id: string;
  name: string;
  time_zone: string;
  fx_rates: string;
  groups_json: string;
  tiers_json: string;
  tags_json: string;
  updated_at: string;
}

/** Programs with their counts, most recently changed first. */
export function listPrograms(db: Db): ProgramSummary[] {
  return db
    .prepare<[], ProgramSummary>(
      `SELECT p.id, p.name, p.updated_at AS updatedAt,
        (SELECT COUNT(*) FROM triggers t WHERE t.program_id = p.id) AS triggerCount,
        (SELECT COUNT(*) FROM partners s WHERE s.program_id = p.id) AS partnerCount
       FROM programs p ORDER BY p.updated_at DESC, p.name`,
    )
    .all();
}

export function programExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM programs WHERE id = ?').get(id) !== undefined;
}

export function listPartners(db: Db, programId: string): Partner[] {
  const rows = db.prepare<[string], { data: string }>('SELECT data FROM partners WHERE program_id = ? ORDER BY position, key').all(programId);
  return rows.map((r) => parsePartnerRow(r.data));
}

/** The program as the engine reads it, or null when there is no such program. */
export function loadProgram(db: Db, id: string): { program: Program; updatedAt: string } | null {
  const row = db.prepare<[string], ProgramRow>('SELECT * FROM programs WHERE id = ?').get(id);
  if (!row) return null;
  const program = ProgramSchema.parse({
    format: PROGRAM_FORMAT,
    name: row.name,
    timeZone: row.time_zone,
    fxRates: parseColumn(FxRatesRow, row.fx_rates, 'fx rates'),
    groups: parseColumn(NamedListRow, row.groups_json, 'groups'),
    tiers: parseColumn(NamedListRow, row.tiers_json, 'tiers'),
    tags: parseColumn(NamedListRow, row.tags_json, 'tags'),
    partners: listPartners(db, id),
    triggers: listTriggers(db, id),
    evaluationOrder: getOrders(db, id),
  });
  return { program, updatedAt: row.updated_at };
}

/** Stores a whole program under `id` (import, create, duplicate), in one transaction. */
export function insertProgram(db: Db, id: string, program: Program, now: string): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO programs (id, name, time_zone, fx_rates, groups_json, tiers_json, tags_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, program.name, program.timeZone, JSON.stringify(program.fxRates), JSON.stringify(program.groups), JSON.stringify(program.tiers), JSON.stringify(program.tags), now, now);
    program.partners.forEach((p) => upsertPartnerRow(db, id, p));
    for (const t of program.triggers) saveTriggerVersion(db, id, t, now);
    for (const [event, ids] of Object.entries(program.evaluationOrder)) setOrder(db, id, event, ids);
  })();
}

export interface ProgramMeta {
  name?: string;
  timeZone?: string;
  fxRates?: Program['fxRates'];
  groups?: Program['groups'];
  tiers?: Program['tiers'];
  tags?: Program['tags'];
}

/** Updates the fields given and the program's `updated_at`. */
export function updateProgramMeta(db: Db, id: string, meta: ProgramMeta, now: string): void {
  const sets: string[] = ['updated_at = @now'];
  const params: Record<string, string> = { id, now };
  const cols: [keyof ProgramMeta, string][] = [
    ['name', 'name'],
    ['timeZone', 'time_zone'],
    ['fxRates', 'fx_rates'],
    ['groups', 'groups_json'],
    ['tiers', 'tiers_json'],
    ['tags', 'tags_json'],
  ];
  for (const [field, col] of cols) {
    const v = meta[field];
    if (v === undefined) continue;
    sets.push(`${col} = @${field}`);
    params[field] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  db.prepare(`UPDATE programs SET ${sets.join(', ')} WHERE id = @id`).run(params);
}

/** Marks a program changed (any edit of its partners, triggers or orders). */
export function touchProgram(db: Db, id: string, now: string): void {
  db.prepare('UPDATE programs SET updated_at = ? WHERE id = ?').run(now, id);
}

/** Deletes a program and, through the foreign keys, everything that belongs to it (its runs' ledger tables too). */
export function deleteProgram(db: Db, id: string): boolean {
  return db
    .transaction(() => {
      const deleted = db.prepare('DELETE FROM programs WHERE id = ?').run(id).changes > 0;
      if (deleted) dropOrphanLedgers(db);
      return deleted;
    })
    .immediate();
}

/** Inserts or replaces a partner; a new partner goes last. */
export function upsertPartnerRow(db: Db, programId: string, partner: Partner): void {
  const pos = db.prepare<[string], { p: number | null }>('SELECT MAX(position) AS p FROM partners WHERE program_id = ?').get(programId);
  db.prepare(
    `INSERT INTO partners (program_id, key, position, data) VALUES (?, ?, ?, ?)
     ON CONFLICT (program_id, key) DO UPDATE SET data = excluded.data`,
  ).run(programId, partner.key, (pos?.p ?? -1) + 1, JSON.stringify(partner));
}

/** Renames a partner key in place (keeps its position). */
export function renamePartnerRow(db: Db, programId: string, fromKey: string, partner: Partner): void {
  db.prepare('UPDATE partners SET key = ?, data = ? WHERE program_id = ? AND key = ?').run(partner.key, JSON.stringify(partner), programId, fromKey);
}

export function deletePartnerRow(db: Db, programId: string, key: string): boolean {
  return db.prepare('DELETE FROM partners WHERE program_id = ? AND key = ?').run(programId, key).changes > 0;
}

/**
 * A program as it stood at an earlier moment: each trigger at its latest version saved at or
 * before that moment (`trigger_versions` keeps them all); triggers created later are left out.
 * Groups, tags, partners and FX rates are not versioned in the store, so they are today's.
 */
import type { Program, Trigger } from '../../engine/formats/program-schema';
import type { Db } from './db';
import { loadProgram } from './programs-repo';
import { parseTriggerRow } from './rows';

/** The program `programId` as of `asOf` (an ISO instant, compared with `saved_at`), or null. */
export function programAsOf(db: Db, programId: string, asOf: string): { program: Program; triggerVersions: number } | null {
  const now = loadProgram(db, programId);
  if (!now) return null;
  const rows = db
    .prepare<[{ programId: string; asOf: string }], { trigger_id: string; version: number; data: string }>(
      `SELECT v.trigger_id, v.version, v.data FROM trigger_versions v
       JOIN triggers t ON t.program_id = v.program_id AND t.id = v.trigger_id
       WHERE v.program_id = @programId AND v.saved_at <= @asOf
         AND v.version = (SELECT MAX(w.version) FROM trigger_versions w
                          WHERE w.program_id = v.program_id AND w.trigger_id = v.trigger_id AND w.saved_at <= @asOf)
       ORDER BY t.position, t.id`,
    )
    .all({ programId, asOf });
  const triggers: Trigger[] = rows.map((r) => parseTriggerRow(r.data, r.version));
  const ids = new Set(triggers.map((t) => t.id));
  const evaluationOrder = Object.fromEntries(Object.entries(now.program.evaluationOrder).map(([event, list]) => [event, list.filter((id) => ids.has(id))]));
  return { program: { ...now.program, triggers, evaluationOrder }, triggerVersions: triggers.length };
}

/**
 * Triggers with every saved version: `triggers` names the current version, `trigger_versions`
 * keeps them all (a reward names the version that made it). Evaluation orders per event type.
 */
import type { TriggerEvent } from '../../engine/catalogue';
import type { Program, Trigger } from '../../engine/formats/program-schema';
import type { TriggerVersion } from '../contract';
import type { Db } from './db';
import { IdListRow, parseColumn, parseTriggerRow } from './rows';

interface CurrentRow {
  id: string;
  version: number;
  data: string;
}

/** The current version of every trigger of a program, in program order. */
export function listTriggers(db: Db, programId: string): Trigger[] {
  const rows = db
    .prepare<[string], CurrentRow>(
      `SELECT t.id, t.version, v.data FROM triggers t
       JOIN trigger_versions v ON v.program_id = t.program_id AND v.trigger_id = t.id AND v.version = t.version
       WHERE t.program_id = ? ORDER BY t.position, t.id`,
    )
    .all(programId);
  return rows.map((r) => parseTriggerRow(r.data, r.version));
}

export function getTrigger(db: Db, programId: string, triggerId: string): Trigger | null {
  const r = db
    .prepare<[string, string], CurrentRow>(
      `SELECT t.id, t.version, v.data FROM triggers t
       JOIN trigger_versions v ON v.program_id = t.program_id AND v.trigger_id = t.id AND v.version = t.version
       WHERE t.program_id = ? AND t.id = ?`,
    )
    .get(programId, triggerId);
  return r ? parseTriggerRow(r.data, r.version) : null;
}

/**
 * Saves `trigger` as a new version (1 for a new trigger, or `trigger.version` when importing a
 * file that carries one) and makes it current. Returns the stored trigger with its version.
 */
export function saveTriggerVersion(db: Db, programId: string, trigger: Trigger, savedAt: string): Trigger {
  const { version: given, ...data } = trigger;
  const cur = db.prepare<[string, string], { version: number }>('SELECT version FROM triggers WHERE program_id = ? AND id = ?').get(programId, trigger.id);
  let version: number;
  if (cur) {
    const max = db
      .prepare<[string, string], { v: number }>('SELECT MAX(version) AS v FROM trigger_versions WHERE program_id = ? AND trigger_id = ?')
      .get(programId, trigger.id);
    version = (max?.v ?? cur.version) + 1;
  } else {
    version = given ?? 1;
    const pos = db.prepare<[string], { p: number | null }>('SELECT MAX(position) AS p FROM triggers WHERE program_id = ?').get(programId);
    // The trigger row comes first: its versions reference it.
    db.prepare('INSERT INTO triggers (program_id, id, position, version) VALUES (?, ?, ?, ?)').run(programId, trigger.id, (pos?.p ?? -1) + 1, version);
  }
  db.prepare('INSERT INTO trigger_versions (program_id, trigger_id, version, saved_at, data) VALUES (?, ?, ?, ?, ?)').run(
    programId,
    trigger.id,
    version,
    savedAt,
    JSON.stringify(data),
  );
  db.prepare('UPDATE triggers SET version = ? WHERE program_id = ? AND id = ?').run(version, programId, trigger.id);
  return { ...data, version };
}

/** Every saved version of a trigger, newest first. */
export function listVersions(db: Db, programId: string, triggerId: string): TriggerVersion[] {
  const rows = db
    .prepare<[string, string], { version: number; saved_at: string; data: string }>(
      'SELECT version, saved_at, data FROM trigger_versions WHERE program_id = ? AND trigger_id = ? ORDER BY version DESC',
    )
    .all(programId, triggerId);
  return rows.map((r) => ({ version: r.version, savedAt: r.saved_at, trigger: parseTriggerRow(r.data, r.version) }));
}

/** Deletes a trigger and its history (delete is permanent) and takes it out of every order. */
export function deleteTrigger(db: Db, programId: string, triggerId: string): boolean {
  const n = db.prepare('DELETE FROM triggers WHERE program_id = ? AND id = ?').run(programId, triggerId).changes;
  removeFromOrders(db, programId, triggerId);
  return n > 0;
}

/** Removes an id from every event type's order except `keep` (a draft whose event changed). */
export function removeFromOrders(db: Db, programId: string, triggerId: string, keep?: TriggerEvent): void {
  for (const [event, ids] of Object.entries(getOrders(db, programId))) {
    if (event === keep || !ids.includes(triggerId)) continue;
    setOrder(db, programId, event, ids.filter((id) => id !== triggerId));
  }
}

export function getOrders(db: Db, programId: string): Program['evaluationOrder'] {
  const rows = db.prepare<[string], { event: string; trigger_ids: string }>('SELECT event, trigger_ids FROM evaluation_orders WHERE program_id = ? ORDER BY event').all(programId);
  const out: Record<string, string[]> = {};
  for (const r of rows) out[r.event] = parseColumn(IdListRow, r.trigger_ids, 'evaluation order');
  return out;
}

export function setOrder(db: Db, programId: string, event: string, ids: readonly string[]): void {
  db.prepare(
    `INSERT INTO evaluation_orders (program_id, event, trigger_ids) VALUES (?, ?, ?)
     ON CONFLICT (program_id, event) DO UPDATE SET trigger_ids = excluded.trigger_ids`,
  ).run(programId, event, JSON.stringify(ids));
}

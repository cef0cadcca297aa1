/**
 * A run's checkpoints (issue 17): the engine's state after every N events of the run, stored as
 * `v8.serialize` gives it, so the trace of one late event resumes from the nearest checkpoint
 * instead of replaying from the start. Written by the run's worker while it replays, dropped
 * with the run (ON DELETE CASCADE) and when the run does not finish.
 */
import { deserialize, serialize } from 'node:v8';
import { reviveCheckpoint, type ReplayCheckpoint } from '../../engine/replay/checkpoint';
import type { Db } from './db';

/** Stores one checkpoint of `runId` (serialized now: the replay goes on changing the live state). */
export function saveCheckpoint(db: Db, runId: string, c: ReplayCheckpoint): void {
  db.prepare('INSERT OR REPLACE INTO run_checkpoints (run_id, position, state) VALUES (?, ?, ?)').run(runId, c.position, serialize(c));
}

/** The checkpoint of `runId` with the largest position ≤ `position`, revived; null when none. */
export function nearestCheckpoint(db: Db, runId: string, position: number): ReplayCheckpoint | null {
  const row = db.prepare<[string, number], { state: Buffer }>('SELECT state FROM run_checkpoints WHERE run_id = ? AND position <= ? ORDER BY position DESC LIMIT 1').get(runId, position);
  return row ? reviveCheckpoint(deserialize(row.state) as ReplayCheckpoint) : null;
}

/** Drops every checkpoint of `runId` (a run that did not finish). */
export function clearCheckpoints(db: Db, runId: string): void {
  db.prepare('DELETE FROM run_checkpoints WHERE run_id = ?').run(runId);
}

/** How many checkpoints `runId` has and their total size in bytes. */
export function checkpointStats(db: Db, runId: string): { count: number; bytes: number } {
  return db.prepare<[string], { count: number; bytes: number }>('SELECT COUNT(*) AS count, COALESCE(SUM(LENGTH(state)), 0) AS bytes FROM run_checkpoints WHERE run_id = ?').get(runId) as { count: number; bytes: number };
}

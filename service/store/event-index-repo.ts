/**
 * The event browser's index of a stored event set: one row per event (position in the file, id
 * as the engine names it, type, instant, the partner and customer it concerns, a one-line
 * detail), so a million-event set is filtered, counted and paged by SQLite instead of being
 * parsed again for every page. Built on first browse, one stored chunk per transaction
 * (service/handlers/event-browser.ts drives it); `event_index_state.complete` says it is whole.
 */
import type { Db } from './db';
import { WhereBuilder, type SqlWhere } from './sql-where';

export interface EventIndexRow {
  /** 0-based position in the file. */
  pos: number;
  id: string;
  type: string;
  atMs: number;
  at: string;
  partnerKey: string | null;
  customerKey: string | null;
  detail: string;
}

/** What the browser filters by; every field left out matches all. */
export interface EventIndexFilter {
  eventSetId: string;
  type?: string;
  partnerKey?: string;
  customerKey?: string;
  /** Epoch ms, inclusive. */
  fromMs?: number;
  /** Epoch ms, exclusive. */
  toMs?: number;
  /** Case-insensitive substring of the id, partner, customer or detail. */
  text?: string;
}

interface DbRow {
  pos: number;
  id: string;
  type: string;
  at_ms: number;
  at: string;
  partner_key: string | null;
  customer_key: string | null;
  detail: string;
}

const toRow = (r: DbRow): EventIndexRow => ({ pos: r.pos, id: r.id, type: r.type, atMs: r.at_ms, at: r.at, partnerKey: r.partner_key, customerKey: r.customer_key, detail: r.detail });

/** Whether the set's index holds every event. */
export function eventIndexComplete(db: Db, eventSetId: string): boolean {
  return db.prepare<[string], { complete: number }>('SELECT complete FROM event_index_state WHERE event_set_id = ?').get(eventSetId)?.complete === 1;
}

/** Forgets a partly built index (a build this process did not start, or a failed one). */
export function resetEventIndex(db: Db, eventSetId: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM event_index WHERE event_set_id = ?').run(eventSetId);
    db.prepare('DELETE FROM event_index_state WHERE event_set_id = ?').run(eventSetId);
  })();
}

/** Stores one chunk's rows and how many chunks are in, in one transaction. */
export function writeEventIndexChunk(db: Db, eventSetId: string, chunksDone: number, rows: readonly EventIndexRow[]): void {
  const put = db.prepare('INSERT INTO event_index (event_set_id, pos, id, type, at_ms, at, partner_key, customer_key, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of rows) put.run(eventSetId, r.pos, r.id, r.type, r.atMs, r.at, r.partnerKey, r.customerKey, r.detail);
    db.prepare('INSERT INTO event_index_state (event_set_id, chunks_done, complete) VALUES (?, ?, 0) ON CONFLICT (event_set_id) DO UPDATE SET chunks_done = excluded.chunks_done').run(eventSetId, chunksDone);
  })();
}

/** Fills in the partner of rows whose customer was created later in the file, then marks the index whole. */
export function completeEventIndex(db: Db, eventSetId: string, partners: readonly { pos: number; partnerKey: string }[]): void {
  const set = db.prepare('UPDATE event_index SET partner_key = ? WHERE event_set_id = ? AND pos = ?');
  db.transaction(() => {
    for (const p of partners) set.run(p.partnerKey, eventSetId, p.pos);
    db.prepare('UPDATE event_index_state SET complete = 1 WHERE event_set_id = ?').run(eventSetId);
  })();
}

const likeEscape = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(f: EventIndexFilter): SqlWhere {
  const w = new WhereBuilder().and('event_set_id = ?', f.eventSetId).eq('type', f.type).eq('partner_key', f.partnerKey).eq('customer_key', f.customerKey);
  if (f.fromMs !== undefined) w.and('at_ms >= ?', f.fromMs);
  if (f.toMs !== undefined) w.and('at_ms < ?', f.toMs);
  if (f.text !== undefined && f.text !== '') {
    const like = likeEscape(f.text);
    w.and("(id LIKE ? ESCAPE '\\' OR partner_key LIKE ? ESCAPE '\\' OR customer_key LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\' OR type LIKE ? ESCAPE '\\')", like, like, like, like, like);
  }
  return w.build();
}

/** How many events match. */
export function countEventIndex(db: Db, f: EventIndexFilter): number {
  const w = where(f);
  return db.prepare<(string | number)[], { n: number }>(`SELECT COUNT(*) AS n FROM event_index WHERE ${w.sql}`).get(...w.params)?.n ?? 0;
}

/** One page of matching events in time order (ties in file order). */
export function pageEventIndex(db: Db, f: EventIndexFilter, offset: number, limit: number): EventIndexRow[] {
  const w = where(f);
  return db.prepare<(string | number)[], DbRow>(`SELECT * FROM event_index WHERE ${w.sql} ORDER BY at_ms, pos LIMIT ? OFFSET ?`).all(...w.params, limit, offset).map(toRow);
}

/** Where a walk over the matching events in time order stopped (exclusive); null to start. */
export type EventIndexCursor = { atMs: number; pos: number } | null;

/**
 * Position and id of up to `limit` matching events in time order after `after` (filtering by a
 * run's outcome happens on these, a step at a time); returns where it stopped, null at the end.
 */
export function eachEventIndexId(db: Db, f: EventIndexFilter, after: EventIndexCursor, limit: number, visit: (pos: number, id: string) => void): EventIndexCursor {
  const w = where(f);
  const from = after === null ? '' : ' AND (at_ms > ? OR (at_ms = ? AND pos > ?))';
  const params = after === null ? w.params : [...w.params, after.atMs, after.atMs, after.pos];
  // Raw rows: no object per event over a million of them.
  const rows = db.prepare<(string | number)[], [number, string, number]>(`SELECT pos, id, at_ms FROM event_index WHERE ${w.sql}${from} ORDER BY at_ms, pos LIMIT ?`).raw().all(...params, limit);
  for (const r of rows) visit(r[0], r[1]);
  const end = rows.at(-1);
  return rows.length < limit || !end ? null : { atMs: end[2], pos: end[0] };
}

/** The rows at these positions, in the order given. */
export function eventIndexRowsAt(db: Db, eventSetId: string, positions: readonly number[]): EventIndexRow[] {
  if (positions.length === 0) return [];
  const rows = db.prepare<(string | number)[], DbRow>(`SELECT * FROM event_index WHERE event_set_id = ? AND pos IN (${positions.map(() => '?').join(',')})`).all(eventSetId, ...positions);
  const byPos = new Map(rows.map((r) => [r.pos, toRow(r)]));
  return positions.flatMap((p) => byPos.get(p) ?? []);
}

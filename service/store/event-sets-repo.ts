/**
 * Event sets, stored parsed (the engine's `EventSet`) in chunks of events: a million-event set
 * never becomes one giant string, and it is re-read chunk by chunk by the replay worker.
 */
import { z } from 'zod';
import { EVENTS_FORMAT, EventSetSchema, type EventInput, type EventSet } from '../../engine/formats/events-schema';
import type { EventSetSummary } from '../contract';
import type { Db } from './db';
import { parseColumn } from './rows';

/** Events per stored chunk. */
export const EVENT_CHUNK = 10_000;

interface EventSetRow {
  id: string;
  program_id: string;
  name: string;
  source: 'json' | 'csv';
  event_count: number;
  expect_json: string | null;
  created_at: string;
}

function summary(r: EventSetRow): EventSetSummary {
  return {
    id: r.id,
    programId: r.program_id,
    name: r.name,
    source: r.source,
    eventCount: r.event_count,
    hasExpectations: r.expect_json !== null,
    createdAt: r.created_at,
  };
}

/** Stores a parsed event set in one transaction and returns its summary. */
export function insertEventSet(db: Db, id: string, programId: string, set: EventSet, source: 'json' | 'csv', now: string): EventSetSummary {
  db.transaction(() => {
    db.prepare('INSERT INTO event_sets (id, program_id, name, source, event_count, expect_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      programId,
      set.name,
      source,
      set.events.length,
      set.expect === undefined ? null : JSON.stringify(set.expect),
      now,
    );
    const put = db.prepare('INSERT INTO event_set_chunks (event_set_id, idx, events_json) VALUES (?, ?, ?)');
    for (let i = 0; i * EVENT_CHUNK < set.events.length; i++) put.run(id, i, JSON.stringify(set.events.slice(i * EVENT_CHUNK, (i + 1) * EVENT_CHUNK)));
  })();
  const s = getEventSetSummary(db, id);
  if (!s) throw new Error('event set vanished after insert');
  return s;
}

export function getEventSetSummary(db: Db, id: string): EventSetSummary | null {
  const r = db.prepare<[string], EventSetRow>('SELECT * FROM event_sets WHERE id = ?').get(id);
  return r ? summary(r) : null;
}

export function listEventSets(db: Db, programId: string): EventSetSummary[] {
  return db.prepare<[string], EventSetRow>('SELECT * FROM event_sets WHERE program_id = ? ORDER BY created_at DESC, name').all(programId).map(summary);
}

const ChunkRow = z.array(z.unknown());

/** The stored set, re-parsed with the engine's schema (rows are parsed on read, like every row). */
export function loadEventSet(db: Db, id: string): EventSet | null {
  const r = db.prepare<[string], EventSetRow>('SELECT * FROM event_sets WHERE id = ?').get(id);
  if (!r) return null;
  const events: unknown[] = [];
  const chunks = db.prepare<[string], { events_json: string }>('SELECT events_json FROM event_set_chunks WHERE event_set_id = ? ORDER BY idx').iterate(id);
  for (const c of chunks) for (const e of parseColumn(ChunkRow, c.events_json, 'event chunk')) events.push(e);
  const raw = { format: EVENTS_FORMAT, name: r.name, events, ...(r.expect_json === null ? {} : { expect: JSON.parse(r.expect_json) as unknown }) };
  const parsed = EventSetSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`stored event set ${id} is damaged: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export function deleteEventSet(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM event_sets WHERE id = ?').run(id).changes > 0;
}

export type { EventInput };

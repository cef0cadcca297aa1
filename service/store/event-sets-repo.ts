/**
 * Event sets, stored parsed (the engine's `EventSet`) in chunks of events: a million-event set
 * never becomes one giant string, and it is re-read chunk by chunk by the replay worker.
 *
 * The events were validated by the engine's schema when imported, and the chunks hold that
 * parsed output, so loading does not run the schema over every event again: each chunk carries
 * its event count and a CRC-32 of its JSON (schema 6), checked on load, and a chunk that fails
 * the check is refused with an error naming the set and the chunk. Chunks stored before schema 6
 * have no checksum and are still parsed with the schema.
 */
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { EVENTS_FORMAT, EventSchema, ExpectSchema, type EventInput, type EventSet } from '../../engine/formats/events-schema';
import type { EventSetSummary } from '../contract';
import type { Db } from './db';

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
  note: string | null;
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
    note: r.note,
  };
}

/** Thrown inside the storing transaction when an import is cancelled: the transaction rolls back. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

/** Progress and cancellation of a store: `onChunk` after each chunk, `cancelled` checked before each. */
export interface StoreProgress {
  onChunk?: (stored: number, total: number) => void;
  cancelled?: () => boolean;
}

/**
 * Stores a parsed event set in one transaction and returns its summary. A cancel (ImportCancelled)
 * rolls the whole set back: nothing of it is stored.
 */
export function insertEventSet(db: Db, id: string, programId: string, set: EventSet, source: 'json' | 'csv', now: string, progress: StoreProgress = {}): EventSetSummary {
  const chunks = Math.ceil(set.events.length / EVENT_CHUNK);
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
    const put = db.prepare('INSERT INTO event_set_chunks (event_set_id, idx, events_json, event_count, crc32) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i * EVENT_CHUNK < set.events.length; i++) {
      if (progress.cancelled?.()) throw new ImportCancelled();
      const events = set.events.slice(i * EVENT_CHUNK, (i + 1) * EVENT_CHUNK);
      const text = JSON.stringify(events);
      put.run(id, i, text, events.length, crc32(text));
      progress.onChunk?.(i + 1, chunks);
    }
    // The last look: a cancel that came while the final chunk was written still stores nothing.
    if (progress.cancelled?.()) throw new ImportCancelled();
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

const LegacyChunk = z.array(EventSchema);

/** A stored event set that fails its integrity check; the message names the set and the chunk. */
export class DamagedEventSet extends Error {
  constructor(
    readonly eventSetId: string,
    readonly chunk: number | null,
    detail: string,
  ) {
    super(`stored event set ${eventSetId} is damaged${chunk === null ? '' : ` in chunk ${chunk} (events ${chunk * EVENT_CHUNK}…${(chunk + 1) * EVENT_CHUNK - 1})`}: ${detail}`);
    this.name = 'DamagedEventSet';
  }
}

interface ChunkRow {
  idx: number;
  events_json: string;
  event_count: number | null;
  crc32: number | null;
}

/** The events of one stored chunk, checked (checksum and count, or the schema for old chunks). */
function chunkEvents(setId: string, c: ChunkRow): EventInput[] {
  const damaged = (detail: string): DamagedEventSet => new DamagedEventSet(setId, c.idx, detail);
  if (c.crc32 === null || c.event_count === null) {
    let value: unknown;
    try {
      value = JSON.parse(c.events_json);
    } catch (e) {
      throw damaged(`not JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    const parsed = LegacyChunk.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw damaged(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }
  if (crc32(c.events_json) !== c.crc32) throw damaged('its checksum does not match its content');
  let events: unknown;
  try {
    events = JSON.parse(c.events_json);
  } catch (e) {
    throw damaged(`not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!Array.isArray(events) || events.length !== c.event_count) throw damaged(`expected ${c.event_count} events`);
  // Written by insertEventSet from events the schema accepted, and unchanged since (checksum).
  return events as EventInput[];
}

/** The stored set. Throws `DamagedEventSet` when a chunk or the set's counts do not check out. */
export function loadEventSet(db: Db, id: string): EventSet | null {
  const r = db.prepare<[string], EventSetRow>('SELECT * FROM event_sets WHERE id = ?').get(id);
  if (!r) return null;
  const events: EventInput[] = [];
  const chunks = db.prepare<[string], ChunkRow>('SELECT idx, events_json, event_count, crc32 FROM event_set_chunks WHERE event_set_id = ? ORDER BY idx').iterate(id);
  let expected = 0;
  for (const c of chunks) {
    if (c.idx !== expected) throw new DamagedEventSet(id, expected, 'the chunk is missing');
    expected++;
    const part = chunkEvents(id, c);
    for (let i = 0; i < part.length; i++) events.push(part[i] as EventInput);
  }
  if (events.length !== r.event_count) throw new DamagedEventSet(id, null, `it holds ${events.length} events, not ${r.event_count}`);
  let expect: EventSet['expect'];
  if (r.expect_json !== null) {
    const parsed = ExpectSchema.safeParse(JSON.parse(r.expect_json));
    if (!parsed.success) throw new DamagedEventSet(id, null, `expectations: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    expect = parsed.data;
  }
  return { format: EVENTS_FORMAT, name: r.name, events, ...(expect === undefined ? {} : { expect }) };
}

/**
 * The events of one stored chunk (`idx` from 0), checked as `loadEventSet` checks them; null when
 * the set has no such chunk. Lets a reader walk a million-event set without holding it whole.
 */
export function loadEventChunk(db: Db, setId: string, idx: number): EventInput[] | null {
  const c = db.prepare<[string, number], ChunkRow>('SELECT idx, events_json, event_count, crc32 FROM event_set_chunks WHERE event_set_id = ? AND idx = ?').get(setId, idx);
  return c ? chunkEvents(setId, c) : null;
}

/** Renames an event set and/or sets its note (`null` clears the note; undefined keeps a field). */
export function annotateEventSet(db: Db, id: string, a: { name?: string; note?: string | null }): boolean {
  const cur = db.prepare<[string], { name: string; note: string | null }>('SELECT name, note FROM event_sets WHERE id = ?').get(id);
  if (!cur) return false;
  db.prepare('UPDATE event_sets SET name = ?, note = ? WHERE id = ?').run(a.name ?? cur.name, a.note === undefined ? cur.note : a.note, id);
  return true;
}

export function deleteEventSet(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM event_sets WHERE id = ?').run(id).changes > 0;
}

export type { EventInput };

/** The set's `expect` block; null when it has none, undefined when there is no such set. */
export function getEventSetExpect(db: Db, id: string): EventSet['expect'] | null | undefined {
  const r = db.prepare<[string], { expect_json: string | null }>('SELECT expect_json FROM event_sets WHERE id = ?').get(id);
  if (!r) return undefined;
  if (r.expect_json === null) return null;
  const parsed = ExpectSchema.safeParse(JSON.parse(r.expect_json));
  if (!parsed.success) throw new DamagedEventSet(id, null, `expectations: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Replaces (or with null removes) the set's `expect` block; null when there is no such set. */
export function setEventSetExpect(db: Db, id: string, expect: EventSet['expect'] | null): EventSetSummary | null {
  const changed = db.prepare('UPDATE event_sets SET expect_json = ? WHERE id = ?').run(expect == null ? null : JSON.stringify(expect), id).changes;
  return changed > 0 ? getEventSetSummary(db, id) : null;
}

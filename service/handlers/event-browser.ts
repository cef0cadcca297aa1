/**
 * The event browser (`eventSets.events`): a filtered, paged view of one event set's events, with
 * what a run did with each (rejected and why, fired and how many rewards, or nothing).
 *
 * The set's browsing index (service/store/event-index-repo.ts) is built on first browse, a few
 * stored chunks per call within a time budget, so a million-event set never blocks the service
 * for long: meanwhile a call answers `indexing` with its progress and the browser asks again.
 */
import { parseInstant } from '../../engine/time';
import { eventIdOf } from '../../engine/replay/prepare';
import type { EventOutcome, EventPage, EventRow, Handlers, ParsedArgsOf, RunSummary } from '../contract';
import { Failure } from '../failure';
import {
  EVENT_CHUNK, completeEventIndex, countEventIndex, eachEventIndexId, eventIndexComplete, eventIndexRowsAt, getEventSetSummary, getRunResult, loadEventChunk,
  pageEventIndex, resetEventIndex, writeEventIndexChunk, addRewardCounts, type EventIndexCursor, type EventIndexFilter, type EventIndexRow,
} from '../store';
import { eventDetail, eventParties, PartnerOfEvents } from './event-parties';
import { requireRun } from './replay';
import type { ServiceContext } from './context';

/** Time one call may spend building an index before it answers with its progress. */
const BUILD_BUDGET_MS = 250;
/** Ledger rows or index rows read per step (a step is the unit the budget is checked by). */
const STEP_ROWS = 50_000;

type Progress = NonNullable<EventPage['indexing']>;
/** Runs whose outcomes are kept in memory (a million-event run's fired ids are tens of MB). */
const KEPT_OUTCOMES = 2;
/** Filtered position lists kept for paging with an outcome filter. */
const KEPT_LISTS = 8;
/** Counts kept per filter: a text filter over a million events is a scan, and every page shows the count. */
const KEPT_COUNTS = 64;

interface Build {
  next: number;
  chunks: number;
  owners: PartnerOfEvents;
  /** Rows naming a customer created later in the file: their partner is filled in at the end. */
  later: { pos: number; customerKey: string }[];
}

interface Outcomes {
  /** Rejected events by 0-based position, with the engine's reason. */
  rejected: Map<number, string>;
  rewards: Map<string, number>;
  /** Events that moved a partner or applied a tag. */
  acted: Set<string>;
}

/** `outcomeOf(…).kind` without making an object (run over every event of a set). */
function kindOf(o: Outcomes, pos: number, id: string): EventOutcome['kind'] {
  if (o.rejected.has(pos)) return 'rejected';
  return o.rewards.has(id) || o.acted.has(id) ? 'fired' : 'nothing';
}

function outcomeOf(o: Outcomes, pos: number, id: string): EventOutcome {
  const reason = o.rejected.get(pos);
  const rewards = o.rewards.get(id) ?? 0;
  if (reason !== undefined) return { kind: 'rejected', reason, rewards };
  return { kind: rewards > 0 || o.acted.has(id) ? 'fired' : 'nothing', rewards };
}

function instant(text: string | undefined, field: 'from' | 'to'): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseInstant(text);
  if (ms === null) throw new Failure(`${field} is not an ISO-8601 instant (e.g. 2026-02-01T05:00:00Z)`, field);
  return ms;
}

/** A small map that forgets its oldest entry past `limit`. */
function remember<K, V>(m: Map<K, V>, k: K, v: V, limit: number): V {
  if (m.size >= limit) m.delete(m.keys().next().value as K);
  m.set(k, v);
  return v;
}

export function eventBrowserHandlers(ctx: ServiceContext): Pick<Handlers, 'eventSets.events'> {
  const builds = new Map<string, Build>();
  const outcomes = new Map<string, Outcomes>();
  const lists = new Map<string, Int32Array>();
  const counts = new Map<string, number>();
  const outcomeBuilds = new Map<string, { nextSeq: number; read: number; rewards: Map<string, number> }>();
  const listBuilds = new Map<string, { after: EventIndexCursor; seen: number; out: number[] }>();

  /** Builds more of the set's index; returns its progress while incomplete, null once whole. */
  function index(eventSetId: string, eventCount: number): Progress | null {
    if (eventIndexComplete(ctx.db, eventSetId)) return null;
    let b = builds.get(eventSetId);
    if (!b) {
      // A part left by another process or a crash cannot be continued (its customer map is gone).
      resetEventIndex(ctx.db, eventSetId);
      b = { next: 0, chunks: Math.ceil(eventCount / EVENT_CHUNK), owners: new PartnerOfEvents(), later: [] };
      builds.set(eventSetId, b);
    }
    const until = performance.now() + BUILD_BUDGET_MS;
    while (b.next < b.chunks && performance.now() < until) {
      const events = loadEventChunk(ctx.db, eventSetId, b.next);
      if (!events) throw new Failure(`event set "${eventSetId}" is missing its chunk ${b.next}`, 'eventSetId');
      const rows: EventIndexRow[] = [];
      const base = b.next * EVENT_CHUNK;
      for (const [i, e] of events.entries()) {
        const pos = base + i;
        const atMs = parseInstant(e.at);
        if (atMs === null) throw new Error(`stored event ${pos} has an unreadable instant ${e.at}`);
        const { customerKey } = eventParties(e);
        const partnerKey = b.owners.owner(e);
        if (partnerKey === null && customerKey !== null && e.type !== 'customer.created') b.later.push({ pos, customerKey });
        rows.push({ pos, id: eventIdOf(e, pos), type: e.type, atMs, at: e.at, partnerKey, customerKey, detail: eventDetail(e) });
      }
      b.next++;
      writeEventIndexChunk(ctx.db, eventSetId, b.next, rows);
    }
    if (b.next < b.chunks) return { done: Math.min(eventCount, b.next * EVENT_CHUNK), total: eventCount, reading: 'events' };
    const owners = b.owners;
    completeEventIndex(
      ctx.db,
      eventSetId,
      b.later.flatMap((l) => {
        const partnerKey = owners.partnerOfCustomer(l.customerKey);
        return partnerKey === null ? [] : [{ pos: l.pos, partnerKey }];
      }),
    );
    builds.delete(eventSetId);
    return null;
  }

  /** The run's outcome per event, read from its ledger a step at a time; progress until whole. */
  function runOutcomes(run: RunSummary): Outcomes | Progress {
    const hit = outcomes.get(run.id);
    if (hit) return hit;
    let b = outcomeBuilds.get(run.id);
    if (!b) {
      b = { nextSeq: 0, read: 0, rewards: new Map() };
      outcomeBuilds.set(run.id, b);
    }
    const until = performance.now() + BUILD_BUDGET_MS;
    for (;;) {
      const step = addRewardCounts(ctx.db, run.id, b.nextSeq, STEP_ROWS, b.rewards);
      b.nextSeq = step.nextSeq;
      b.read += step.rows;
      if (step.rows < STEP_ROWS) break;
      if (performance.now() >= until) return { done: b.read, total: Math.max(b.read, run.rewardCount), reading: 'rewards' };
    }
    outcomeBuilds.delete(run.id);
    const result = getRunResult(ctx.db, run.id);
    if (!result) throw new Failure(`run "${run.id}" does not exist`, 'runId');
    const acted = new Set<string>([...result.groupChanges.map((g) => g.eventId), ...result.tagsApplied.map((t) => t.eventId)]);
    const o = { rejected: new Map(result.rejected.map((r) => [r.index, r.message])), rewards: b.rewards, acted };
    return remember(outcomes, run.id, o, KEPT_OUTCOMES);
  }

  /**
   * Positions of the events matching the filter and the outcome, in time order (kept for the
   * next pages), walked a step at a time; progress over the matching events until whole.
   */
  function outcomeList(f: EventIndexFilter, runId: string, o: Outcomes, kind: EventOutcome['kind'], matching: number): Int32Array | Progress {
    const key = JSON.stringify([f, runId, kind]);
    const hit = lists.get(key);
    if (hit) return hit;
    let b = listBuilds.get(key);
    if (!b) {
      b = { after: null, seen: 0, out: [] };
      listBuilds.set(key, b);
    }
    const until = performance.now() + BUILD_BUDGET_MS;
    const build = b;
    do {
      build.after = eachEventIndexId(ctx.db, f, build.after, STEP_ROWS, (pos, id) => {
        build.seen++;
        if (kindOf(o, pos, id) === kind) build.out.push(pos);
      });
      if (build.after === null) {
        listBuilds.delete(key);
        return remember(lists, key, Int32Array.from(build.out), KEPT_LISTS);
      }
    } while (performance.now() < until);
    return { done: build.seen, total: Math.max(build.seen, matching), reading: 'outcomes' };
  }

  /** How many events match (kept: a text filter over a million events is a scan). */
  function count(f: EventIndexFilter): number {
    const key = JSON.stringify(f);
    return counts.get(key) ?? remember(counts, key, countEventIndex(ctx.db, f), KEPT_COUNTS);
  }

  function page(q: ParsedArgsOf<'eventSets.events'>): EventPage {
    const set = getEventSetSummary(ctx.db, q.eventSetId);
    if (!set) throw new Failure(`event set "${q.eventSetId}" does not exist`, 'eventSetId');
    let run: RunSummary | null = null;
    if (q.runId !== undefined) {
      run = requireRun(ctx, q.runId);
      if (run.eventSetId !== set.id) throw new Failure(`run "${q.runId}" replayed another event set`, 'runId');
      if (run.status !== 'done') throw new Failure(`run "${q.runId}" is ${run.status}; only a finished run says what it did with each event`, 'runId');
    }
    const fromMs = instant(q.from, 'from');
    const toMs = instant(q.to, 'to');
    if (fromMs !== undefined && toMs !== undefined && toMs < fromMs) throw new Failure('to is before from', 'to');
    const indexing = index(set.id, set.eventCount);
    if (indexing) return { rows: [], total: 0, eventCount: set.eventCount, indexing };
    const f: EventIndexFilter = {
      eventSetId: set.id,
      ...(q.type === undefined ? {} : { type: q.type }),
      ...(q.partnerKey === undefined ? {} : { partnerKey: q.partnerKey }),
      ...(q.customerKey === undefined ? {} : { customerKey: q.customerKey }),
      ...(fromMs === undefined ? {} : { fromMs }),
      ...(toMs === undefined ? {} : { toMs }),
      ...(q.text === undefined || q.text.trim() === '' ? {} : { text: q.text.trim() }),
    };
    const preparing = (p: Progress): EventPage => ({ rows: [], total: 0, eventCount: set.eventCount, indexing: p });
    const o = run ? runOutcomes(run) : null;
    if (o && 'reading' in o) return preparing(o);
    let rows: EventIndexRow[];
    let total: number;
    if (o && run && q.outcome !== undefined) {
      const list = outcomeList(f, run.id, o, q.outcome, count(f));
      if ('reading' in list) return preparing(list);
      total = list.length;
      rows = eventIndexRowsAt(ctx.db, set.id, [...list.subarray(q.offset, q.offset + q.limit)]);
    } else {
      total = count(f);
      rows = pageEventIndex(ctx.db, f, q.offset, q.limit);
    }
    const out: EventRow[] = rows.map((r) => ({
      position: r.pos + 1,
      id: r.id,
      type: r.type,
      at: r.at,
      partnerKey: r.partnerKey,
      customerKey: r.customerKey,
      detail: r.detail,
      ...(o ? { outcome: outcomeOf(o, r.pos, r.id) } : {}),
    }));
    return { rows: out, total, eventCount: set.eventCount, indexing: null };
  }

  return { 'eventSets.events': page };
}

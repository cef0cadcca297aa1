/**
 * What people attach to runs and event sets (names, notes) and what a run recorded about the
 * program it replayed (its snapshot: every trigger with the version used).
 */
import type { Program } from '../../engine/formats/program-schema';
import type { Handlers, RunSnapshot, SnapshotTrigger, TriggerChange } from '../contract';
import { Failure } from '../failure';
import { annotateEventSet, annotateRun, getEventSetSummary, getRun, getRunProgram, loadProgram, type Db } from '../store';
import { requireRun } from './replay';
import type { ServiceContext } from './context';

/** The run's program snapshot, or a Failure naming `field`. */
export function requireRunProgram(db: Db, runId: string, field = 'runId'): Program {
  const p = getRunProgram(db, runId);
  if (!p) throw new Failure(`run "${runId}" does not exist`, field);
  return p;
}

function snapshotTriggers(p: Program, now: Program | null): SnapshotTrigger[] {
  const current = new Map((now?.triggers ?? []).map((t) => [t.id, t.version ?? 1]));
  return p.triggers.map((t) => ({
    id: t.id,
    name: t.name,
    event: t.event,
    status: t.status,
    version: t.version ?? 1,
    actionType: t.action.type,
    currentVersion: current.get(t.id) ?? null,
  }));
}

export function runSnapshot(ctx: ServiceContext, runId: string): RunSnapshot {
  const run = requireRun(ctx, runId);
  const p = requireRunProgram(ctx.db, runId);
  const now = loadProgram(ctx.db, run.programId)?.program ?? null;
  const known = new Set(p.triggers.map((t) => t.id));
  return {
    runId,
    programId: run.programId,
    programName: p.name,
    timeZone: p.timeZone,
    partnerCount: p.partners.length,
    takenAt: run.startedAt,
    triggers: snapshotTriggers(p, now),
    addedSince: (now?.triggers ?? []).filter((t) => !known.has(t.id)).map((t) => ({ id: t.id, name: t.name })),
  };
}

/** Triggers whose version, status or presence differs between two snapshots, in the after program's order. */
export function triggerChanges(before: Program, after: Program): TriggerChange[] {
  const b = new Map(before.triggers.map((t) => [t.id, t]));
  const a = new Map(after.triggers.map((t) => [t.id, t]));
  const ids = [...after.triggers.map((t) => t.id), ...before.triggers.map((t) => t.id).filter((id) => !a.has(id))];
  const out: TriggerChange[] = [];
  for (const id of ids) {
    const x = b.get(id);
    const y = a.get(id);
    const side = (t: typeof x) => (t ? { version: t.version ?? 1, status: t.status } : null);
    const [sb, sa] = [side(x), side(y)];
    if (sb && sa && sb.version === sa.version && sb.status === sa.status) continue;
    out.push({ triggerId: id, name: (y ?? x)?.name ?? id, before: sb, after: sa });
  }
  return out;
}

/** Empty text clears a name or note; text is kept as typed otherwise (trimmed for names). */
const cleared = (v: string | undefined): string | null | undefined => (v === undefined ? undefined : v.trim() === '' ? null : v);

export function runMetaHandlers(ctx: ServiceContext): Pick<Handlers, 'replay.annotate' | 'eventSets.annotate' | 'replay.snapshot'> {
  return {
    'replay.annotate': ({ runId, name, note }) => {
      requireRun(ctx, runId);
      annotateRun(ctx.db, runId, { name: cleared(name), note: cleared(note) });
      return requireRun(ctx, runId);
    },
    'eventSets.annotate': ({ eventSetId, name, note }) => {
      if (!annotateEventSet(ctx.db, eventSetId, { ...(name === undefined ? {} : { name }), note: cleared(note) })) {
        throw new Failure(`event set "${eventSetId}" does not exist`, 'eventSetId');
      }
      const s = getEventSetSummary(ctx.db, eventSetId);
      if (!s) throw new Failure(`event set "${eventSetId}" does not exist`, 'eventSetId');
      return s;
    },
    'replay.snapshot': ({ runId }) => {
      if (!getRun(ctx.db, runId)) throw new Failure(`run "${runId}" does not exist`, 'runId');
      return runSnapshot(ctx, runId);
    },
  };
}

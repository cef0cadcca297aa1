/** Triggers: create, update (locks), activate/deactivate, duplicate, delete, versions, reorder. */
import { parseInstant } from '../../engine/time';
import { TriggerSchema, type Program, type Trigger } from '../../engine/formats/program-schema';
import { triggerErrors, validateProgram } from '../../engine/validate';
import type { Handlers } from '../contract';
import { Failure, failureFromIssues, parseArg } from '../failure';
import { deleteTrigger, getTrigger, listVersions, removeFromOrders, saveTriggerVersion, setOrder } from '../store';
import { guardProgram, inProgramTx, programDoc, requireProgram, type ServiceContext } from './context';
import { checkLocks, statusChange } from './trigger-locks';

type TriggerChannels =
  | 'triggers.create' | 'triggers.update' | 'triggers.activate' | 'triggers.deactivate'
  | 'triggers.duplicate' | 'triggers.delete' | 'triggers.versions' | 'triggers.reorder';

function requireTrigger(ctx: ServiceContext, programId: string, triggerId: string): Trigger {
  requireProgram(ctx, programId);
  const t = getTrigger(ctx.db, programId, triggerId);
  if (!t) throw new Failure(`trigger "${triggerId}" does not exist in this program`, 'triggerId');
  return t;
}

function withTrigger(program: Program, t: Trigger): Program {
  const exists = program.triggers.some((x) => x.id === t.id);
  return { ...program, triggers: exists ? program.triggers.map((x) => (x.id === t.id ? t : x)) : [...program.triggers, t] };
}

/** Refuses to activate a trigger with errors; the issues name its paths in the program. */
function checkActivatable(program: Program, t: Trigger): void {
  const errors = triggerErrors(validateProgram(withTrigger(program, t)), t.id);
  if (errors.length > 0) throw failureFromIssues(`"${t.name}" cannot be activated`, errors.map((i) => ({ path: i.path, message: i.message })));
}

/** An id not used in the program, derived from `base`. */
function freeId(program: Program, base: string): string {
  const used = new Set(program.triggers.map((t) => t.id));
  const stem = base.replace(/-copy(-\d+)?$/, '');
  for (let n = 1; ; n++) {
    const id = n === 1 ? `${stem}-copy` : `${stem}-copy-${n}`;
    if (!used.has(id)) return id;
  }
}

/** `trigger-N`, the first N not used in the program. */
function numberedId(program: Program): string {
  const used = new Set(program.triggers.map((t) => t.id));
  let n = program.triggers.length + 1;
  while (used.has(`trigger-${n}`)) n++;
  return `trigger-${n}`;
}

function save(ctx: ServiceContext, programId: string, t: Trigger): Trigger {
  return inProgramTx(ctx, programId, () => saveTriggerVersion(ctx.db, programId, t, ctx.now()));
}

function update(ctx: ServiceContext, programId: string, triggerId: string, raw: unknown): Trigger {
  const stored = requireTrigger(ctx, programId, triggerId);
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : raw;
  const base = given && typeof given === 'object' ? { id: triggerId, ...given, version: undefined } : given;
  const next = parseArg(TriggerSchema, base, 'trigger');
  if (next.id !== triggerId) throw new Failure('a trigger id cannot change; duplicate the trigger to get a new id', 'trigger.id');
  checkLocks(stored, next);
  const change = statusChange(stored, next);
  const program = requireProgram(ctx, programId);
  let out: Trigger = { ...next, activatedAt: next.activatedAt ?? stored.activatedAt };
  if (stored.status === 'draft' && next.status === 'draft') out = next;
  if (change === 'activate') {
    checkActivatable(program, out);
    out = { ...out, activatedAt: ctx.now() };
  } else if (out.status !== 'draft') {
    guardProgram(program, withTrigger(program, out), 'this change');
  }
  return inProgramTx(ctx, programId, () => {
    if (stored.event !== out.event) removeFromOrders(ctx.db, programId, triggerId, out.event);
    return saveTriggerVersion(ctx.db, programId, out, ctx.now());
  });
}

export function triggerHandlers(ctx: ServiceContext): Pick<Handlers, TriggerChannels> {
  return {
    'triggers.create': ({ programId, trigger }) => {
      const program = requireProgram(ctx, programId);
      const given = trigger && typeof trigger === 'object' ? (trigger as Record<string, unknown>) : {};
      const id = typeof given.id === 'string' && given.id ? given.id : numberedId(program);
      const t = parseArg(TriggerSchema, { status: 'draft', ...given, id, version: undefined }, 'trigger');
      if (t.status !== 'draft') throw new Failure('a new trigger starts as a draft; activate it once it is complete', 'trigger.status');
      if (program.triggers.some((x) => x.id === t.id)) throw new Failure(`trigger id "${t.id}" is already used in this program`, 'trigger.id');
      return save(ctx, programId, t);
    },
    'triggers.update': ({ programId, triggerId, trigger }) => update(ctx, programId, triggerId, trigger),
    'triggers.activate': ({ programId, triggerId, activatedAt }) => {
      const t = requireTrigger(ctx, programId, triggerId);
      if (t.status === 'active') return t;
      checkActivatable(requireProgram(ctx, programId), { ...t, status: 'active' });
      if (typeof activatedAt === 'string' && parseInstant(activatedAt) === null) {
        throw new Failure(`"${activatedAt}" is not an ISO-8601 instant (e.g. 2026-03-01T00:00:00Z)`, 'activatedAt');
      }
      const { activatedAt: _previous, ...rest } = t;
      const since = activatedAt === undefined ? ctx.now() : activatedAt;
      return save(ctx, programId, since === null ? { ...rest, status: 'active' } : { ...rest, status: 'active', activatedAt: since });
    },
    'triggers.deactivate': ({ programId, triggerId }) => {
      const t = requireTrigger(ctx, programId, triggerId);
      if (t.status === 'draft') throw new Failure(`"${t.name}" is a draft; only an active trigger can be deactivated`, 'triggerId');
      if (t.status === 'inactive') return t;
      return save(ctx, programId, { ...t, status: 'inactive' });
    },
    'triggers.duplicate': ({ programId, triggerId }) => {
      const t = requireTrigger(ctx, programId, triggerId);
      const program = requireProgram(ctx, programId);
      const { activatedAt, version, ...rest } = t;
      return save(ctx, programId, { ...rest, id: freeId(program, t.id), name: `${t.name} (copy)`.slice(0, 500), status: 'draft' });
    },
    'triggers.delete': ({ programId, triggerId }) => {
      requireTrigger(ctx, programId, triggerId);
      inProgramTx(ctx, programId, () => deleteTrigger(ctx.db, programId, triggerId));
      return { deleted: true as const };
    },
    'triggers.versions': ({ programId, triggerId }) => {
      requireTrigger(ctx, programId, triggerId);
      return listVersions(ctx.db, programId, triggerId);
    },
    'triggers.reorder': ({ programId, event, order }) => {
      const program = requireProgram(ctx, programId);
      const byId = new Map(program.triggers.map((t) => [t.id, t]));
      const seen = new Set<string>();
      order.forEach((id, i) => {
        const t = byId.get(id);
        if (!t) throw new Failure(`trigger "${id}" does not exist in this program`, `order[${i}]`);
        if (t.event !== event) throw new Failure(`trigger "${t.name}" listens to ${t.event}, not ${event}`, `order[${i}]`);
        if (seen.has(id)) throw new Failure(`trigger "${t.name}" is listed twice`, `order[${i}]`);
        seen.add(id);
      });
      inProgramTx(ctx, programId, () => setOrder(ctx.db, programId, event, order));
      return programDoc(ctx, programId);
    },
  };
}

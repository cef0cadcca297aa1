/**
 * Trigger locks (seed "Editing triggers"): once a trigger has been activated, its event, rules
 * and action are fixed. Only the name, the offer description, the reward type (flat or
 * percentage), amount, currency and the active/inactive status may change. Drip settings, the
 * group of a group move and the tag of a tag action are part of the locked action.
 */
import type { Action, Trigger } from '../../engine/formats/program-schema';
import { Failure } from '../failure';

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The part of an action that a locked trigger keeps: everything but the offer. */
function lockedAction(a: Action): unknown {
  switch (a.type) {
    case 'reward':
      return { type: a.type };
    case 'drip':
      return { type: a.type, drip: a.drip };
    case 'change_group':
      return { type: a.type, group: a.group };
    case 'apply_tag':
      return { type: a.type, tag: a.tag };
    default: {
      const never: never = a;
      return never;
    }
  }
}

interface LockedField {
  field: string;
  label: string;
  of: (t: Trigger) => unknown;
}

const LOCKED: readonly LockedField[] = [
  { field: 'trigger.event', label: 'event', of: (t) => t.event },
  { field: 'trigger.rules', label: 'rules', of: (t) => t.rules ?? null },
  { field: 'trigger.action.type', label: 'action type', of: (t) => t.action.type },
  { field: 'trigger.action', label: 'action settings', of: (t) => lockedAction(t.action) },
];

/** Throws a Failure naming the first locked field that `next` changes on a non-draft `stored`. */
export function checkLocks(stored: Trigger, next: Trigger): void {
  if (stored.status === 'draft') return;
  for (const lock of LOCKED) {
    if (canonicalJson(lock.of(stored)) !== canonicalJson(lock.of(next))) {
      throw new Failure(
        `the ${lock.label} of "${stored.name}" cannot change once it has been activated; duplicate it as a new draft to change it`,
        lock.field === 'trigger.action' ? lockedActionField(stored.action) : lock.field,
      );
    }
  }
}

function lockedActionField(a: Action): string {
  if (a.type === 'drip') return 'trigger.action.drip';
  if (a.type === 'change_group') return 'trigger.action.group';
  if (a.type === 'apply_tag') return 'trigger.action.tag';
  return 'trigger.action';
}

/**
 * The status change an update asks for: activating from a draft goes through the same check
 * as `triggers.activate`; a trigger that has been activated never becomes a draft again.
 */
export function statusChange(stored: Trigger, next: Trigger): 'none' | 'activate' | 'toggle' {
  if (stored.status === next.status) return 'none';
  if (stored.status === 'draft' && next.status === 'active') return 'activate';
  if (stored.status === 'draft') throw new Failure('a draft must be activated before it can be made inactive', 'trigger.status');
  if (next.status === 'draft') throw new Failure(`"${stored.name}" has been activated and cannot become a draft again; duplicate it as a new draft`, 'trigger.status');
  return 'toggle';
}

/**
 * The one lookup from a program's ids and keys to what a person reads: trigger, partner, group,
 * tier and tag names. The workbench's `Readable` adds the clock to it; the program-data screens
 * use it directly (they know the program but not the workbench's context).
 */
import type { Program } from '@engine/formats/program-schema';

export interface NameLookup {
  /** The trigger's name, or its id when the program no longer has it. */
  trigger: (id: string) => string;
  /** The partner's name, or its key when the partner has no name (or is gone). */
  partner: (key: string) => string;
  /** The group's name ("Enterprise resellers" for `enterprise-resellers`), or its key. */
  group: (key: string) => string;
  /** The tier's name, or its key. */
  tier: (key: string) => string;
  /** The tag's name, or its key. */
  tag: (key: string) => string;
}

/** The part of a program names are read from (all of it optional: a view may not have loaded it). */
export type NamedParts = Partial<Pick<Program, 'triggers' | 'partners' | 'groups' | 'tiers' | 'tags'>>;

/** Names from `program`; a blank name or an unknown id reads as the id itself. */
export function nameLookup(program: NamedParts | undefined): NameLookup {
  const triggers = new Map((program?.triggers ?? []).map((t) => [t.id, t.name.trim() || t.id]));
  const named = (list: readonly { key: string; name: string }[] | undefined): ((key: string) => string) => {
    const names = new Map((list ?? []).map((x) => [x.key, x.name.trim() || x.key]));
    return (key) => names.get(key) ?? key;
  };
  return {
    trigger: (id) => triggers.get(id) ?? id,
    partner: named(program?.partners),
    group: named(program?.groups),
    tier: named(program?.tiers),
    tag: named(program?.tags),
  };
}

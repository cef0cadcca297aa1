/**
 * What a person reads instead of ids: trigger, partner, group, tier and tag names, and instants
 * in the program's clock. One object per program view, shared through context, so the ledger, the
 * group moves, the trace and the comparison all say the same thing (ids stay in tooltips,
 * secondary lines and exports).
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Program } from '@engine/formats/program-schema';
import { displayZone, formatInstant, useClockStore, type InstantOptions } from '../ui/format-instant';

export interface Readable {
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
  /** An instant in the shown zone ("Jan 31, 2026 19:07 EST"). */
  instant: (iso: string, options?: InstantOptions) => string;
  /** The zone instants are shown in. */
  zone: string;
}

/** Names from `program` (when loaded) and instants in `zone`. */
export function makeReadable(program: Partial<Pick<Program, 'triggers' | 'partners' | 'groups' | 'tiers' | 'tags'>> | undefined, zone: string): Readable {
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
    instant: (iso, options) => formatInstant(iso, zone, options),
    zone,
  };
}

const ReadableContext = createContext<Readable>(makeReadable(undefined, 'UTC'));

/** The program's names and clock for everything below (the clock follows the person's setting). */
export function ReadableProvider({ program, children }: { program: Program | undefined; children: ReactNode }) {
  const clock = useClockStore((s) => s.clock);
  const zone = displayZone(program?.timeZone, clock);
  const value = useMemo(() => makeReadable(program, zone), [program, zone]);
  return <ReadableContext.Provider value={value}>{children}</ReadableContext.Provider>;
}

export function useReadable(): Readable {
  return useContext(ReadableContext);
}

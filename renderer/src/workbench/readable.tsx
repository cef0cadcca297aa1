/**
 * What a person reads instead of ids: trigger, partner, group, tier and tag names, and instants
 * in the program's clock. One object per program view, shared through context, so the ledger, the
 * group moves, the trace and the comparison all say the same thing (ids stay in tooltips,
 * secondary lines and exports).
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Program } from '@engine/formats/program-schema';
import { displayZone, formatInstant, useClockStore, type InstantOptions } from '../ui/format-instant';
import { nameLookup, type NamedParts, type NameLookup } from '../ui/name-lookup';

export interface Readable extends NameLookup {
  /** An instant in the shown zone ("Jan 31, 2026 19:07 EST"). */
  instant: (iso: string, options?: InstantOptions) => string;
  /** The zone instants are shown in. */
  zone: string;
}

/** Names from `program` (when loaded) and instants in `zone`. */
export function makeReadable(program: NamedParts | undefined, zone: string): Readable {
  return { ...nameLookup(program), instant: (iso, options) => formatInstant(iso, zone, options), zone };
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

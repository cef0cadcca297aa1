/**
 * What the person picked on the "Compare with…" screen, per program, kept while they visit other
 * screens: B (another program or this one as of a date), the event set, and whether they asked
 * for the comparison (coming back shows it again).
 */
import { create } from 'zustand';
import type { Against } from './compare-model';

export interface CompareChoice {
  against: Against | null;
  eventSetId: string;
  /** The arguments last compared; null until Compare is pressed. */
  shown: { against: Against; eventSetId: string } | null;
}

const EMPTY: CompareChoice = { against: null, eventSetId: '', shown: null };

interface CompareStore {
  byProgram: Record<string, CompareChoice>;
  update: (programId: string, patch: Partial<CompareChoice>) => void;
}

export const useCompareStore = create<CompareStore>()((set) => ({
  byProgram: {},
  update: (programId, patch) => set((s) => ({ byProgram: { ...s.byProgram, [programId]: { ...(s.byProgram[programId] ?? EMPTY), ...patch } } })),
}));

export function useCompareChoice(programId: string): [CompareChoice, (patch: Partial<CompareChoice>) => void] {
  const choice = useCompareStore((s) => s.byProgram[programId]) ?? EMPTY;
  const update = useCompareStore((s) => s.update);
  return [choice, (patch) => update(programId, patch)];
}

/**
 * The workbench's own small state: the run chosen per program, shared by the replay workbench
 * and the payouts view. No I/O here.
 */
import { create } from 'zustand';

export interface WorkbenchState {
  runByProgram: Readonly<Record<string, string>>;
  selectRun: (programId: string, runId: string) => void;
}

export const useWorkbenchStore = create<WorkbenchState>()((set) => ({
  runByProgram: {},
  selectRun: (programId, runId) => set((s) => ({ runByProgram: { ...s.runByProgram, [programId]: runId } })),
}));

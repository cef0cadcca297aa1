/**
 * The workbench's own small state: the run chosen per program, shared by the replay workbench
 * and the payouts view, and the ledger columns the person chose (remembered across starts).
 * No service I/O here.
 */
import { create } from 'zustand';
import type { RunSummary } from '@service/contract';
import { readPreference, writePreference } from '../ui/preference';
import { DEFAULT_LEDGER_COLUMNS } from './ledger-model';
import { observe, requestCancel, type RunTrack } from './run-state';

const COLUMNS_KEY = 'offerflow.ledgerColumns';

function storedColumns(): readonly string[] {
  try {
    const raw = readPreference(COLUMNS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : DEFAULT_LEDGER_COLUMNS;
  } catch {
    return DEFAULT_LEDGER_COLUMNS;
  }
}

export interface WorkbenchState {
  runByProgram: Readonly<Record<string, string>>;
  selectRun: (programId: string, runId: string) => void;
  /** Keys of the ledger columns shown (`LEDGER_COLUMNS`). */
  ledgerColumns: readonly string[];
  setLedgerColumns: (keys: readonly string[]) => void;
  /** Every run seen, through the run state machine (`run-state.ts`): only ever forward. */
  tracks: Readonly<Record<string, RunTrack>>;
  observeRuns: (summaries: readonly RunSummary[]) => void;
  cancelRequested: (runId: string) => void;
}

export const useWorkbenchStore = create<WorkbenchState>()((set) => ({
  runByProgram: {},
  selectRun: (programId, runId) => set((s) => ({ runByProgram: { ...s.runByProgram, [programId]: runId } })),
  ledgerColumns: storedColumns(),
  setLedgerColumns: (keys) => {
    writePreference(COLUMNS_KEY, JSON.stringify(keys));
    set({ ledgerColumns: keys });
  },
  tracks: {},
  observeRuns: (summaries) =>
    set((s) => {
      let changed = false;
      const next: Record<string, RunTrack> = { ...s.tracks };
      for (const r of summaries) {
        const t = observe(s.tracks[r.id], r);
        if (t !== s.tracks[r.id]) {
          next[r.id] = t;
          changed = true;
        }
      }
      return changed ? { tracks: next } : {};
    }),
  cancelRequested: (runId) =>
    set((s) => {
      const t = s.tracks[runId];
      return t ? { tracks: { ...s.tracks, [runId]: requestCancel(t) } } : {};
    }),
}));

/**
 * The app shell's state: which program is open, which view shows, and the program revision
 * every view re-fetches on (the editor bumps it after each save).
 */
import { create } from 'zustand';
import type { TriggerEvent } from '../../../engine/catalogue';

export type AppView =
  | { kind: 'settings' }
  | { kind: 'partners' }
  | { kind: 'trigger'; triggerId: string }
  | { kind: 'order'; event: TriggerEvent }
  | { kind: 'drip' }
  | { kind: 'visibility' }
  | { kind: 'replay' }
  | { kind: 'payouts' };

export interface AppState {
  programId: string | null;
  view: AppView;
  programRevision: number;
  bumpRevision: () => void;
  openProgram: (programId: string | null) => void;
  go: (view: AppView) => void;
}

const LAST_PROGRAM = 'offerflow.lastProgram';

function stored(): string | null {
  try {
    return globalThis.localStorage?.getItem(LAST_PROGRAM) ?? null;
  } catch {
    return null;
  }
}

export const useAppStore = create<AppState>()((set) => ({
  programId: stored(),
  view: { kind: 'settings' },
  programRevision: 0,
  bumpRevision: () => set((s) => ({ programRevision: s.programRevision + 1 })),
  openProgram: (programId) => set({ programId, view: { kind: 'settings' } }),
  go: (view) => set({ view }),
}));

/** Remembers the open program for the next start. */
useAppStore.subscribe((s, prev) => {
  if (s.programId === prev.programId) return;
  try {
    if (s.programId) globalThis.localStorage?.setItem(LAST_PROGRAM, s.programId);
    else globalThis.localStorage?.removeItem(LAST_PROGRAM);
  } catch {
    // Storage can be unavailable (private mode); the choice is then not remembered.
  }
});

/**
 * The app shell's state: which program is open and which view shows. (What the views show is
 * fetched through the query cache, `client/query-cache.ts`, which a save marks stale.)
 */
import { create } from 'zustand';
import type { TriggerEvent } from '@engine/catalogue';
import { readPreference, writePreference } from '../ui/preference';
import { discardUnsavedWork, unsavedWork } from './leave-guard';

export type AppView =
  | { kind: 'settings' }
  | { kind: 'partners' }
  | { kind: 'trigger'; triggerId: string }
  | { kind: 'order'; event: TriggerEvent }
  | { kind: 'drip' }
  | { kind: 'visibility' }
  | { kind: 'replay' }
  | { kind: 'payouts' }
  | { kind: 'runs' }
  | { kind: 'overview' }
  /** "Compare with…": this program against another, or against itself as of a date. */
  | { kind: 'compare' }
  /** One partner's timeline or statement (reachable from every partner key, `PartnerLink`). */
  | { kind: 'partner'; partnerKey: string; tab?: 'timeline' | 'statement' };

export interface AppState {
  programId: string | null;
  view: AppView;
  openProgram: (programId: string | null) => void;
  /** Shows another view; asks first (see `pendingLeave`) when a screen has unsaved work. */
  go: (view: AppView) => void;
  /** A leave waiting for the person's answer: what is unsaved, and where they wanted to go. */
  pendingLeave: { unsaved: string[]; to: LeaveTarget } | null;
  /** Answers the pending leave: `discard` throws the unsaved work away and goes on. */
  answerLeave: (discard: boolean) => void;
}

type LeaveTarget = { view: AppView } | { programId: string | null };

const LAST_PROGRAM = 'offerflow.lastProgram';

function stored(): string | null {
  return readPreference(LAST_PROGRAM);
}

function sameView(a: AppView, b: AppView): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const useAppStore = create<AppState>()((set, get) => {
  const apply = (to: LeaveTarget) => set('view' in to ? { view: to.view } : { programId: to.programId, view: { kind: 'settings' } });
  const leave = (to: LeaveTarget) => {
    const unsaved = unsavedWork();
    if (unsaved.length > 0) set({ pendingLeave: { unsaved, to } });
    else apply(to);
  };
  return {
    programId: stored(),
    view: { kind: 'settings' },
    pendingLeave: null,
    openProgram: (programId) => leave({ programId }),
    go: (view) => (sameView(view, get().view) ? undefined : leave({ view })),
    answerLeave: (discard) => {
      const pending = get().pendingLeave;
      set({ pendingLeave: null });
      if (!pending || !discard) return;
      discardUnsavedWork();
      apply(pending.to);
    },
  };
});

/** Remembers the open program for the next start. */
useAppStore.subscribe((s, prev) => {
  if (s.programId === prev.programId) return;
  writePreference(LAST_PROGRAM, s.programId);
});

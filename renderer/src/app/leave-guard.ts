/**
 * Unsaved work the app must not throw away silently. A screen with unsaved input registers a
 * guard; before the view changes (or the program, or the window closes) the app asks the
 * guards, and when one has something unsaved it asks the person before going on.
 */
import { useEffect, useRef } from 'react';

export interface LeaveGuard {
  /** What is unsaved, in a sentence, or null when nothing is. */
  unsaved: () => string | null;
  /** Throws the unsaved input away (called when the person chooses to leave anyway). */
  discard?: () => void;
}

const guards = new Map<string, LeaveGuard>();

export function registerLeaveGuard(id: string, guard: LeaveGuard): () => void {
  guards.set(id, guard);
  return () => {
    if (guards.get(id) === guard) guards.delete(id);
  };
}

/** Every sentence of unsaved work, in registration order. */
export function unsavedWork(): string[] {
  return [...guards.values()].map((g) => g.unsaved()).filter((m): m is string => m !== null);
}

/** Discards the unsaved input of every guard (the person chose to leave). */
export function discardUnsavedWork(): void {
  for (const g of guards.values()) if (g.unsaved() !== null) g.discard?.();
}

/**
 * Registers a guard for as long as the component is mounted; `unsaved` is read when a leave is
 * asked for, so it always sees the latest state.
 */
export function useLeaveGuard(id: string, unsaved: string | null, discard?: () => void): void {
  const latest = useRef<{ unsaved: string | null; discard: (() => void) | undefined }>({ unsaved, discard });
  latest.current = { unsaved, discard };
  useEffect(
    () =>
      registerLeaveGuard(id, {
        unsaved: () => latest.current.unsaved,
        discard: () => latest.current.discard?.(),
      }),
    [id],
  );
}

/** Closing the window (or reloading the page) with unsaved work asks the browser's question. */
export function installUnloadGuard(): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (unsavedWork().length === 0) return;
    // preventDefault alone asks (HTML standard; Chromium since 119): `returnValue` is the legacy way.
    e.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}

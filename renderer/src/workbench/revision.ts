/**
 * The program revision the views re-fetch on: the app shell's `useAppStore` owns it (the editor
 * bumps it after each save); an explicit `revision` prop adds to it (previews, tests).
 */
import { useAppStore } from '../app/app-store';

export function useProgramRevision(explicit?: number): number {
  const stored = useAppStore((s) => s.programRevision);
  return stored + (explicit ?? 0);
}

/**
 * The program revision the views re-fetch on. The app shell's `useAppStore` owns it; until the
 * store lands a view may be given `revision` directly.
 */
export function useProgramRevision(explicit?: number): number {
  return explicit ?? 0;
}

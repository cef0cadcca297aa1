/**
 * Display preferences kept in the browser's localStorage (theme, clock, last program, columns):
 * one place that knows the two ways storage is missing. The renderer's modules also load under
 * Node (unit tests, e2e helpers), where there is no localStorage; and a browser may refuse
 * storage (private mode, quota). Either way a preference then lasts only this session.
 */
function storage(): Storage | undefined {
  return (globalThis as { localStorage?: Storage }).localStorage;
}

/** The stored value of `key`, or null when there is none or storage is unavailable. */
export function readPreference(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores `value` under `key` (null removes it); silently not remembered when storage refuses. */
export function writePreference(key: string, value: string | null): void {
  try {
    if (value === null) storage()?.removeItem(key);
    else storage()?.setItem(key, value);
  } catch {
    // Not remembered: the choice lasts this session.
  }
}

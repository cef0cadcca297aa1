/**
 * One message at a time, for results of actions (errors are values, shown here). A short result
 * is a snackbar; a refusal that lists problems (an import naming CSV lines or JSON paths) stays
 * on screen as a dialog with every problem, until the person closes it.
 */
import { create } from 'zustand';

/** One problem of a refusal: where (CSV line and column, or JSON path) and what. */
export interface NoticeProblem {
  path: string;
  message: string;
}

export interface NotifyState {
  message: string | null;
  severity: 'success' | 'error';
  /** Every problem of the refusal; empty for a plain message. */
  problems: readonly NoticeProblem[];
  show: (message: string, severity?: 'success' | 'error', problems?: readonly NoticeProblem[]) => void;
  clear: () => void;
}

export const useNotify = create<NotifyState>()((set) => ({
  message: null,
  severity: 'success',
  problems: [],
  show: (message, severity = 'success', problems = []) => set({ message, severity, problems }),
  clear: () => set({ message: null, problems: [] }),
}));

/**
 * The heading of a refusal with problems: the service's sentence before its first problem
 * ("team.csv would make the program invalid"), then how many, and that nothing was stored.
 */
export function problemsTitle(message: string, count: number): string {
  const what = message.split(': ')[0] ?? message;
  return `${what}: ${count} problem${count === 1 ? '' : 's'}, nothing was stored`;
}

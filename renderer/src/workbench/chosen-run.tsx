/**
 * Which finished run a results screen reads (the one picked in any workbench view, else the
 * newest finished), and the run picker with its headline above the screen, or what to do first
 * when no run has finished.
 */
import Typography from '@mui/material/Typography';
import type { RunSummary } from '@service/contract';
import { useRuns } from './hooks';
import { finishedChoice } from './run-progress';
import { RunSummaryBar } from './run-summary-bar';
import { useWorkbenchStore } from './workbench-store';

export interface ChosenRun {
  /** The program's finished runs. */
  done: RunSummary[];
  /** The one shown, null when none has finished. */
  run: RunSummary | null;
  /** The runs are still being asked for (so "no run yet" would be early). */
  loading: boolean;
  pick: (runId: string) => void;
}

export function useChosenRun(programId: string): ChosenRun {
  const runs = useRuns(programId);
  const chosen = useWorkbenchStore((s) => s.runByProgram[programId]);
  const selectRun = useWorkbenchStore((s) => s.selectRun);
  return { ...finishedChoice(runs.data ?? [], chosen), loading: runs.loading, pick: (id) => selectRun(programId, id) };
}

/** The run picker, or `empty` once it is known that no run has finished. */
export function ChosenRunBar({ chosen, empty, onPick = chosen.pick }: { chosen: ChosenRun; empty: string; onPick?: (runId: string) => void }) {
  if (chosen.done.length > 0) return <RunSummaryBar runs={chosen.done} run={chosen.run} onPick={onPick} />;
  return chosen.loading ? null : <Typography color="text.secondary">{empty}</Typography>;
}

/**
 * A run's one-line state for lists outside the workbench (the navigator): read from the same run
 * state machine as the workbench's chip and picker (`observe`), so a list polled every few
 * seconds never says "running…" for a run the workbench already shows as done.
 */
import type { RunSummary } from '@service/contract';
import { isEnd, observe } from './run-state';
import { useWorkbenchStore } from './workbench-store';

export function RunCaption({ run }: { run: RunSummary }) {
  const track = observe(useWorkbenchStore((s) => s.tracks[run.id]), run);
  const { stage, summary } = track;
  if (!isEnd(stage)) return <>{stage}…</>;
  return <>{stage === 'done' ? `done · ${summary.rewardCount.toLocaleString('en-US')} rewards` : stage}</>;
}

/**
 * Which runs the replay workbench shows, apart from how it shows them: the program's event sets
 * and runs, the replay runner, and the run state machine's word on the chosen run and the going
 * one. A run that starts is chosen (its live progress shows); one that was already going when
 * the view opened is followed; a start and an end are changes of the runs (`dataChanged`).
 */
import { useEffect, useState } from 'react';
import { runInProgress, type EventSetSummary, type RunSummary } from '@service/contract';
import { useRuns, useServiceQuery } from './hooks';
import { dataChanged } from '../client/query-cache';
import { useReplayRunner, type ReplayRunner } from './use-replay-runner';
import { useWorkbenchStore } from './workbench-store';
import { defaultRun } from './run-progress';
import { observe, runView, type RunTrack, type RunView } from './run-state';

export interface WorkbenchRuns {
  sets: readonly EventSetSummary[];
  /** The listed runs, with a just-started one the list does not have yet. */
  runList: RunSummary[];
  runsLoading: boolean;
  /** The chosen run's track (the run picker's choice, or the default run). */
  chosenTrack: RunTrack | null;
  /** The going run's state, for the Run / Cancel bar. */
  goingView: RunView | null;
  runner: ReplayRunner;
  choose: (runId: string) => void;
}

export function useWorkbenchRuns(programId: string): WorkbenchRuns {
  const eventSets = useServiceQuery('eventSets.list', { programId });
  const runs = useRuns(programId);
  const selectRun = useWorkbenchStore((s) => s.selectRun);
  const runner = useReplayRunner(programId, (r: RunSummary) => {
    selectRun(programId, r.id);
    dataChanged('runs');
  });
  const listedRuns = runs.data ?? [];
  // A just-started run is the runner's before the list is fetched again.
  const runList = runner.run && !listedRuns.some((r) => r.id === runner.run?.id) ? [...listedRuns, runner.run] : listedRuns;
  const { chosenTrack, goingView } = useTracks(programId, runs.data, runList, runner);
  useFollowGoing(programId, runList, runner);
  return { sets: eventSets.data ?? [], runList, runsLoading: runs.loading, chosenTrack, goingView, runner, choose: (id) => selectRun(programId, id) };
}

/** The run state machine's word on the chosen run and on the going one, whichever summary is newer. */
function useTracks(programId: string, listed: readonly RunSummary[] | null, runList: readonly RunSummary[], runner: ReplayRunner) {
  const chosen = useWorkbenchStore((s) => s.runByProgram[programId]);
  const tracks = useWorkbenchStore((s) => s.tracks);
  const observeRuns = useWorkbenchStore((s) => s.observeRuns);
  useEffect(() => {
    if (listed) observeRuns(listed);
  }, [listed, observeRuns]);
  const shown = runList.find((r) => r.id === chosen) ?? defaultRun(runList);
  const chosenTrack = shown ? observe(tracks[shown.id], shown) : null;
  const goingTrack = runner.run ? observe(tracks[runner.run.id], runner.run) : null;
  const goingView = chosenTrack && runView(chosenTrack).inProgress ? runView(chosenTrack) : goingTrack && runView(goingTrack).inProgress ? runView(goingTrack) : null;
  return { chosenTrack, goingView };
}

/** A run just started shows instead of the previous one; one already going is followed. */
function useFollowGoing(programId: string, runList: readonly RunSummary[], runner: ReplayRunner) {
  const selectRun = useWorkbenchStore((s) => s.selectRun);
  const { watch } = runner;
  const goingId = runner.run && runInProgress(runner.run.status) ? runner.run.id : null;
  useEffect(() => {
    if (!goingId) return;
    selectRun(programId, goingId);
    dataChanged('runs');
  }, [goingId, programId, selectRun]);
  const going = runner.run && runInProgress(runner.run.status) ? null : runList.find((r) => runInProgress(r.status));
  useEffect(() => {
    if (going) watch(going);
  }, [going, watch]);
}

/** The event set the Run button replays: the first listed until the person picks; another program starts again. */
export function useEventSetChoice(programId: string, sets: WorkbenchRuns['sets']): [string, (id: string) => void] {
  const [eventSetId, setEventSetId] = useState('');
  useEffect(() => {
    if (!eventSetId && sets[0]) setEventSetId(sets[0].id);
  }, [sets, eventSetId]);
  // Another program's event sets are another list: start again from its first.
  useEffect(() => setEventSetId(''), [programId]);
  return [eventSetId, setEventSetId];
}

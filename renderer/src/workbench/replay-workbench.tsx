/**
 * The replay workbench: pick an event set, run it, and read the chosen run's results. Which runs
 * show is `useWorkbenchRuns`; the results' tabs are `RunResults`.
 */
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useServiceQuery } from './hooks';
import { runView } from './run-state';
import { EventSetBar } from './event-set-bar';
import { RunSummaryBar } from './run-summary-bar';
import { RunResults, useResultTabs } from './run-results';
import { useEventSetChoice, useWorkbenchRuns } from './use-workbench-runs';
import type { ProgramViewProps } from './types';
import { ProgramNames } from './program-names';
import { ImportExportsButton } from './imports/import-dialog';

/** Replays event sets against the program and explains every reward, move and rejection. */
export function ReplayWorkbench(props: ProgramViewProps) {
  return (
    <ProgramNames programId={props.programId}>
      <Workbench {...props} />
    </ProgramNames>
  );
}

function Workbench({ programId }: ProgramViewProps) {
  const program = useServiceQuery('programs.get', { programId });
  const w = useWorkbenchRuns(programId);
  const [eventSetId, setEventSetId] = useEventSetChoice(programId, w.sets);
  const tabs = useResultTabs();
  const { chosenTrack, runList, runner, sets } = w;
  const run = chosenTrack?.summary ?? null;
  const finished = chosenTrack?.stage === 'done';
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <EventSetBar
          programId={programId}
          eventSets={sets}
          eventSetId={eventSetId}
          onPick={setEventSetId}
          onImported={(s) => setEventSetId(s.id)}
          going={w.goingView}
          onRun={() => void runner.start(eventSetId)}
          onCancel={() => void runner.cancel()}
          runError={runner.error}
        />
        <Stack direction="row" sx={{ mt: 1.5 }}>
          <ImportExportsButton programId={programId} onImported={(s) => setEventSetId(s.id)} />
        </Stack>
      </Paper>
      {runList.length === 0 && !w.runsLoading && <Typography color="text.secondary">No runs yet: pick an event set and press Run replay.</Typography>}
      {runList.length > 0 && <RunSummaryBar runs={runList} run={run} onPick={w.choose} hasExpectations={(r) => sets.find((s) => s.id === r.eventSetId)?.hasExpectations} />}
      {chosenTrack && !finished && !runView(chosenTrack).inProgress && <Alert severity="info">This run was {chosenTrack.stage}; its results are not kept. Run it again to see them.</Alert>}
      {run && finished && <RunResults run={run} program={program.data?.program} eventSet={sets.find((s) => s.id === run.eventSetId)} runs={runList} tabs={tabs} />}
    </Stack>
  );
}

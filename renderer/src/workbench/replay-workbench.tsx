import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { runInProgress, type RunSummary } from '@service/contract';
import { useServiceQuery } from './hooks';
import { useProgramRevision } from './revision';
import { useReplayRunner } from './use-replay-runner';
import { useWorkbenchStore } from './workbench-store';
import { defaultRun } from './run-progress';
import { observe, runView } from './run-state';
import { EventSetBar } from './event-set-bar';
import { RunSummaryBar } from './run-summary-bar';
import { LedgerPanel } from './ledger-panel';
import { GroupMovesTable, PartnersTable, RejectedTable, TagsTable } from './run-details';
import { TracePanel } from './trace-panel';
import { EventBrowser } from './event-browser';
import { EMPTY_EVENT_FILTER, type EventFilter } from './event-browser-model';
import { ExpectationsPanel } from './expectations-panel';
import { expectationsState } from './expectation-diff';
import { ComparePanel } from './compare-panel';
import type { ProgramViewProps } from './types';
import { ReadableProvider } from './readable';

const TABS = ['Ledger', 'Events', 'Group moves', 'Tags', 'Rejected', 'Partners', 'Trace', 'Expectations', 'Compare runs'] as const;
type TabName = (typeof TABS)[number];

/** Replays event sets against the program and explains every reward, move and rejection. */
export function ReplayWorkbench(props: ProgramViewProps) {
  const rev = useProgramRevision(props.revision);
  const program = useServiceQuery('programs.get', { programId: props.programId }, rev);
  return (
    <ReadableProvider program={program.data?.program}>
      <Workbench {...props} />
    </ReadableProvider>
  );
}

function Workbench({ programId, revision }: ProgramViewProps) {
  const rev = useProgramRevision(revision);
  const [tick, setTick] = useState(0);
  const program = useServiceQuery('programs.get', { programId }, rev);
  const eventSets = useServiceQuery('eventSets.list', { programId }, rev + tick);
  const runs = useServiceQuery('replay.runs', { programId }, rev + tick);
  const chosen = useWorkbenchStore((s) => s.runByProgram[programId]);
  const selectRun = useWorkbenchStore((s) => s.selectRun);
  const [eventSetId, setEventSetId] = useState('');
  const [tab, setTab] = useState<TabName>('Ledger');
  const [traceEvent, setTraceEvent] = useState('');
  const [eventFilter, setEventFilter] = useState<{ runId: string; filter: EventFilter } | null>(null);
  const runner = useReplayRunner(programId, (r: RunSummary) => {
    selectRun(programId, r.id);
    setTick((t) => t + 1);
  });
  const listedRuns = runs.data ?? [];
  // A just-started run is the runner's before the list is fetched again.
  const runList = runner.run && !listedRuns.some((r) => r.id === runner.run?.id) ? [...listedRuns, runner.run] : listedRuns;
  const tracks = useWorkbenchStore((s) => s.tracks);
  const observeRuns = useWorkbenchStore((s) => s.observeRuns);
  useEffect(() => {
    if (runs.data) observeRuns(runs.data);
  }, [runs.data, observeRuns]);
  const listed = runList.find((r) => r.id === chosen) ?? defaultRun(runList);
  // The run state machine decides what the chosen run is now, whichever summary is newer.
  const chosenTrack = listed ? observe(tracks[listed.id], listed) : null;
  const run = chosenTrack?.summary ?? null;
  const goingTrack = runner.run ? observe(tracks[runner.run.id], runner.run) : null;
  const goingView = chosenTrack && runView(chosenTrack).inProgress ? runView(chosenTrack) : goingTrack && runView(goingTrack).inProgress ? runView(goingTrack) : null;
  const sets = eventSets.data ?? [];
  const { watch } = runner;
  const goingId = runner.run && runInProgress(runner.run.status) ? runner.run.id : null;
  useEffect(() => {
    // A run just started: show it (its live progress) instead of the previous one.
    if (!goingId) return;
    selectRun(programId, goingId);
    setTick((t) => t + 1);
  }, [goingId, programId, selectRun]);
  const going = runner.run && runInProgress(runner.run.status) ? null : runList.find((r) => runInProgress(r.status));
  useEffect(() => {
    if (going) watch(going);
  }, [going, watch]);
  useEffect(() => {
    if (!eventSetId && sets[0]) setEventSetId(sets[0].id);
  }, [sets, eventSetId]);
  // Another program's event sets are another list: start again from its first.
  useEffect(() => setEventSetId(''), [programId]);
  const finished = chosenTrack?.stage === 'done';
  const result = useServiceQuery('replay.result', finished && run ? { runId: run.id } : null, tick);
  const p = program.data?.program;
  const openTrace = (id: string) => {
    setTraceEvent(id);
    setTab('Trace');
  };
  const eventSet = sets.find((s) => s.id === run?.eventSetId);
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <EventSetBar
          programId={programId}
          eventSets={sets}
          eventSetId={eventSetId}
          onPick={setEventSetId}
          onImported={(s) => {
            setEventSetId(s.id);
            setTick((t) => t + 1);
          }}
          going={goingView}
          onRun={() => void runner.start(eventSetId)}
          onCancel={() => void runner.cancel()}
          runError={runner.error}
        />
      </Paper>
      {runList.length === 0 && !runs.loading && <Typography color="text.secondary">No runs yet: pick an event set and press Run replay.</Typography>}
      {runList.length > 0 && <RunSummaryBar runs={runList} run={run} onPick={(id) => selectRun(programId, id)} hasExpectations={(r) => sets.find((s) => s.id === r.eventSetId)?.hasExpectations} />}
      {chosenTrack && !finished && !runView(chosenTrack).inProgress && <Alert severity="info">This run was {chosenTrack.stage}; its results are not kept. Run it again to see them.</Alert>}
      {run && finished && (
        <Paper variant="outlined">
          <Tabs value={tab} onChange={(_, v: TabName) => setTab(v)} variant="scrollable" aria-label="Run results">
            {TABS.map((t) => (
              <Tab key={t} value={t} label={t} />
            ))}
          </Tabs>
          <Box sx={{ p: 2 }} role="tabpanel" aria-label={tab}>
            {result.error && <Alert severity="error">{result.error.message}</Alert>}
            {tab === 'Ledger' && (
              <LedgerPanel
                key={run.id}
                runId={run.id}
                partners={(p?.partners ?? []).map((x) => x.key)}
                triggers={(p?.triggers ?? []).filter((t) => t.action.type === 'reward' || t.action.type === 'drip').map((t) => ({ id: t.id, name: t.name }))}
                onTrace={openTrace}
                onReviewed={() => undefined}
              />
            )}
            {tab === 'Events' &&
              (run.eventSetId ? (
                <EventBrowser
                  key={run.id}
                  eventSetId={run.eventSetId}
                  runId={run.id}
                  partners={(p?.partners ?? []).map((x) => x.key)}
                  onTrace={openTrace}
                  // Another run starts from all its events.
                  filter={eventFilter?.runId === run.id ? eventFilter.filter : EMPTY_EVENT_FILTER}
                  onFilter={(filter) => setEventFilter({ runId: run.id, filter })}
                />
              ) : (
                <Alert severity="info">This run's event set has been deleted, so its events cannot be listed.</Alert>
              ))}
            {result.data && tab === 'Group moves' && <GroupMovesTable rows={result.data.groupChanges} onTrace={openTrace} />}
            {result.data && tab === 'Tags' && <TagsTable rows={result.data.tagsApplied} onTrace={openTrace} />}
            {result.data && tab === 'Rejected' && <RejectedTable rows={result.data.rejected} onTrace={openTrace} />}
            {result.data && tab === 'Partners' && <PartnersTable rows={result.data.partners} />}
            {tab === 'Trace' && <TracePanel runId={run.id} eventId={traceEvent} onEventId={setTraceEvent} triggers={p?.triggers ?? []} rejected={result.data?.rejected} />}
            {result.data && tab === 'Expectations' && (
              <ExpectationsPanel
                runId={run.id}
                result={result.data.expectations}
                hasExpectations={expectationsState(run, eventSet?.hasExpectations) !== 'none'}
                manage={eventSet ? { eventSetId: eventSet.id, setHasExpectations: eventSet.hasExpectations, rewardCount: run.rewardCount, onChanged: () => setTick((t) => t + 1) } : undefined}
              />
            )}
            {tab === 'Compare runs' && <ComparePanel runs={runList} />}
          </Box>
        </Paper>
      )}
    </Stack>
  );
}

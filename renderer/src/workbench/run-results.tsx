/**
 * A finished run's results, one tab each: ledger, events, group moves, tags, rejections,
 * partners, trace, expectations and the comparison of runs. Which tab is open, the traced event
 * and the events filter are the workbench's (`useResultTabs`), so a new run opens on the tab the
 * person was reading.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { Program } from '@engine/formats/program-schema';
import type { EventSetSummary, ResultOf, RunSummary } from '@service/contract';
import { useServiceQuery } from './hooks';
import { LedgerPanel } from './ledger-panel';
import { GroupMovesTable, PartnersTable, RejectedTable, TagsTable } from './run-details';
import { TracePanel } from './trace-panel';
import { EventBrowser } from './event-browser';
import { EMPTY_EVENT_FILTER, type EventFilter } from './event-browser-model';
import { ExpectationsPanel } from './expectations-panel';
import { expectationsState } from './expectation-diff';
import { ComparePanel } from './compare-panel';

const TABS = ['Ledger', 'Events', 'Group moves', 'Tags', 'Rejected', 'Partners', 'Trace', 'Expectations', 'Compare runs'] as const;
type TabName = (typeof TABS)[number];

export function useResultTabs() {
  const [tab, setTab] = useState<TabName>('Ledger');
  const [traceEvent, setTraceEvent] = useState('');
  const [eventFilter, setEventFilter] = useState<{ runId: string; filter: EventFilter } | null>(null);
  const openTrace = (id: string) => {
    setTraceEvent(id);
    setTab('Trace');
  };
  return { tab, setTab, traceEvent, setTraceEvent, openTrace, eventFilter, setEventFilter };
}

export type ResultTabs = ReturnType<typeof useResultTabs>;

export interface RunResultsProps {
  run: RunSummary;
  program: Program | undefined;
  /** The run's event set, unless it was deleted. */
  eventSet: EventSetSummary | undefined;
  runs: readonly RunSummary[];
  tabs: ResultTabs;
}

export function RunResults(props: RunResultsProps) {
  const { tab, setTab } = props.tabs;
  const result = useServiceQuery('replay.result', { runId: props.run.id });
  return (
    <Paper variant="outlined">
      <Tabs value={tab} onChange={(_, v: TabName) => setTab(v)} variant="scrollable" aria-label="Run results">
        {TABS.map((t) => (
          <Tab key={t} value={t} label={t} />
        ))}
      </Tabs>
      <Box sx={{ p: 2 }} role="tabpanel" aria-label={tab}>
        {result.error && <Alert severity="error">{result.error.message}</Alert>}
        <TabContent {...props} result={result.data} />
      </Box>
    </Paper>
  );
}

function TabContent({ run, program: p, eventSet, runs, tabs, result }: RunResultsProps & { result: ResultOf<'replay.result'> | null }) {
  const { tab, openTrace, traceEvent, setTraceEvent } = tabs;
  const partners = (p?.partners ?? []).map((x) => x.key);
  switch (tab) {
    case 'Ledger':
      return <LedgerPanel key={run.id} runId={run.id} partners={partners} triggers={(p?.triggers ?? []).filter((t) => t.action.type === 'reward' || t.action.type === 'drip').map((t) => ({ id: t.id, name: t.name }))} onTrace={openTrace} />;
    case 'Events':
      return <RunEvents run={run} partners={partners} tabs={tabs} />;
    case 'Trace':
      return <TracePanel runId={run.id} eventId={traceEvent} onEventId={setTraceEvent} triggers={p?.triggers ?? []} rejected={result?.rejected} />;
    case 'Compare runs':
      return <ComparePanel runs={runs} />;
  }
  if (!result) return null;
  switch (tab) {
    case 'Group moves':
      return <GroupMovesTable rows={result.groupChanges} onTrace={openTrace} />;
    case 'Tags':
      return <TagsTable rows={result.tagsApplied} onTrace={openTrace} />;
    case 'Rejected':
      return <RejectedTable rows={result.rejected} onTrace={openTrace} />;
    case 'Partners':
      return <PartnersTable rows={result.partners} />;
    case 'Expectations':
      return (
        <ExpectationsPanel
          runId={run.id}
          result={result.expectations}
          hasExpectations={expectationsState(run, eventSet?.hasExpectations) !== 'none'}
          manage={eventSet ? { eventSetId: eventSet.id, setHasExpectations: eventSet.hasExpectations, rewardCount: run.rewardCount } : undefined}
        />
      );
  }
}

function RunEvents({ run, partners, tabs }: { run: RunSummary; partners: string[]; tabs: ResultTabs }) {
  const { openTrace, eventFilter, setEventFilter } = tabs;
  if (!run.eventSetId) return <Alert severity="info">This run's event set has been deleted, so its events cannot be listed.</Alert>;
  return (
    <EventBrowser
      key={run.id}
      eventSetId={run.eventSetId}
      runId={run.id}
      partners={partners}
      onTrace={openTrace}
      // Another run starts from all its events.
      filter={eventFilter?.runId === run.id ? eventFilter.filter : EMPTY_EVENT_FILTER}
      onFilter={(filter) => setEventFilter({ runId: run.id, filter })}
    />
  );
}

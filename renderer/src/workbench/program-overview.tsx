/**
 * The program overview (like PartnerStack's Triggers tab): every trigger with its event, a
 * status toggle, its offer, and the chosen run's count and USD total; search and filters; and
 * the run summary per trigger and per partner (counts, USD, share) with bar charts.
 */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { dataChanged } from '../client/query-cache';
import { ChosenRunBar, useChosenRun } from './chosen-run';
import { useServiceQuery } from './hooks';
import { displayUsd, groupDigits } from './money-format';
import { filterTriggers, NO_OVERVIEW_FILTER, type OverviewFilter } from './overview-model';
import { TriggerFilters, TriggersTable } from './overview-triggers';
import { ProgramNames } from './program-names';
import { useReadable } from './readable';
import { SummaryBlock } from './summary-block';
import type { ProgramViewProps } from './types';

function Overview({ programId }: ProgramViewProps) {
  const n = useReadable();
  const doc = useServiceQuery('programs.get', { programId });
  const chosen = useChosenRun(programId);
  const { run } = chosen;
  const totals = useServiceQuery('replay.summary', run ? { runId: run.id } : null);
  const [filter, setFilter] = useState<OverviewFilter>(NO_OVERVIEW_FILTER);
  const [error, setError] = useState<string | null>(null);
  const triggers = doc.data?.program.triggers ?? [];
  const shown = useMemo(() => filterTriggers(triggers, filter, n), [triggers, filter, n]);
  const t = totals.data;
  return (
    <Stack spacing={2}>
      <ChosenRunBar chosen={chosen} empty="No finished run yet: the counts and totals appear after a replay in the Replay workbench." />
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {totals.error && <Alert severity="error">{totals.error.message}</Alert>}
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="All triggers">
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ mb: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
          <TriggerFilters filter={filter} onChange={setFilter} />
          <Typography variant="body2" color="text.secondary" role="status" aria-label="Triggers shown">
            {shown.length} of {triggers.length} triggers
            {t && run ? ` · counts from ${n.instant(run.startedAt)} (${groupDigits(String(t.count))} rewards · ${displayUsd(t.usd)})` : ''}
          </Typography>
        </Stack>
        {shown.length === 0 ? (
          <Typography color="text.secondary">No trigger matches these filters.</Typography>
        ) : (
          <TriggersTable
            programId={programId}
            triggers={shown}
            totals={t}
            onChanged={(e) => {
              setError(e);
              dataChanged('program');
            }}
          />
        )}
      </Paper>
      {t && (
        <Box sx={{ display: 'flex', gap: 2, flexDirection: { xs: 'column', lg: 'row' } }}>
          <SummaryBlock title="Run summary per trigger" rows={t.byTrigger} name={n.trigger} />
          <SummaryBlock title="Run summary per partner" rows={t.byPartner} name={n.partner} link />
        </Box>
      )}
    </Stack>
  );
}

export function ProgramOverview(props: ProgramViewProps) {
  return (
    <ProgramNames programId={props.programId}>
      <Overview {...props} />
    </ProgramNames>
  );
}

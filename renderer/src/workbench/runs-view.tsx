/**
 * Runs and event sets as things people keep: named, annotated, deleted (after a confirm); each
 * run's program snapshot (the trigger versions it replayed, against the program now); and a
 * comparison of any two runs, also across program versions.
 */
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { ConfirmDialog } from '../app/dialogs';
import { AnnotateDialog } from './annotate-dialog';
import { ComparePanel } from './compare-panel';
import { useRuns, useServiceQuery } from './hooks';
import { ProgramNames } from './program-names';
import { newestFirst } from './run-progress';
import { EventSetsSection, RunsSection } from './runs-tables';
import { Section } from './section';
import type { ProgramViewProps } from './types';
import { useRunsActions } from './use-runs-actions';

export function RunsView(props: ProgramViewProps) {
  return (
    <ProgramNames programId={props.programId}>
      <Runs {...props} />
    </ProgramNames>
  );
}

function Runs({ programId }: ProgramViewProps) {
  const runs = useRuns(programId);
  const sets = useServiceQuery('eventSets.list', { programId });
  const a = useRunsActions();
  const list = newestFirst(runs.data ?? []);
  return (
    <Stack spacing={2}>
      {a.error && (
        <Alert severity="error" onClose={a.clearError}>
          {a.error}
        </Alert>
      )}
      <EventSetsSection sets={sets.data ?? []} onAnnotate={a.annotateSet} onDelete={a.askDeleteSet} />
      <RunsSection runs={list} onAnnotate={a.annotateRun} onDelete={a.askDeleteRun} />
      <Section label="Compare two runs">
        <ComparePanel runs={list} />
      </Section>
      {a.annotating && <AnnotateDialog a={a.annotating} onClose={a.closeAnnotate} />}
      <ConfirmDialog open={a.deleting !== null} title={a.deleting?.title ?? ''} text={a.deleting?.text ?? ''} confirm="Delete" onClose={a.cancelDelete} onConfirm={a.confirmDelete} />
    </Stack>
  );
}

/** Shows the current view of the open program. */
import { Typography } from '@mui/material';
import { CompareView, DripPreviewView, PartnerTimelineView, PayoutsView, ProgramOverview, ReplayWorkbench, RunsView, VisibilityView } from '../workbench';
import { EvaluationOrderView } from '../editor/evaluation-order-view';
import { TriggerEditorView } from '../editor/trigger-editor-view';
import { useAppStore, type AppView } from './app-store';
import { useServiceQuery } from './client-context';
import { PartnersView } from './program-data/partners-view';
import { ProgramSettingsView } from './program-data/program-settings-view';
import { ViewFrame } from './view-frame';

const TITLES: Record<Exclude<AppView['kind'], 'trigger' | 'order' | 'settings' | 'partners' | 'partner'>, string> = {
  drip: 'Drip preview',
  visibility: 'Offer visibility',
  replay: 'Replay workbench',
  payouts: 'Rewards & payouts',
  runs: 'Runs & event sets',
  overview: 'Program overview',
  compare: 'Compare with…',
};

export function ViewHost() {
  const programId = useAppStore((s) => s.programId);
  const view = useAppStore((s) => s.view);
  const doc = useServiceQuery('programs.get', programId ? { programId } : null);
  if (!programId || !doc.data) {
    return (
      <ViewFrame title="Offerflow">
        <Typography color="text.secondary">{doc.error ? doc.error.message : programId ? 'Loading…' : 'Create or import a program to start.'}</Typography>
      </ViewFrame>
    );
  }
  const name = doc.data.program.name;
  switch (view.kind) {
    case 'settings':
      return <ProgramSettingsView doc={doc.data} />;
    case 'partners':
      return <PartnersView doc={doc.data} />;
    case 'trigger':
      return <TriggerEditorView key={`${programId}:${view.triggerId}`} doc={doc.data} triggerId={view.triggerId} />;
    case 'order':
      return <EvaluationOrderView doc={doc.data} event={view.event} />;
    case 'partner':
      return (
        <ViewFrame title="Partner timeline" subtitle={name}>
          <PartnerTimelineView programId={programId} partnerKey={view.partnerKey} tab={view.tab ?? 'timeline'} />
        </ViewFrame>
      );
    case 'drip':
    case 'visibility':
    case 'replay':
    case 'payouts':
    case 'runs':
    case 'overview':
    case 'compare': {
      const View = { drip: DripPreviewView, visibility: VisibilityView, replay: ReplayWorkbench, payouts: PayoutsView, runs: RunsView, overview: ProgramOverview, compare: CompareView }[view.kind];
      return (
        <ViewFrame title={TITLES[view.kind]} subtitle={name}>
          <View programId={programId} />
        </ViewFrame>
      );
    }
    default: {
      const never: never = view;
      return never;
    }
  }
}

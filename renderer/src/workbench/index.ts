/**
 * The workbench views the app shell mounts (props `{ programId }`), `DripPreview`, which the
 * editor's drip action inspector embeds, and the first-run hint (docs/architecture.md).
 */
export { DripPreview, type DripPreviewProps } from './drip-preview';
export { DripPreviewView } from './drip-preview-view';
export { VisibilityView } from './visibility-view';
export { ReplayWorkbench } from './replay-workbench';
export { PayoutsView } from './payouts-view';
export { RunsView } from './runs-view';
export { ProgramOverview } from './program-overview';
export { CompareView } from './compare/compare-view';
export { PartnerTimelineView } from './partner-timeline';
/** A partner key as a link to the partner's timeline: use it wherever a partner is shown. */
export { PartnerLink } from './partner-link';
export { FirstRunHint, type FirstRunHintProps } from './first-run-hint';
/** A run's state in one line, from the workbench's run state machine (lists outside the workbench). */
export { RunCaption } from './run-caption';
export { provideClient } from './service';
export type { ProgramViewProps } from './types';
/** The program's runs, live while one is in progress (the navigator's counts and captions). */
export { useRuns } from './hooks';

/**
 * The workbench views the app shell mounts (props `{ programId }`), and `DripPreview`, which
 * the editor's drip action inspector embeds (docs/architecture.md).
 */
export { DripPreview, type DripPreviewProps } from './drip-preview';
export { DripPreviewView } from './drip-preview-view';
export { VisibilityView } from './visibility-view';
export { ReplayWorkbench, PayoutsView } from './placeholders';
export type { ProgramViewProps } from './types';
export { provideClient } from './service';

/**
 * The workbench views the app shell mounts. Placeholders until the workbench lands; the props
 * are the agreed interface (see docs/architecture.md).
 */
export { DripPreview, DripPreviewView, VisibilityView, ReplayWorkbench, PayoutsView } from './placeholders';

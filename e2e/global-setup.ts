/**
 * Builds the renderer once before the suite (when its sources changed), so the hosts that the
 * tests start in parallel never rebuild `dist/renderer` under each other.
 */
import { buildRenderer, rendererIsStale } from '../service/host/renderer-build';
import { ROOT } from './host';

export default function globalSetup(): void {
  if (process.env.OFFERFLOW_E2E_NO_BUILD) return;
  if (rendererIsStale(ROOT)) buildRenderer(ROOT);
}

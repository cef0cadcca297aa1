import Typography from '@mui/material/Typography';
import type { Trigger } from '../../../engine/formats/program-schema';
import type { TriggerTrace } from '../../../engine/formats/report';

/** Where the editor's read-only `TraceCanvas` shows the path of the event through the trigger. */
export function TraceCanvasSlot({ trigger }: { trigger: Trigger; trace: TriggerTrace }) {
  return (
    <Typography variant="caption" color="text.secondary">
      The graph of {trigger.name} appears here once the editor's trace canvas is available.
    </Typography>
  );
}

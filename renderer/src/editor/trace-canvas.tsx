/**
 * A read-only canvas of one trigger with a trace laid over it: passed rules green, failed red,
 * the path the evaluation took highlighted. The replay workbench embeds it.
 */
import { Box } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { TriggerTrace } from '@engine/formats/report';
import type { Trigger } from '@engine/formats/program-schema';
import { CanvasInfoContext } from './canvas-context';
import { nodeTypes } from './node-views';
import { traceOverlay } from './trace-map';

export function TraceCanvas({ trigger, trace, height = 360 }: { trigger: Trigger; trace: TriggerTrace; height?: number }) {
  const theme = useTheme();
  const overlay = useMemo(() => traceOverlay(trigger, trace), [trigger, trace]);
  const info = useMemo(() => ({ issues: new Map(), locked: false, verdicts: overlay.verdicts, notes: overlay.notes }), [overlay]);
  return (
    <Box role="figure" aria-label={`Trace of ${trigger.name}: ${trace.verdict}`} sx={{ height, border: 1, borderColor: 'divider', borderRadius: 1, '--of-path': theme.palette.success.main }}>
      <CanvasInfoContext.Provider value={info}>
        <ReactFlowProvider>
          <ReactFlow
            nodes={overlay.graph.nodes}
            edges={overlay.graph.edges}
            nodeTypes={nodeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            colorMode={theme.palette.mode}
            fitView
            fitViewOptions={{ padding: 0.15 }}
            minZoom={0.1}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={20} />
            <Controls showInteractive={false} />
          </ReactFlow>
        </ReactFlowProvider>
      </CanvasInfoContext.Provider>
    </Box>
  );
}

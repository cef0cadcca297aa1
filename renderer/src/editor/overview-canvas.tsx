/**
 * An event type's triggers as lanes in evaluation order, on one canvas. Drag a lane's header
 * up or down to reorder; the new order is saved at once.
 */
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { Box, Chip, Paper, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, applyNodeChanges, type NodeChange, type NodeProps, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import type { Trigger } from '../../../engine/formats/program-schema';
import { nodeTypes as triggerNodeTypes } from './node-views';
import { LANE_HEADER_WIDTH, lanesGraph, orderFromLanes, type LaneNode, type OverviewNode } from './overview-map';

function LaneHeader({ data }: NodeProps<LaneNode>) {
  return (
    <Paper variant="outlined" sx={{ width: LANE_HEADER_WIDTH, p: 1, display: 'flex', alignItems: 'center', gap: 1, cursor: 'grab' }} aria-label={`Lane ${data.position}: ${data.name}`}>
      <DragIndicatorIcon color="action" />
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Typography variant="body2" noWrap sx={{ fontWeight: 600 }}>
          {data.position}. {data.name}
        </Typography>
        <Chip size="small" label={data.status} color={data.status === 'active' ? 'success' : data.status === 'inactive' ? 'warning' : 'default'} />
      </Box>
    </Paper>
  );
}

const nodeTypes = { ...triggerNodeTypes, lane: LaneHeader } satisfies NodeTypes;

export function OverviewCanvas({ triggers, onReorder, height = 520 }: { triggers: readonly Trigger[]; onReorder: (order: string[]) => void; height?: number | string }) {
  const theme = useTheme();
  // Rebuild only when the lanes really change, not on every parent render (that would reset a drag).
  const key = JSON.stringify(triggers);
  const graph = useMemo(() => lanesGraph(JSON.parse(key) as Trigger[]), [key]);
  const [nodes, setNodes] = useState<OverviewNode[]>(graph.nodes);
  useEffect(() => setNodes(graph.nodes), [graph]);
  const onDragStop = (_e: unknown, dragged: OverviewNode) => {
    const order = orderFromLanes(nodes.map((n) => (n.id === dragged.id ? dragged : n)));
    if (order.join() !== triggers.map((t) => t.id).join()) onReorder(order);
    else setNodes(graph.nodes);
  };
  return (
    <Box role="figure" aria-label={`Overview: ${triggers.length} triggers as lanes, ${nodes.length} nodes`} sx={{ height, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={graph.edges}
          nodeTypes={nodeTypes}
          onNodesChange={(c: NodeChange<OverviewNode>[]) => setNodes((ns) => applyNodeChanges(c, ns))}
          onNodeDragStop={onDragStop}
          nodesConnectable={false}
          onlyRenderVisibleElements
          colorMode={theme.palette.mode}
          defaultViewport={{ x: 16, y: 16, zoom: 0.6 }}
          fitViewOptions={{ padding: 0.05 }}
          minZoom={0.02}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          <MiniMap pannable zoomable style={{ width: 160, height: 100 }} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
    </Box>
  );
}

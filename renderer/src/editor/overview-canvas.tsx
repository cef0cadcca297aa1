/**
 * An event type's triggers as lanes in evaluation order, on one canvas. Drag a lane's header
 * up or down to reorder; the new order is saved at once.
 */
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { Box } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, applyNodeChanges, type NodeChange, type NodeProps, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { Trigger } from '../../../engine/formats/program-schema';
import { LOD_CLASS, useZoomedOut } from './level-of-detail';
import { nodeTypes as triggerNodeTypes } from './node-views';
import { LANE_HEADER_WIDTH, lanesGraph, orderFromLanes, type LaneNode, type OverviewNode } from './overview-map';

/** A lane's header: plain elements (a hundred of them mount as the overview scrolls). */
const LaneHeader = memo(function LaneHeader({ data }: NodeProps<LaneNode>) {
  const theme = useTheme();
  const p = theme.palette;
  const pill = data.status === 'active' ? p.success : data.status === 'inactive' ? p.warning : null;
  return (
    <div className="of-lane" style={{ width: LANE_HEADER_WIDTH, background: p.background.paper, borderColor: p.divider }} aria-label={`Lane ${data.position}: ${data.name}`}>
      <DragIndicatorIcon className="of-lane-grip" color="action" />
      <div style={{ minWidth: 0, flex: 1 }}>
        <div className="of-lane-name" style={{ ...theme.typography.body2, fontWeight: 600, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
          {data.position}. {data.name}
        </div>
        <span
          className="of-lane-status"
          style={{
            display: 'inline-block',
            fontFamily: theme.typography.fontFamily,
            fontSize: theme.typography.pxToRem(13),
            lineHeight: '24px',
            padding: '0 8px',
            borderRadius: 12,
            background: pill ? pill.main : p.action.selected,
            color: pill ? pill.contrastText : p.text.primary,
          }}
        >
          <span>{data.status}</span>
        </span>
      </div>
    </div>
  );
});

const nodeTypes = { ...triggerNodeTypes, lane: LaneHeader } satisfies NodeTypes;

export function OverviewCanvas(props: { triggers: readonly Trigger[]; onReorder: (order: string[]) => void; height?: number | string }) {
  return (
    <ReactFlowProvider>
      <OverviewFlow {...props} />
    </ReactFlowProvider>
  );
}

function OverviewFlow({ triggers, onReorder, height = 520 }: { triggers: readonly Trigger[]; onReorder: (order: string[]) => void; height?: number | string }) {
  const theme = useTheme();
  const zoomedOut = useZoomedOut();
  // Rebuild only when the lanes really change, not on every parent render (that would reset a drag).
  const key = JSON.stringify(triggers);
  const graph = useMemo(() => lanesGraph(JSON.parse(key) as Trigger[]), [key]);
  const [nodes, setNodes] = useState<OverviewNode[]>(graph.nodes);
  useEffect(() => setNodes(graph.nodes), [graph]);
  const onNodesChange = useCallback((c: NodeChange<OverviewNode>[]) => setNodes((ns) => applyNodeChanges(c, ns)), []);
  const onDragStop = (_e: unknown, dragged: OverviewNode) => {
    const order = orderFromLanes(nodes.map((n) => (n.id === dragged.id ? dragged : n)));
    if (order.join() !== triggers.map((t) => t.id).join()) onReorder(order);
    else setNodes(graph.nodes);
  };
  return (
    <Box role="figure" aria-label={`Overview: ${triggers.length} triggers as lanes, ${nodes.length} nodes`} sx={{ height, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <ReactFlow
        className={zoomedOut ? LOD_CLASS : undefined}
        nodes={nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onDragStop}
        nodesConnectable={false}
        // Nothing here is selected (lanes are dragged, not selected): edges and the lanes' nodes
        // then take no pointer events, so the browser does not hit-test them on every move.
        elementsSelectable={false}
        edgesFocusable={false}
        onlyRenderVisibleElements
        colorMode={theme.palette.mode}
        defaultViewport={{ x: 16, y: 16, zoom: 0.6 }}
        fitViewOptions={{ padding: 0.05 }}
        minZoom={0.02}
        proOptions={{ hideAttribution: true }}
      >
        {!zoomedOut && <Background gap={24} />}
        <MiniMap pannable zoomable style={{ width: 160, height: 100 }} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </Box>
  );
}

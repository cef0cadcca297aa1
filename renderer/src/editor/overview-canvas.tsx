/**
 * An event type's triggers as lanes in evaluation order, on one canvas. Drag a lane's header
 * up or down to reorder; the new order is saved at once.
 */
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { Box } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { Background, ControlButton, Controls, MiniMap, ReactFlow, ReactFlowProvider, ViewportPortal, applyNodeChanges, useReactFlow, type NodeChange, type NodeProps, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { Trigger } from '@engine/formats/program-schema';
import { LOD_CLASS, useZoomedOut } from './level-of-detail';
import { nodeTypes as triggerNodeTypes } from './node-views';
import { LANE_HEADER_WIDTH, lanesGraph, orderFromLanes, overviewBounds, type LaneNode, type OverviewNode } from './overview-map';
import { OverviewPicture } from './overview-picture';

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
const NO_EDGES: never[] = [];
const FIT_PADDING = 0.05;

/** React Flow's own Fit View icon (its Controls do not export it). */
function FitViewIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30">
      <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
    </svg>
  );
}

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
  const { fitBounds } = useReactFlow();
  // Rebuild only when the lanes really change, not on every parent render (that would reset a drag).
  const key = JSON.stringify(triggers);
  const graph = useMemo(() => lanesGraph(JSON.parse(key) as Trigger[]), [key]);
  const [nodes, setNodes] = useState<OverviewNode[]>(graph.nodes);
  useEffect(() => setNodes(graph.nodes), [graph]);
  const onNodesChange = useCallback((c: NodeChange<OverviewNode>[]) => setNodes((ns) => applyNodeChanges(c, ns)), []);
  // Zoomed out, only the lane headers are React Flow nodes; the rest is one picture (see overview-picture.tsx).
  const shown = useMemo(() => (zoomedOut ? nodes.filter((n) => n.type === 'lane') : nodes), [zoomedOut, nodes]);
  const onDragStop = (_e: unknown, dragged: OverviewNode) => {
    const order = orderFromLanes(nodes.map((n) => (n.id === dragged.id ? dragged : n)));
    if (order.join() !== triggers.map((t) => t.id).join()) onReorder(order);
    else setNodes(graph.nodes);
  };
  return (
    <Box role="figure" aria-label={`Overview: ${triggers.length} triggers as lanes, ${nodes.length} nodes`} sx={{ height, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <ReactFlow
        className={zoomedOut ? LOD_CLASS : undefined}
        nodes={shown}
        edges={zoomedOut ? NO_EDGES : graph.edges}
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
        fitViewOptions={{ padding: FIT_PADDING }}
        minZoom={0.02}
        proOptions={{ hideAttribution: true }}
      >
        {!zoomedOut && <Background gap={24} />}
        {zoomedOut && (
          <ViewportPortal>
            <OverviewPicture nodes={nodes} edges={graph.edges} />
          </ViewportPortal>
        )}
        <MiniMap pannable zoomable style={{ width: 160, height: 100 }} />
        {/* Fit View over every node, also those only in the zoomed-out picture (React Flow's own would fit the headers). */}
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton className="react-flow__controls-fitview" onClick={() => void fitBounds(overviewBounds(nodes), { padding: FIT_PADDING })} title="Fit View" aria-label="Fit View">
            <FitViewIcon />
          </ControlButton>
        </Controls>
      </ReactFlow>
    </Box>
  );
}

/**
 * The overview of one event type: each trigger a lane, lanes top to bottom in evaluation
 * order, each lane the trigger's own graph after a header node. Pure; ids are `<trigger>/<node>`.
 */
import type { Node } from '@xyflow/react';
import type { Trigger } from '../../../engine/formats/program-schema';
import { ROW_HEIGHT } from './graph-layout';
import { triggerToGraph } from './graph-mapping';
import type { EditorEdge, EditorNode } from './graph-types';

export type LaneNodeData = { triggerId: string; name: string; status: Trigger['status']; position: number };
export type LaneNode = Node<LaneNodeData, 'lane'>;
export type OverviewNode = EditorNode | LaneNode;

export const LANE_HEADER_WIDTH = 240;
const LANE_GAP = 40;

export function lanesGraph(triggers: readonly Trigger[]): { nodes: OverviewNode[]; edges: EditorEdge[] } {
  const nodes: OverviewNode[] = [];
  const edges: EditorEdge[] = [];
  let top = 0;
  triggers.forEach((t, i) => {
    const g = triggerToGraph(t);
    const ys = g.nodes.map((n) => n.position.y);
    const minY = Math.min(...ys);
    const height = Math.max(...ys) - minY + ROW_HEIGHT;
    const eventY = (g.nodes.find((n) => n.type === 'event')?.position.y ?? minY) - minY;
    nodes.push({ id: `lane:${t.id}`, type: 'lane', position: { x: 0, y: top + eventY }, data: { triggerId: t.id, name: t.name, status: t.status, position: i + 1 }, draggable: true });
    for (const n of g.nodes) {
      nodes.push({ ...n, id: `${t.id}/${n.id}`, position: { x: n.position.x + LANE_HEADER_WIDTH + 40, y: n.position.y - minY + top }, draggable: false, selectable: false } as EditorNode);
    }
    for (const e of g.edges) edges.push({ ...e, id: `${t.id}/${e.id}`, source: `${t.id}/${e.source}`, target: `${t.id}/${e.target}` });
    top += height + LANE_GAP;
  });
  return { nodes, edges };
}

/** The lane order after a header was dragged: trigger ids sorted by their header's y. */
export function orderFromLanes(nodes: readonly OverviewNode[]): string[] {
  return nodes
    .filter((n): n is LaneNode => n.type === 'lane')
    .slice()
    .sort((a, b) => a.position.y - b.position.y)
    .map((n) => n.data.triggerId);
}

/**
 * The overview of one event type: each trigger a lane, lanes top to bottom in evaluation
 * order, each lane the trigger's own graph after a header node. Pure; ids are `<trigger>/<node>`.
 */
import { getSmoothStepPath, Position, type Node } from '@xyflow/react';
import type { Trigger } from '@engine/formats/program-schema';
import { nodeHeight, ROW_HEIGHT } from './graph-layout';
import { triggerToGraph } from './graph-mapping';
import type { EditorEdge, EditorNode } from './graph-types';

export type LaneNodeData = { triggerId: string; name: string; status: Trigger['status']; position: number };
export type LaneNode = Node<LaneNodeData, 'lane'>;
export type OverviewNode = EditorNode | LaneNode;

export const LANE_HEADER_WIDTH = 240;
/** A lane header's height before it is measured (8 px padding, a line of text and the status pill). */
const LANE_HEADER_HEIGHT = 62;
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
      nodes.push({ ...n, id: `${t.id}/${n.id}`, position: { x: n.position.x + LANE_HEADER_WIDTH + 40, y: n.position.y - minY + top }, draggable: false, selectable: false });
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

/** Sizes of the node views (node-views.tsx, canvas.css), for the zoomed-out picture (overview-picture.tsx). */
const WIDTH = { event: 210, block: 170, rule: 210, action: 210 } as const;
export const NODE_BORDER = 2;
export const NODE_RADIUS = 16;
/** The head: 4 px padding above and below a 12 px overline at line height 1.6. */
export const NODE_HEAD = 4 + 12 * 1.6 + 4;
/** Handles (12 px, or 6 px for `then`) sit centred on the border: edges end at their far side. */
const HANDLE = 6;
const THEN_HANDLE = 3;

export interface PictureBox {
  id: string;
  tone: EditorNode['type'];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each trigger node is drawn: its position, and its measured size or the layout's estimate. */
export function pictureBoxes(nodes: readonly OverviewNode[]): PictureBox[] {
  const boxes: PictureBox[] = [];
  for (const n of nodes) {
    if (n.type === 'lane') continue;
    const node: EditorNode = n;
    boxes.push({
      id: node.id,
      tone: node.type,
      x: node.position.x,
      y: node.position.y,
      width: node.measured?.width ?? WIDTH[node.type],
      height: nodeHeight(node),
    });
  }
  return boxes;
}

/** All edges as one SVG path: smooth steps between the handles' outer sides, as React Flow draws them. */
export function picturePath(edges: readonly EditorEdge[], boxes: readonly PictureBox[]): string {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const parts: string[] = [];
  for (const e of edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const then = e.sourceHandle === 'then';
    const [d] = getSmoothStepPath({
      sourceX: then ? s.x + s.width / 2 : s.x + s.width + HANDLE,
      sourceY: then ? s.y - THEN_HANDLE : s.y + s.height / 2,
      sourcePosition: then ? Position.Top : Position.Right,
      targetX: t.x - HANDLE,
      targetY: t.y + t.height / 2,
      targetPosition: Position.Left,
    });
    parts.push(d);
  }
  return parts.join(' ');
}

/**
 * The whole overview's bounds: lane headers and trigger nodes. Zoomed out, React Flow holds only
 * the headers (the rest is the picture), so Fit View uses these instead of React Flow's own.
 */
export function overviewBounds(nodes: readonly OverviewNode[]): { x: number; y: number; width: number; height: number } {
  const boxes = [
    ...pictureBoxes(nodes),
    ...nodes.filter((n) => n.type === 'lane').map((n) => ({ x: n.position.x, y: n.position.y, width: n.measured?.width ?? LANE_HEADER_WIDTH, height: n.measured?.height ?? LANE_HEADER_HEIGHT })),
  ];
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

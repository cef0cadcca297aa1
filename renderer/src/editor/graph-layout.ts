/**
 * A simple layered layout, left to right: the Event, then each level of the rule tree, then the
 * Action. Children keep their top-to-bottom order (which is also their order in the saved tree).
 * Nodes the Event does not reach are laid out below, as their own trees.
 */
import { ACTION_NODE_ID, EVENT_NODE_ID, type EditorEdge, type EditorNode, type Graph } from './graph-types';

export const COLUMN_WIDTH = 250;
export const ROW_HEIGHT = 100;

/** Outgoing tree edges (not into the Action) of each node, children in top-to-bottom order. */
export function childrenOf(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): Map<string, string[]> {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, string[]>();
  for (const e of edges) {
    if (e.target === ACTION_NODE_ID || !byId.has(e.source) || !byId.has(e.target)) continue;
    const list = out.get(e.source) ?? [];
    list.push(e.target);
    out.set(e.source, list);
  }
  for (const list of out.values()) {
    list.sort((a, b) => {
      const na = byId.get(a);
      const nb = byId.get(b);
      const dy = (na?.position.y ?? 0) - (nb?.position.y ?? 0);
      return dy !== 0 ? dy : (index.get(a) ?? 0) - (index.get(b) ?? 0);
    });
  }
  return out;
}

const GAP = 24;

/** A node's height: measured on the canvas when known, else estimated from its content. */
export function nodeHeight(n: EditorNode, measured: { height?: number } | undefined = n.measured): number {
  if (measured?.height) return measured.height;
  switch (n.type) {
    case 'rule':
      return 76 + 18 * (n.data.rule.filters?.length ?? 0);
    case 'block':
      return 70;
    case 'event':
      return 56;
    case 'action':
      return 60;
  }
}

interface Placement {
  x: number;
  y: number;
}

function placeTree(
  id: string,
  depth: number,
  children: Map<string, string[]>,
  state: { nextRow: number; maxDepth: number; placed: Map<string, Placement>; heights: Map<string, number> },
): number {
  if (state.placed.has(id)) return state.placed.get(id)?.y ?? 0;
  state.maxDepth = Math.max(state.maxDepth, depth);
  const kids = children.get(id) ?? [];
  state.placed.set(id, { x: depth * COLUMN_WIDTH, y: 0 });
  let y: number;
  if (kids.length === 0) {
    // nextRow is a running y: each leaf takes its own height plus a gap.
    y = state.nextRow;
    state.nextRow += Math.max(state.heights.get(id) ?? ROW_HEIGHT, 56) + GAP;
  } else {
    const ys = kids.map((k) => placeTree(k, depth + 1, children, state));
    y = ((ys[0] ?? 0) + (ys[ys.length - 1] ?? 0)) / 2;
  }
  state.placed.set(id, { x: depth * COLUMN_WIDTH, y });
  return y;
}

/**
 * The graph with every node given a position; nothing else changes. `sizes`: what the canvas
 * measured (the editor's view state), by node id; the others are estimated.
 */
export function layoutGraph(graph: Graph, sizes: Readonly<Record<string, { height: number }>> = {}): Graph {
  const children = childrenOf(graph.nodes, graph.edges);
  const heights = new Map(graph.nodes.map((n) => [n.id, nodeHeight(n, sizes[n.id] ?? n.measured)]));
  const state = { nextRow: 0, maxDepth: 0, placed: new Map<string, Placement>(), heights };
  const hasParent = new Set(graph.edges.filter((e) => e.target !== ACTION_NODE_ID).map((e) => e.target));
  const mainY = graph.nodes.some((n) => n.id === EVENT_NODE_ID) ? placeTree(EVENT_NODE_ID, 0, children, state) : 0;
  const mainDepth = state.maxDepth;
  const tree = [...state.placed.entries()].filter(([id]) => id !== EVENT_NODE_ID).map(([, p]) => p.y);
  // With rules, the Action sits above the tree so the "then" edge runs over it, not through it.
  const actionY = tree.length > 0 ? Math.min(...tree) - ROW_HEIGHT : mainY;
  for (const n of graph.nodes) {
    if (n.id === ACTION_NODE_ID || state.placed.has(n.id) || hasParent.has(n.id)) continue;
    state.nextRow += ROW_HEIGHT / 2;
    placeTree(n.id, 1, children, state);
  }
  for (const n of graph.nodes) {
    if (n.id === ACTION_NODE_ID || state.placed.has(n.id)) continue;
    placeTree(n.id, 1, children, state);
  }
  const actionX = (Math.max(mainDepth, 1) + 1) * COLUMN_WIDTH;
  const nodes = graph.nodes.map((n): EditorNode => {
    const p = n.id === ACTION_NODE_ID ? { x: actionX, y: actionY } : (state.placed.get(n.id) ?? n.position);
    return { ...n, position: { x: p.x, y: p.y } };
  });
  return { nodes, edges: graph.edges };
}

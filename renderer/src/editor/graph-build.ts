/**
 * Direct construction: where a node added from the palette (by click or Enter) goes, so it
 * arrives connected. Pure functions over the canvas graph; `graph-slice.ts` records the step.
 *
 * - a block is selected: the new node goes inside it, as its last child;
 * - a rule inside a block is selected: the new node becomes its next sibling;
 * - the Event, the Action, a top-level rule or nothing is selected: the new node goes inside
 *   the rule tree's top block; with no tree yet it becomes the tree (Event → node → Action);
 *   a top-level rule is first wrapped in an AND block so that both fit.
 */
import { childrenOf } from './graph-layout';
import { ACTION_NODE_ID, EVENT_NODE_ID, makeEdge, type EditorEdge, type EditorNode, type Graph } from './graph-types';

function parentOf(id: string, edges: readonly EditorEdge[]): string | null {
  return edges.find((e) => e.target === id && e.target !== ACTION_NODE_ID)?.source ?? null;
}

/** The rule tree's top node (the Event's child other than the Action), or null. */
export function treeRoot(edges: readonly EditorEdge[]): string | null {
  return edges.find((e) => e.source === EVENT_NODE_ID && e.target !== ACTION_NODE_ID)?.target ?? null;
}

/** The graph with `node` as the last child of `parent` (placed below its siblings, so it reads last). */
function appendChild(graph: Graph, parent: string, node: EditorNode): Graph {
  const kids = childrenOf(graph.nodes, graph.edges).get(parent) ?? [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const below = Math.max(-Infinity, ...kids.map((k) => byId.get(k)?.position.y ?? 0));
  const parentNode = byId.get(parent);
  const position = { x: (parentNode?.position.x ?? 0) + 250, y: Number.isFinite(below) ? below + 1 : (parentNode?.position.y ?? 0) };
  return { nodes: [...graph.nodes, { ...node, position }], edges: [...graph.edges, makeEdge(parent, node.id)] };
}

/** Makes `node` the rule tree's top: Event → node → Action, replacing Event → Action. */
function makeRoot(graph: Graph, node: EditorNode): Graph {
  const edges = graph.edges.filter((e) => !(e.source === EVENT_NODE_ID && e.target === ACTION_NODE_ID) && e.target !== ACTION_NODE_ID);
  return { nodes: [...graph.nodes, node], edges: [...edges, makeEdge(EVENT_NODE_ID, node.id), makeEdge(node.id, ACTION_NODE_ID)] };
}

/** Puts the top-level rule `root` inside a new AND block `wrapper`, which becomes the top. */
function wrapRoot(graph: Graph, root: string, wrapper: EditorNode): Graph {
  const edges = graph.edges.filter((e) => !(e.source === EVENT_NODE_ID && e.target === root) && !(e.source === root && e.target === ACTION_NODE_ID));
  return {
    nodes: [...graph.nodes, wrapper],
    edges: [...edges, makeEdge(EVENT_NODE_ID, wrapper.id), makeEdge(wrapper.id, root), makeEdge(wrapper.id, ACTION_NODE_ID)],
  };
}

/**
 * The graph with `node` added where the selection says (see the module comment). `makeBlock`
 * gives a fresh AND block when a top-level rule must be wrapped.
 */
export function addConnected(graph: Graph, selectedId: string | null, node: EditorNode, makeBlock: () => EditorNode): Graph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const selected = selectedId ? byId.get(selectedId) : undefined;
  if (selected?.type === 'block') return appendChild(graph, selected.id, node);
  if (selected?.type === 'rule') {
    const parent = parentOf(selected.id, graph.edges);
    if (parent && parent !== EVENT_NODE_ID) return appendChild(graph, parent, node);
  }
  const root = treeRoot(graph.edges);
  if (!root) return makeRoot(graph, node);
  const rootNode = byId.get(root);
  if (rootNode?.type === 'block') return appendChild(graph, root, node);
  const wrapper = makeBlock();
  return appendChild(wrapRoot(graph, root, wrapper), wrapper.id, node);
}

/**
 * The edges after drawing Event → `target` while there is no rule tree yet: `target` becomes
 * its top, the Event's direct connection to the Action goes, and `target` feeds the Action
 * unless something else already does. Null when that does not apply.
 */
export function startTreeAt(edges: readonly EditorEdge[], target: EditorNode): EditorEdge[] | null {
  if (target.type !== 'block' && target.type !== 'rule') return null;
  if (treeRoot(edges)) return null;
  const rest = edges.filter((e) => !(e.source === EVENT_NODE_ID && e.target === ACTION_NODE_ID));
  const fed = rest.some((e) => e.target === ACTION_NODE_ID);
  return [...rest, makeEdge(EVENT_NODE_ID, target.id), ...(fed ? [] : [makeEdge(target.id, ACTION_NODE_ID)])];
}

/** Copied nodes and the connections between them (node data deep-copied, ids as they were). */
export interface Clip {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

/** The selected rules and blocks with everything inside the selected blocks (the Event and Action stay). */
export function copyOf(graph: Graph, selected: readonly string[]): Clip | null {
  const kids = childrenOf(graph.nodes, graph.edges);
  const take = new Set<string>();
  const stack = selected.filter((id) => id !== EVENT_NODE_ID && id !== ACTION_NODE_ID);
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    if (take.has(id)) continue;
    take.add(id);
    stack.push(...(kids.get(id) ?? []));
  }
  if (take.size === 0) return null;
  const nodes = graph.nodes.filter((n) => take.has(n.id)).map((n) => structuredClone(n));
  const edges = graph.edges.filter((e) => take.has(e.source) && take.has(e.target));
  return { nodes, edges };
}

/**
 * The graph with a copy of `clip` added: fresh ids from `nextId` on, each copied sub-tree's top
 * placed where a palette item would go (see `addConnected`); `pasted`: the copies' ids (the
 * editor selects them).
 */
export function pasteInto(graph: Graph, clip: Clip, selectedId: string | null, nextId: number): { graph: Graph; nextId: number; pasted: string[] } {
  let n = nextId;
  const ids = new Map(clip.nodes.map((node) => [node.id, `n${n++}`]));
  const hasParent = new Set(clip.edges.map((e) => e.target));
  const copy = (node: EditorNode): EditorNode => ({ ...structuredClone(node), id: ids.get(node.id) ?? node.id });
  let out: Graph = graph;
  const makeBlock = (): EditorNode => ({ id: `n${n++}`, type: 'block', position: { x: 0, y: 0 }, data: { kind: 'all' } });
  for (const top of clip.nodes.filter((c) => !hasParent.has(c.id))) out = addConnected(out, selectedId, copy(top), makeBlock);
  const inner = clip.nodes.filter((c) => hasParent.has(c.id)).map(copy);
  const edges = clip.edges.map((e) => makeEdge(ids.get(e.source) ?? e.source, ids.get(e.target) ?? e.target));
  return { graph: { nodes: [...out.nodes, ...inner], edges: [...out.edges, ...edges] }, nextId: n, pasted: [...ids.values()] };
}

/**
 * The one module that maps a saved `Trigger` (what the engine reads) to the canvas's React Flow
 * nodes and edges, and back. Node positions, selection and sizes exist only on the canvas side;
 * the order of a block's children is their top-to-bottom order on the canvas.
 */
import { isAll, isRule, type Rule, type RuleNode as TreeRule, type Trigger } from '@engine/formats/program-schema';
import { childrenOf, layoutGraph } from './graph-layout';
import {
  ACTION_NODE_ID,
  EVENT_NODE_ID,
  makeEdge,
  type EditorNode,
  type Graph,
  type TriggerMeta,
} from './graph-types';

/** The trigger's metadata: everything that is not drawn as a node. */
export function metaOf(trigger: Trigger): TriggerMeta {
  const { event: _e, rules: _r, action: _a, ...meta } = trigger;
  return meta;
}

function addTree(node: TreeRule, parent: string, out: Graph, next: () => string): string {
  const id = next();
  if (isRule(node)) {
    out.nodes.push({ id, type: 'rule', position: { x: 0, y: 0 }, data: { rule: structuredClone(node) } });
  } else {
    const kind = isAll(node) ? 'all' : 'any';
    out.nodes.push({ id, type: 'block', position: { x: 0, y: 0 }, data: { kind } });
    const kids = isAll(node) ? node.all : 'any' in node ? node.any : [];
    for (const child of kids) addTree(child, id, out, next);
  }
  out.edges.push(makeEdge(parent, id));
  return id;
}

/** The canvas graph of a trigger, laid out. */
export function triggerToGraph(trigger: Trigger): Graph {
  const graph: Graph = { nodes: [], edges: [] };
  graph.nodes.push({ id: EVENT_NODE_ID, type: 'event', position: { x: 0, y: 0 }, data: { event: trigger.event } });
  let counter = 0;
  const next = () => `n${++counter}`;
  if (trigger.rules === undefined) {
    graph.edges.push(makeEdge(EVENT_NODE_ID, ACTION_NODE_ID));
  } else {
    const root = addTree(trigger.rules, EVENT_NODE_ID, graph, next);
    graph.edges.push(makeEdge(root, ACTION_NODE_ID));
  }
  graph.nodes.push({ id: ACTION_NODE_ID, type: 'action', position: { x: 0, y: 0 }, data: { action: structuredClone(trigger.action) } });
  return layoutGraph(graph);
}

/** Where each node sits in the saved trigger, as a path such as `rules.all[0]` or `action`. */
export type NodePaths = Map<string, string>;

/**
 * `incomplete` says what is still missing (the Event or the rule tree not connected yet): such
 * a graph is still saved as a draft, as far as it reaches, but cannot be activated.
 */
export type GraphReading =
  | { ok: true; trigger: Trigger; paths: NodePaths; detached: string[]; incomplete: string | null }
  | { ok: false; reason: string; paths: NodePaths; detached: string[] };

function readTree(id: string, path: string, ctx: { byId: Map<string, EditorNode>; children: Map<string, string[]>; paths: NodePaths; seen: Set<string> }): TreeRule | string {
  const node = ctx.byId.get(id);
  if (!node || ctx.seen.has(id)) return 'the rule tree has a loop';
  ctx.seen.add(id);
  ctx.paths.set(id, path);
  if (node.type === 'rule') return structuredClone(node.data.rule) satisfies Rule;
  if (node.type !== 'block') return `a ${node.type} node cannot sit inside the rule tree`;
  const kids: TreeRule[] = [];
  const list = ctx.children.get(id) ?? [];
  for (let i = 0; i < list.length; i += 1) {
    const child = readTree(list[i] ?? '', `${path}.${node.data.kind}[${i}]`, ctx);
    if (typeof child === 'string') return child;
    kids.push(child);
  }
  return node.data.kind === 'all' ? { all: kids } : { any: kids };
}

/**
 * The trigger the canvas shows, exactly as the engine will read it, or why there is none yet.
 * Nodes the Event does not reach are `detached`: they are not part of the trigger.
 */
export function graphToTrigger(meta: TriggerMeta, graph: Graph): GraphReading {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const children = childrenOf(graph.nodes, graph.edges);
  const paths: NodePaths = new Map();
  const ctx = { byId, children, paths, seen: new Set<string>() };
  const eventNode = byId.get(EVENT_NODE_ID);
  const actionNode = byId.get(ACTION_NODE_ID);
  const detached = () => graph.nodes.filter((n) => n.id !== EVENT_NODE_ID && n.id !== ACTION_NODE_ID && !paths.has(n.id)).map((n) => n.id);
  const fail = (reason: string): GraphReading => ({ ok: false, reason, paths, detached: detached() });
  if (!eventNode || eventNode.type !== 'event') return fail('The trigger needs an Event node.');
  if (!actionNode || actionNode.type !== 'action') return fail('The trigger needs an Action node.');
  paths.set(EVENT_NODE_ID, 'event');
  paths.set(ACTION_NODE_ID, 'action');
  const fromEvent = graph.edges.filter((e) => e.source === EVENT_NODE_ID);
  const first = fromEvent[0];
  const base = { ...meta, event: eventNode.data.event };
  const action = structuredClone(actionNode.data.action);
  if (!first) {
    return { ok: true, trigger: { ...base, action }, paths, detached: detached(), incomplete: 'Connect the Event to an AND block, a rule, or straight to the Action.' };
  }
  if (first.target === ACTION_NODE_ID) return { ok: true, trigger: { ...base, action }, paths, detached: detached(), incomplete: null };
  const rules = readTree(first.target, 'rules', ctx);
  if (typeof rules === 'string') return fail(`Cannot read the rules: ${rules}.`);
  const reachesAction = graph.edges.some((e) => e.source === first.target && e.target === ACTION_NODE_ID);
  const incomplete = reachesAction ? null : 'Connect the top of the rule tree to the Action (drag from its right handle onto the Action).';
  return { ok: true, trigger: { ...base, rules, action }, paths, detached: detached(), incomplete };
}

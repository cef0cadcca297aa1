/**
 * The canvas graph and every edit to it. Reducers are pure apart from recording an undo step;
 * structural edits are refused while the trigger is locked (activated).
 */
import { addEdge, applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange, type XYPosition } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import type { TriggerEvent } from '@engine/catalogue';
import type { Action, Rule } from '@engine/formats/program-schema';
import { isLocked } from './action-model';
import { connectionProblem } from './connection-rules';
import { addConnected, copyOf, pasteInto, startTreeAt, type Clip } from './graph-build';
import { layoutGraph } from './graph-layout';
import type { EditorState } from './editor-store';
import { ACTION_NODE_ID, EVENT_NODE_ID, makeEdge, type BlockKind, type EditorEdge, type EditorNode, type TriggerMeta } from './graph-types';
import { newRule } from './inspector-model';

export type PaletteItem = 'all' | 'any' | 'rule';

export interface GraphSlice {
  meta: TriggerMeta;
  nodes: EditorNode[];
  edges: EditorEdge[];
  nextId: number;
  onNodesChange: (changes: NodeChange<EditorNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<EditorEdge>[]) => void;
  connect: (conn: Connection) => string | null;
  addNode: (item: PaletteItem, position: XYPosition) => string | null;
  /** Adds a palette item connected where the selection says (graph-build.ts); returns its id. */
  addConnected: (item: PaletteItem) => string | null;
  /** Copies the selected rules and blocks, with what is inside the blocks; false when nothing is. */
  copySelected: () => boolean;
  /** Pastes the last copy where a palette item would go; false when there is nothing to paste. */
  paste: () => boolean;
  updateRule: (id: string, rule: Rule) => void;
  setBlockKind: (id: string, kind: BlockKind) => void;
  setEvent: (event: TriggerEvent) => void;
  setAction: (action: Action, key?: string) => void;
  setName: (name: string) => void;
  removeSelected: () => void;
  autoLayout: () => void;
  /** Whether the canvas has laid the nodes out with their measured sizes (once per store). */
  measured: boolean;
  /** Lays out again with measured sizes, once the canvas has drawn the nodes; not an undo step. */
  relayoutMeasured: () => void;
}

/** The last copy, shared by every open trigger of the session (copy in one, paste in another). */
let clipboard: Clip | null = null;

function locked(s: EditorState): boolean {
  return isLocked(s.meta.status);
}

/** A fresh, selected node for a palette item; a rule starts on the event's first field. */
function newNode(s: EditorState, item: PaletteItem, id: string, position: XYPosition): EditorNode {
  const event = s.nodes.find((n) => n.type === 'event');
  return item === 'rule'
    ? { id, type: 'rule', position, data: { rule: newRule(event?.type === 'event' ? event.data.event : 'transaction.created') }, selected: true }
    : { id, type: 'block', position, data: { kind: item }, selected: true };
}

function patchNode(nodes: EditorNode[], id: string, patch: (n: EditorNode) => EditorNode): EditorNode[] {
  return nodes.map((n) => (n.id === id ? patch(n) : n));
}

/** Node changes that change the trigger or the layout (not selection or measuring). */
function isEdit(c: NodeChange<EditorNode>): boolean {
  return c.type === 'remove' || c.type === 'add' || c.type === 'replace';
}

export const createGraphSlice = (initial: { meta: TriggerMeta; nodes: EditorNode[]; edges: EditorEdge[] }): StateCreator<EditorState, [], [], GraphSlice> => (set, get) => ({
  ...initial,
  // Node ids are n1, n2…: the next one follows the highest (a new trigger's AND block is n1).
  nextId: Math.max(0, ...initial.nodes.map((n) => Number(/^n(\d+)$/.exec(n.id)?.[1] ?? 0))) + 1,
  measured: false,
  onNodesChange: (changes) => {
    const s = get();
    const allowed = changes.filter((c) => c.type !== 'remove' || (!locked(s) && c.id !== EVENT_NODE_ID && c.id !== ACTION_NODE_ID));
    if (allowed.length === 0) return;
    if (allowed.some(isEdit)) s.checkpoint();
    set({ nodes: applyNodeChanges(allowed, s.nodes) });
  },
  onEdgesChange: (changes) => {
    const s = get();
    const allowed = changes.filter((c) => c.type !== 'remove' || !locked(s));
    if (allowed.length === 0) return;
    if (allowed.some((c) => c.type === 'remove')) s.checkpoint();
    set({ edges: applyEdgeChanges(allowed, s.edges) });
  },
  connect: (conn) => {
    const s = get();
    if (locked(s)) return 'The trigger is locked: duplicate it as a new draft to change its rules.';
    const problem = connectionProblem(conn, s.nodes, s.edges);
    if (problem) return problem;
    s.checkpoint();
    const target = s.nodes.find((n) => n.id === conn.target);
    const started = conn.source === EVENT_NODE_ID && target ? startTreeAt(s.edges, target) : null;
    set({ edges: started ?? addEdge(makeEdge(conn.source, conn.target), s.edges) });
    return null;
  },
  addConnected: (item) => {
    const s = get();
    if (locked(s)) return null;
    const id = `n${s.nextId}`;
    const node = newNode(s, item, id, { x: 0, y: 0 });
    const selected = s.nodes.filter((n) => n.selected);
    const wrapperId = `n${s.nextId + 1}`;
    const wrapper = (): EditorNode => ({ id: wrapperId, type: 'block', position: { x: 0, y: 0 }, data: { kind: 'all' } });
    const graph = addConnected({ nodes: s.nodes.map((n) => ({ ...n, selected: false })), edges: s.edges }, selected.length === 1 ? (selected[0]?.id ?? null) : null, node, wrapper);
    s.checkpoint();
    // addConnected may have wrapped the target in a new block (the wrapper's id is then taken).
    const wrapped = graph.nodes.some((n) => n.id === wrapperId);
    set({ ...layoutGraph(graph), nextId: s.nextId + (wrapped ? 2 : 1) });
    return id;
  },
  addNode: (item, position) => {
    const s = get();
    if (locked(s)) return null;
    const id = `n${s.nextId}`;
    const node = newNode(s, item, id, position);
    s.checkpoint();
    set({ nodes: [...s.nodes.map((n) => ({ ...n, selected: false })), node], nextId: s.nextId + 1 });
    return id;
  },
  copySelected: () => {
    const s = get();
    const copied = copyOf({ nodes: s.nodes, edges: s.edges }, s.nodes.filter((n) => n.selected).map((n) => n.id));
    if (copied) clipboard = copied;
    return copied !== null;
  },
  paste: () => {
    const s = get();
    if (locked(s) || !clipboard) return false;
    const selected = s.nodes.filter((n) => n.selected);
    const { graph, nextId } = pasteInto({ nodes: s.nodes, edges: s.edges }, clipboard, selected.length === 1 ? (selected[0]?.id ?? null) : null, s.nextId);
    s.checkpoint();
    set({ ...layoutGraph(graph), nextId });
    return true;
  },
  updateRule: (id, rule) => {
    const s = get();
    if (locked(s)) return;
    s.checkpoint(`rule:${id}`);
    set({ nodes: patchNode(s.nodes, id, (n) => (n.type === 'rule' ? { ...n, data: { rule } } : n)) });
  },
  setBlockKind: (id, kind) => {
    const s = get();
    if (locked(s)) return;
    s.checkpoint();
    set({ nodes: patchNode(s.nodes, id, (n) => (n.type === 'block' ? { ...n, data: { kind } } : n)) });
  },
  setEvent: (event) => {
    const s = get();
    if (locked(s)) return;
    s.checkpoint();
    set({ nodes: patchNode(s.nodes, EVENT_NODE_ID, (n) => (n.type === 'event' ? { ...n, data: { event } } : n)) });
  },
  setAction: (action, key) => {
    const s = get();
    const current = s.nodes.find((n) => n.type === 'action');
    if (locked(s) && current?.type === 'action' && current.data.action.type !== action.type) return;
    s.checkpoint(key ? `action:${key}` : undefined);
    set({ nodes: patchNode(s.nodes, ACTION_NODE_ID, (n) => (n.type === 'action' ? { ...n, data: { action } } : n)) });
  },
  setName: (name) => {
    const s = get();
    s.checkpoint('name');
    set({ meta: { ...s.meta, name } });
  },
  removeSelected: () => {
    const s = get();
    if (locked(s)) return;
    const gone = new Set(s.nodes.filter((n) => n.selected && n.id !== EVENT_NODE_ID && n.id !== ACTION_NODE_ID).map((n) => n.id));
    const edgesGone = new Set(s.edges.filter((e) => e.selected || gone.has(e.source) || gone.has(e.target)).map((e) => e.id));
    if (gone.size === 0 && edgesGone.size === 0) return;
    s.checkpoint();
    set({ nodes: s.nodes.filter((n) => !gone.has(n.id)), edges: s.edges.filter((e) => !edgesGone.has(e.id)) });
  },
  autoLayout: () => {
    const s = get();
    s.checkpoint();
    set(layoutGraph({ nodes: s.nodes, edges: s.edges }));
  },
  relayoutMeasured: () => {
    const s = get();
    if (s.measured) return;
    set({ ...layoutGraph({ nodes: s.nodes, edges: s.edges }), measured: true });
  },
});

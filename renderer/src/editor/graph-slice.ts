/**
 * The canvas graph and every edit to it. Reducers are pure apart from recording an undo step;
 * structural edits are refused while the trigger is locked (activated). The graph is what is
 * saved: which nodes are selected and how big the canvas drew them live in the editor's view
 * store (`editor-view.ts`), which the edits here read and set but the saver and undo never see.
 * The edits come in four groups (canvas changes, structure, node contents, layout), one
 * function each, merged into the slice.
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
import { selectedIds, selectOnly, singleSelected, takeEdgeViewChanges, takeNodeViewChanges } from './editor-view';
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
  /** Lays out again with measured sizes, once the canvas has drawn the nodes; not an undo step. */
  relayoutMeasured: () => void;
}

/** The last copy, shared by every open trigger of the session (copy in one, paste in another). */
let clipboard: Clip | null = null;

function locked(s: EditorState): boolean {
  return isLocked(s.meta.status);
}

/** A fresh node for a palette item (the caller selects it); a rule starts on the event's first field. */
function newNode(s: EditorState, item: PaletteItem, id: string, position: XYPosition): EditorNode {
  const event = s.nodes.find((n) => n.type === 'event');
  return item === 'rule' ? { id, type: 'rule', position, data: { rule: newRule(event?.type === 'event' ? event.data.event : 'transaction.created') } } : { id, type: 'block', position, data: { kind: item } };
}

function patchNode(nodes: EditorNode[], id: string, patch: (n: EditorNode) => EditorNode): EditorNode[] {
  return nodes.map((n) => (n.id === id ? patch(n) : n));
}

/** Node changes that change the trigger (not a drag, not selection or measuring). */
function isEdit(c: NodeChange<EditorNode>): boolean {
  return c.type === 'remove' || c.type === 'add' || c.type === 'replace';
}

type Set = Parameters<StateCreator<EditorState, [], [], GraphSlice>>[0];
type Get = () => EditorState;

/** What the canvas reports: its selection and sizes go to the view store, the rest is an edit. */
function canvasChanges(set: Set, get: Get): Pick<GraphSlice, 'onNodesChange' | 'onEdgesChange' | 'connect'> {
  return {
    onNodesChange: (changes) => {
      const s = get();
      const graphChanges = takeNodeViewChanges(s.view, changes);
      const allowed = graphChanges.filter((c) => c.type !== 'remove' || (!locked(s) && c.id !== EVENT_NODE_ID && c.id !== ACTION_NODE_ID));
      if (allowed.length === 0) return;
      if (allowed.some(isEdit)) s.checkpoint();
      set({ nodes: applyNodeChanges(allowed, s.nodes) });
    },
    onEdgesChange: (changes) => {
      const s = get();
      const allowed = takeEdgeViewChanges(s.view, changes).filter((c) => c.type !== 'remove' || !locked(s));
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
  };
}

/** Adding, copying, pasting and removing nodes; what is added becomes the selection. */
function structureEdits(set: Set, get: Get): Pick<GraphSlice, 'addNode' | 'addConnected' | 'copySelected' | 'paste' | 'removeSelected'> {
  return {
    addConnected: (item) => {
      const s = get();
      if (locked(s)) return null;
      const id = `n${s.nextId}`;
      const node = newNode(s, item, id, { x: 0, y: 0 });
      const wrapperId = `n${s.nextId + 1}`;
      const wrapper = (): EditorNode => ({ id: wrapperId, type: 'block', position: { x: 0, y: 0 }, data: { kind: 'all' } });
      const graph = addConnected({ nodes: s.nodes, edges: s.edges }, singleSelected(s.nodes, s.view.getState()), node, wrapper);
      s.checkpoint();
      // addConnected may have wrapped the target in a new block (the wrapper's id is then taken).
      const wrapped = graph.nodes.some((n) => n.id === wrapperId);
      set({ ...layoutGraph(graph, s.view.getState().sizes), nextId: s.nextId + (wrapped ? 2 : 1) });
      selectOnly(s.view, [id]);
      return id;
    },
    addNode: (item, position) => {
      const s = get();
      if (locked(s)) return null;
      const id = `n${s.nextId}`;
      s.checkpoint();
      set({ nodes: [...s.nodes, newNode(s, item, id, position)], nextId: s.nextId + 1 });
      selectOnly(s.view, [id]);
      return id;
    },
    copySelected: () => {
      const s = get();
      const copied = copyOf({ nodes: s.nodes, edges: s.edges }, selectedIds(s.nodes, s.view.getState()));
      if (copied) clipboard = copied;
      return copied !== null;
    },
    paste: () => {
      const s = get();
      if (locked(s) || !clipboard) return false;
      const { graph, nextId, pasted } = pasteInto({ nodes: s.nodes, edges: s.edges }, clipboard, singleSelected(s.nodes, s.view.getState()), s.nextId);
      s.checkpoint();
      set({ ...layoutGraph(graph, s.view.getState().sizes), nextId });
      selectOnly(s.view, pasted);
      return true;
    },
    removeSelected: () => {
      const s = get();
      if (locked(s)) return;
      const view = s.view.getState();
      const gone = new Set(selectedIds(s.nodes, view).filter((id) => id !== EVENT_NODE_ID && id !== ACTION_NODE_ID));
      const edgesGone = new Set(s.edges.filter((e) => view.edges.has(e.id) || gone.has(e.source) || gone.has(e.target)).map((e) => e.id));
      if (gone.size === 0 && edgesGone.size === 0) return;
      s.checkpoint();
      set({ nodes: s.nodes.filter((n) => !gone.has(n.id)), edges: s.edges.filter((e) => !edgesGone.has(e.id)) });
    },
  };
}

/** What is inside the nodes, and the trigger's name; typing into one field is one undo step. */
function contentEdits(set: Set, get: Get): Pick<GraphSlice, 'updateRule' | 'setBlockKind' | 'setEvent' | 'setAction' | 'setName'> {
  return {
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
  };
}

function layoutEdits(set: Set, get: Get): Pick<GraphSlice, 'autoLayout' | 'relayoutMeasured'> {
  return {
    autoLayout: () => {
      const s = get();
      s.checkpoint();
      set(layoutGraph({ nodes: s.nodes, edges: s.edges }, s.view.getState().sizes));
    },
    relayoutMeasured: () => {
      const s = get();
      const view = s.view.getState();
      if (view.laidOut) return;
      set(layoutGraph({ nodes: s.nodes, edges: s.edges }, view.sizes));
      s.view.setState({ laidOut: true });
    },
  };
}

export const createGraphSlice =
  (initial: { meta: TriggerMeta; nodes: EditorNode[]; edges: EditorEdge[] }): StateCreator<EditorState, [], [], GraphSlice> =>
  (set, get) => ({
    ...initial,
    // Node ids are n1, n2…: the next one follows the highest (a new trigger's AND block is n1).
    nextId: Math.max(0, ...initial.nodes.map((n) => Number(/^n(\d+)$/.exec(n.id)?.[1] ?? 0))) + 1,
    ...canvasChanges(set, get),
    ...structureEdits(set, get),
    ...contentEdits(set, get),
    ...layoutEdits(set, get),
  });

/**
 * What the person is looking at on a trigger's canvas, apart from the trigger itself: which
 * nodes and connections are selected, the sizes the canvas measured, and whether it has laid the
 * nodes out with those sizes. A store of its own (one per open trigger, beside the editor store)
 * so that the saved graph holds only what is saved: selecting or measuring is no undo step, no
 * unsaved change and no save, and the saver never hears of it.
 */
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EditorEdge, EditorNode } from './graph-types';

export interface Size {
  width: number;
  height: number;
}

export interface EditorViewState {
  /** Ids of the selected nodes (a removed node's id may linger: read through `selectedIds`). */
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Sizes the canvas measured, by node id. */
  sizes: Readonly<Record<string, Size>>;
  /** Whether the nodes were laid out again with measured sizes (once per open trigger). */
  laidOut: boolean;
}

export type EditorView = StoreApi<EditorViewState>;

const NONE: ReadonlySet<string> = new Set();

export function createEditorView(): EditorView {
  return createStore<EditorViewState>()(() => ({ nodes: NONE, edges: NONE, sizes: {}, laidOut: false }));
}

/** Selects exactly these nodes, and no connection. */
export function selectOnly(view: EditorView, nodes: readonly string[]): void {
  view.setState({ nodes: new Set(nodes), edges: NONE });
}

/** The ids of the selected nodes that exist, in the graph's order. */
export function selectedIds(nodes: readonly EditorNode[], view: EditorViewState): string[] {
  return nodes.filter((n) => view.nodes.has(n.id)).map((n) => n.id);
}

/** The one selected node's id, or null when none or several are selected. */
export function singleSelected(nodes: readonly EditorNode[], view: EditorViewState): string | null {
  const ids = selectedIds(nodes, view);
  return ids.length === 1 ? (ids[0] ?? null) : null;
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  if (set.has(id) === on) return set;
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** Takes the canvas's node changes that are view state (selection, measured size); returns the graph's. */
export function takeNodeViewChanges(view: EditorView, changes: readonly NodeChange<EditorNode>[]): NodeChange<EditorNode>[] {
  let { nodes, sizes } = view.getState();
  const rest: NodeChange<EditorNode>[] = [];
  for (const c of changes) {
    if (c.type === 'select') nodes = toggled(nodes, c.id, c.selected);
    else if (c.type === 'dimensions') {
      if (c.dimensions) sizes = { ...sizes, [c.id]: c.dimensions };
    } else rest.push(c);
  }
  const s = view.getState();
  if (nodes !== s.nodes || sizes !== s.sizes) view.setState({ nodes, sizes });
  return rest;
}

/** Takes the canvas's connection changes that are selection; returns the graph's. */
export function takeEdgeViewChanges(view: EditorView, changes: readonly EdgeChange<EditorEdge>[]): EdgeChange<EditorEdge>[] {
  let { edges } = view.getState();
  const rest: EdgeChange<EditorEdge>[] = [];
  for (const c of changes) {
    if (c.type === 'select') edges = toggled(edges, c.id, c.selected);
    else rest.push(c);
  }
  if (edges !== view.getState().edges) view.setState({ edges });
  return rest;
}

/** The nodes as the canvas draws them: the graph's, with their selection and measured size. */
export function drawnNodes(nodes: readonly EditorNode[], view: EditorViewState): EditorNode[] {
  return nodes.map((n) => {
    const size = view.sizes[n.id];
    return { ...n, selected: view.nodes.has(n.id), ...(size ? { measured: size } : {}) };
  });
}

export function drawnEdges(edges: readonly EditorEdge[], view: EditorViewState): EditorEdge[] {
  return edges.map((e) => ({ ...e, selected: view.edges.has(e.id) }));
}

/**
 * The trigger editor's state: one zustand store per open trigger, made by a factory and
 * provided by context. Saving is not done here: `persistence.ts` subscribes to the store. What
 * is only looked at (selection, measured sizes) is the separate `view` store beside it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Trigger } from '@engine/formats/program-schema';
import { graphToTrigger, metaOf, triggerToGraph, type GraphReading } from './graph-mapping';
import { createGraphSlice, type GraphSlice } from './graph-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createEditorView, type EditorView } from './editor-view';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'unsaved' | 'error';

export interface SaveSlice {
  save: { status: SaveStatus; message: string };
  setSave: (status: SaveStatus, message?: string) => void;
  /** Takes a trigger the service returned (activate, deactivate): new status, no undo step. */
  acceptServerTrigger: (trigger: Trigger) => void;
}

export interface ViewRef {
  /** The trigger's view state (`editor-view.ts`): the same store for the editor's whole life. */
  view: EditorView;
}

export type EditorState = GraphSlice & HistorySlice & SaveSlice & ViewRef;
export type EditorStore = StoreApi<EditorState>;

export function createEditorStore(trigger: Trigger): EditorStore {
  const graph = triggerToGraph(trigger);
  const initial = { meta: metaOf(trigger), nodes: graph.nodes, edges: graph.edges };
  return createStore<EditorState>()((...a) => ({
    view: createEditorView(),
    ...createGraphSlice(initial)(...a),
    ...createHistorySlice(...a),
    save: { status: 'saved', message: 'All changes saved' },
    setSave: (status, message = '') => a[0]({ save: { status, message } }),
    acceptServerTrigger: (t) => {
      const [set, get] = a;
      set({ meta: { ...get().meta, status: t.status, activatedAt: t.activatedAt, version: t.version } });
      get().clearHistory();
    },
  }));
}

/** The trigger the editor shows, as the engine will read it (or why it cannot yet). */
export function readTrigger(s: Pick<EditorState, 'meta' | 'nodes' | 'edges'>): GraphReading {
  return graphToTrigger(s.meta, { nodes: s.nodes, edges: s.edges });
}

import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './editor-store';
import type { EditorViewState } from './editor-view';

const EditorContext = createContext<EditorStore | null>(null);

export function EditorStoreProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

/** The open trigger's store; throws outside `EditorStoreProvider`. */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditor must be used inside <EditorStoreProvider>');
  return store;
}

export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}

/** The open trigger's view state (selection, measured sizes), apart from the saved graph. */
export function useEditorView<T>(selector: (s: EditorViewState) => T): T {
  return useStore(useEditorStoreApi().getState().view, selector);
}

/**
 * How the editor fits its view: never below zoom 1, so node text stays at its 12–14 px, and
 * clear of the palette (top left) and the minimap (bottom right). A tree too large to fit at
 * zoom 1 is shown from its start (the Event) rather than cut on both sides.
 */
import { getNodesBounds, useReactFlow, useStoreApi, type Rect, type Viewport } from '@xyflow/react';
import { useCallback } from 'react';

export const FIT_PADDING = { top: 24, left: 176, right: 24, bottom: 132 } as const;
export const MIN_FIT_ZOOM = 1;
export const MAX_FIT_ZOOM = 1.2;

/** The viewport that shows `bounds` in a `width` × `height` canvas (see the module comment). */
export function editorViewport(bounds: Rect, width: number, height: number): Viewport {
  const p = FIT_PADDING;
  const availW = Math.max(1, width - p.left - p.right);
  const availH = Math.max(1, height - p.top - p.bottom);
  const fits = Math.min(availW / Math.max(1, bounds.width), availH / Math.max(1, bounds.height));
  const zoom = Math.min(MAX_FIT_ZOOM, Math.max(MIN_FIT_ZOOM, fits));
  const w = bounds.width * zoom;
  const h = bounds.height * zoom;
  const x = w <= availW ? p.left + (availW - w) / 2 - bounds.x * zoom : p.left - bounds.x * zoom;
  const y = h <= availH ? p.top + (availH - h) / 2 - bounds.y * zoom : p.top - bounds.y * zoom;
  return { x, y, zoom };
}

/** Fits the editor's view to all nodes, or to the given ones (a problem's node). */
export function useEditorFit(): (ids?: string[], duration?: number) => void {
  const rf = useReactFlow();
  const api = useStoreApi();
  return useCallback(
    (ids, duration = 200) => {
      const nodes = rf.getNodes().filter((n) => !ids || ids.includes(n.id));
      if (nodes.length === 0) return;
      const { width, height } = api.getState();
      void rf.setViewport(editorViewport(getNodesBounds(nodes), width, height), { duration });
    },
    [rf, api],
  );
}

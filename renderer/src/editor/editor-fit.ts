/**
 * How the editor fits its view: never below zoom 1, so node text stays at its 12–14 px, and
 * clear of the palette (top left, drafts only), the controls (bottom left) and the minimap
 * (bottom right). A tree too large to fit at zoom 1 is shown from its start (the Event) rather
 * than cut on both sides; "Show the whole tree" (and the controls' fit button) then zooms out
 * as far as it takes, the person's choice.
 */
import { getNodesBounds, useReactFlow, useStoreApi, type Rect, type Viewport } from '@xyflow/react';
import { useCallback } from 'react';

export interface FitPadding {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

/** Clear of the palette (a draft's, top left) and of the controls and minimap below. */
export const FIT_PADDING: FitPadding = { top: 24, left: 176, right: 24, bottom: 132 };
/** A locked trigger has no palette: only the controls' column (bottom left) is kept clear. */
export const LOCKED_FIT_PADDING: FitPadding = { ...FIT_PADDING, left: 56, right: 16 };
export const MIN_FIT_ZOOM = 1;
export const MAX_FIT_ZOOM = 1.2;
/** How far "Show the whole tree" may zoom out (below LOD_ZOOM nodes are drawn as outlines). */
export const WHOLE_TREE_MIN_ZOOM = 0.2;

export interface FitOptions {
  padding?: FitPadding;
  /** The least zoom; MIN_FIT_ZOOM (readable text) unless the person asked to see everything. */
  minZoom?: number;
}

/** The zoom at which `bounds` just fits in the canvas, inside the padding. */
export function fittingZoom(bounds: Rect, width: number, height: number, padding: FitPadding = FIT_PADDING): number {
  const availW = Math.max(1, width - padding.left - padding.right);
  const availH = Math.max(1, height - padding.top - padding.bottom);
  return Math.min(availW / Math.max(1, bounds.width), availH / Math.max(1, bounds.height));
}

/** The viewport that shows `bounds` in a `width` × `height` canvas (see the module comment). */
export function editorViewport(bounds: Rect, width: number, height: number, options: FitOptions = {}): Viewport {
  const p = options.padding ?? FIT_PADDING;
  const availW = Math.max(1, width - p.left - p.right);
  const availH = Math.max(1, height - p.top - p.bottom);
  const fits = fittingZoom(bounds, width, height, p);
  const zoom = Math.min(MAX_FIT_ZOOM, Math.max(options.minZoom ?? MIN_FIT_ZOOM, fits));
  const w = bounds.width * zoom;
  const h = bounds.height * zoom;
  const x = w <= availW ? p.left + (availW - w) / 2 - bounds.x * zoom : p.left - bounds.x * zoom;
  const y = h <= availH ? p.top + (availH - h) / 2 - bounds.y * zoom : p.top - bounds.y * zoom;
  return { x, y, zoom };
}

/**
 * Fits the editor's view to all nodes, or to the given ones (a problem's node). Answers whether
 * they all fit at that zoom (false: part of them is outside the view).
 */
export function useEditorFit(padding: FitPadding = FIT_PADDING): (ids?: string[], duration?: number, minZoom?: number) => boolean {
  const rf = useReactFlow();
  const api = useStoreApi();
  return useCallback(
    (ids, duration = 200, minZoom = MIN_FIT_ZOOM) => {
      const nodes = rf.getNodes().filter((n) => !ids || ids.includes(n.id));
      if (nodes.length === 0) return true;
      const { width, height } = api.getState();
      const bounds = getNodesBounds(nodes);
      void rf.setViewport(editorViewport(bounds, width, height, { padding, minZoom }), { duration });
      return fittingZoom(bounds, width, height, padding) >= minZoom;
    },
    [rf, api, padding],
  );
}

/**
 * Level of detail for the canvases: below `LOD_ZOOM` node text is a few pixels high, unreadable,
 * and the costliest part to paint (with software rendering, Chromium's --disable-gpu, it halves
 * the frame rate of a 600-node overview). The canvas root then gets the `of-lod` class, which
 * `canvas.css` uses to draw nodes as outlines, and the dotted background is left out (at that
 * zoom its dots are a pixel apart and repainting them costs more than the nodes).
 */
import { useStore } from '@xyflow/react';

export const LOD_ZOOM = 0.4;

/**
 * True while the canvas is zoomed out below `LOD_ZOOM`. The selector returns a boolean, so the
 * caller re-renders only when the zoom crosses the threshold, not on every pan or zoom step.
 */
export function useZoomedOut(): boolean {
  return useStore((s) => s.transform[2] < LOD_ZOOM);
}

export const LOD_CLASS = 'of-lod';

import { describe, expect, it } from 'vitest';
import { editorViewport, FIT_PADDING } from './editor-fit';

describe('editor fit', () => {
  it('centres a small graph, zoomed no further than 1.2', () => {
    const vp = editorViewport({ x: 0, y: 0, width: 200, height: 100 }, 1000, 800);
    expect(vp.zoom).toBe(1.2);
    const availW = 1000 - FIT_PADDING.left - FIT_PADDING.right;
    expect(vp.x).toBeCloseTo(FIT_PADDING.left + (availW - 240) / 2);
  });

  it('never zooms below 1 (node text stays readable) and shows a large graph from its start', () => {
    const vp = editorViewport({ x: -50, y: -300, width: 1500, height: 900 }, 720, 600);
    expect(vp.zoom).toBe(1);
    expect(vp.x).toBe(FIT_PADDING.left + 50);
    expect(vp.y).toBe(FIT_PADDING.top + 300);
  });
});

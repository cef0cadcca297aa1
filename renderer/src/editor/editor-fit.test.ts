import { describe, expect, it } from 'vitest';
import { editorViewport, FIT_PADDING, fittingZoom, LOCKED_FIT_PADDING, MIN_FIT_ZOOM, WHOLE_TREE_MIN_ZOOM } from './editor-fit';

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

describe('showing the whole tree', () => {
  const wide = { x: 0, y: 0, width: 1210, height: 260 };
  it('says when the readable fit leaves part of a tree outside the view', () => {
    // 1280×800: a 720 px canvas; the palette's strip leaves 520 px.
    expect(fittingZoom(wide, 720, 695)).toBeCloseTo(520 / 1210);
    expect(fittingZoom(wide, 720, 695)).toBeLessThan(MIN_FIT_ZOOM);
    // 1920×1080 with no palette (a locked trigger): 1300 − 56 − 16 = 1228 px, the tree fits.
    expect(fittingZoom(wide, 1300, 975, LOCKED_FIT_PADDING)).toBeGreaterThanOrEqual(MIN_FIT_ZOOM);
    expect(fittingZoom(wide, 1300, 975)).toBeLessThan(MIN_FIT_ZOOM);
  });

  it('zooms out as far as it takes when asked, inside the padding, centred', () => {
    const vp = editorViewport(wide, 720, 695, { minZoom: WHOLE_TREE_MIN_ZOOM });
    expect(vp.zoom).toBeCloseTo(520 / 1210);
    expect(vp.x).toBeCloseTo(FIT_PADDING.left);
    expect(vp.x + wide.width * vp.zoom).toBeCloseTo(720 - FIT_PADDING.right);
    // Never further out than the floor.
    expect(editorViewport({ x: 0, y: 0, width: 100_000, height: 100 }, 720, 695, { minZoom: WHOLE_TREE_MIN_ZOOM }).zoom).toBe(WHOLE_TREE_MIN_ZOOM);
  });
});

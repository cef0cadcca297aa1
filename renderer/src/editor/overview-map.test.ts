import { describe, expect, it } from 'vitest';
import type { Trigger } from '@engine/formats/program-schema';
import { lanesGraph, orderFromLanes, overviewBounds, pictureBoxes, picturePath } from './overview-map';

const t = (id: string, rules: Trigger['rules']): Trigger => ({
  id, name: id, event: 'transaction.created', status: 'active', ...(rules ? { rules } : {}),
  action: { type: 'change_group', group: 'g' },
});

describe('overview lanes', () => {
  const triggers = [t('a', { all: [{ object: 'partnership', field: 'group', op: 'is_empty' }, { object: 'partnership', field: 'tag', op: 'is_empty' }] }), t('b', undefined)];
  it('stacks one lane per trigger, in order, without overlap', () => {
    const g = lanesGraph(triggers);
    expect(g.nodes.filter((n) => n.type === 'lane').map((n) => n.id)).toEqual(['lane:a', 'lane:b']);
    expect(g.nodes.length).toBe(2 + 5 + 2);
    const maxA = Math.max(...g.nodes.filter((n) => n.id.startsWith('a/')).map((n) => n.position.y));
    const minB = Math.min(...g.nodes.filter((n) => n.id.startsWith('b/')).map((n) => n.position.y));
    expect(minB).toBeGreaterThan(maxA);
    expect(g.edges.map((e) => e.source)).toContain('a/event');
  });
  it('reads the order from the lane headers', () => {
    const g = lanesGraph(triggers);
    const moved = g.nodes.map((n) => (n.id === 'lane:b' ? { ...n, position: { x: 0, y: -50 } } : n));
    expect(orderFromLanes(moved)).toEqual(['b', 'a']);
  });
});

describe('the zoomed-out picture', () => {
  const g = lanesGraph([t('a', { all: [{ object: 'partnership', field: 'group', op: 'is_empty' }] })]);
  it('draws every trigger node, at its measured size when known', () => {
    const measured = g.nodes.map((n) => (n.id === 'a/event' ? { ...n, measured: { width: 200, height: 99 } } : n));
    const boxes = pictureBoxes(measured);
    expect(boxes.map((b) => b.id).sort()).toEqual(g.nodes.filter((n) => n.type !== 'lane').map((n) => n.id).sort());
    expect(boxes.find((b) => b.id === 'a/event')).toMatchObject({ width: 200, height: 99 });
    expect(boxes.find((b) => b.id === 'a/action')?.width).toBe(210);
  });
  it('draws one smooth-step path per edge, from the right of the source to the left of the target', () => {
    const boxes = pictureBoxes(g.nodes);
    const d = picturePath(g.edges, boxes);
    expect(d.match(/M/g)?.length).toBe(g.edges.length);
    const event = boxes.find((b) => b.id === 'a/event');
    const fromEvent = picturePath(g.edges.filter((e) => e.source === 'a/event'), boxes);
    const [x, y] = (/^M\s*([\d.-]+)[ ,]([\d.-]+)/.exec(fromEvent) ?? []).slice(1).map(Number);
    expect([x, y]).toEqual([(event?.x ?? 0) + (event?.width ?? 0) + 6, (event?.y ?? 0) + (event?.height ?? 0) / 2]);
  });
  it('fits the headers and the nodes', () => {
    const b = overviewBounds(g.nodes);
    const boxes = pictureBoxes(g.nodes);
    expect(b.x).toBe(0);
    expect(b.x + b.width).toBe(Math.max(...boxes.map((x) => x.x + x.width)));
  });
});

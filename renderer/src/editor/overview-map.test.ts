import { describe, expect, it } from 'vitest';
import type { Trigger } from '../../../engine/formats/program-schema';
import { lanesGraph, orderFromLanes } from './overview-map';

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

import { describe, expect, it } from 'vitest';
import type { Trigger } from '@engine/formats/program-schema';
import type { TriggerTrace } from '@engine/formats/report';
import { traceOverlay } from './trace-map';

const trigger: Trigger = {
  id: 't', name: 'T', event: 'transaction.created', status: 'active',
  rules: { all: [
    { object: 'partnership', field: 'joined_days', op: 'more_than_or_exactly', value: 90 },
    { any: [
      { object: 'customer', field: 'signed_up_days', op: 'more_than_or_exactly', value: 90 },
      { object: 'transaction', field: 'product_key', op: 'equal_to', value: 'enterprise' },
    ] },
  ] },
  action: { type: 'reward', offer: { description: 'd', type: 'percentage', percent: '10' } },
};
const rule = (field: string, actual: unknown, result: boolean) => ({ rule: field, object: 'x', field, op: 'equal_to', actual, result });

describe('trace overlay', () => {
  it('colours each node by its verdict and highlights the path', () => {
    const trace: TriggerTrace = {
      triggerId: 't', triggerVersion: 1, verdict: 'passed', reason: 'rules passed', outcome: 'reward 10.00 USD',
      rules: { block: 'all', result: true, children: [rule('joined_days', 120, true), { block: 'any', result: true, children: [rule('signed_up_days', 3, false), rule('product_key', 'enterprise', true)] }] },
    };
    const o = traceOverlay(trigger, trace);
    expect(Object.fromEntries(o.verdicts)).toEqual({ event: true, n1: true, n2: true, n3: true, n4: false, n5: true, action: true });
    expect(o.notes.get('n4')).toBe('saw 3 → failed');
    expect(o.notes.get('action')).toBe('reward 10.00 USD');
    expect(o.graph.edges.filter((e) => e.animated).map((e) => e.id).sort()).toEqual(['e:event->n1', 'e:n1->action', 'e:n1->n2', 'e:n1->n3', 'e:n3->n5'].sort());
  });

  it('shows a skipped trigger with the reason on the event', () => {
    const o = traceOverlay(trigger, { triggerId: 't', triggerVersion: 1, verdict: 'skipped', reason: 'draft', rules: null });
    expect(o.verdicts.get('event')).toBe(false);
    expect(o.notes.get('event')).toBe('draft');
    expect(o.verdicts.get('action')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { eventHeading, traceLines, verdictCounts } from './trace-model';
import type { EventTrace } from '../../../engine/formats/report';

const trace: EventTrace = {
  eventId: 't5', index: 5, type: 'transaction.created', moment: '2026-02-06T12:00:00Z', partnerKey: 'ana', applied: 'transaction txn-5',
  triggers: [
    {
      triggerId: 'bronze', triggerVersion: 1, verdict: 'passed', reason: 'rules passed', outcome: 'reward 5.00 USD',
      rules: { block: 'all', result: true, children: [
        { rule: 'partnership group equal to bronze', object: 'partnership', field: 'group', op: 'equal_to', value: 'bronze', actual: 'bronze', result: true },
        { block: 'any', result: true, children: [
          { rule: 'partnership transaction count reaches or exceeds 5', object: 'partnership', field: 'transaction_count', op: 'reaches_or_exceeds', value: 5, actual: 5, before: 4, result: true, filters: ['transaction product key equal to pro'] },
        ] },
      ] },
    },
    { triggerId: 'silver', triggerVersion: 1, verdict: 'failed', reason: 'rules failed', rules: null },
    { triggerId: 'draft', triggerVersion: 1, verdict: 'skipped', reason: 'draft', rules: null },
  ],
};

describe('trace model', () => {
  it('flattens a rule tree with depth, values and before', () => {
    const lines = traceLines(trace.triggers[0]!.rules);
    expect(lines.map((l) => [l.depth, l.kind, l.label, l.expected, l.actual, l.before])).toEqual([
      [0, 'block', 'ALL of', '', '', null],
      [1, 'rule', 'partnership group equal to bronze', 'bronze', 'bronze', null],
      [1, 'block', 'ANY of', '', '', null],
      [2, 'rule', 'partnership transaction count reaches or exceeds 5', '5', '5', '4'],
    ]);
    expect(lines[3]?.filters).toEqual(['transaction product key equal to pro']);
    expect(traceLines(null)).toEqual([]);
  });

  it('counts verdicts and heads an event', () => {
    expect(verdictCounts([trace])).toEqual({ passed: 1, failed: 1, skipped: 1 });
    expect(eventHeading(trace)).toBe('t5 · transaction.created · ana · 2026-02-06 12:00');
    expect(eventHeading({ ...trace, cascadeOf: 't4' })).toMatch(/\(cascade of t4\)$/);
  });
});

import { describe, expect, it } from 'vitest';
import { eventHeading, firstFailingRule, traceLines, verdictCounts, whyNot } from './trace-model';
import type { EventTrace } from '@engine/formats/report';

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

describe('why a trigger did not fire', () => {
  const rule = (r: string, result: boolean, actual: unknown, before?: unknown) => ({ rule: r, object: 'o', field: 'f', op: 'equal_to', value: 'x', actual, result, ...(before === undefined ? {} : { before }) });
  it('names the first failing rule and the value it saw', () => {
    const tree = { block: 'all' as const, result: false, children: [rule('Group is Bronze', true, 'bronze'), { block: 'any' as const, result: false, children: [rule('Amount more than 100', false, 40), rule('Product is Pro', false, 'basic')] }] };
    expect(firstFailingRule(tree)?.rule).toBe('Amount more than 100');
    expect(whyNot({ triggerId: 't', triggerVersion: 1, verdict: 'failed', reason: 'rules did not pass', rules: tree }, 'Bronze bonus')).toBe('Bronze bonus did not fire: “Amount more than 100” saw 40.');
    expect(whyNot({ triggerId: 't', triggerVersion: 1, verdict: 'failed', reason: 'x', rules: rule('Sales count reaches 5', false, 3, 2) }, 'Move')).toBe('Move did not fire: “Sales count reaches 5” saw 3 (2 before this event).');
  });
  it('says why a trigger did not run, and what one that fired did', () => {
    expect(whyNot({ triggerId: 't', triggerVersion: 1, verdict: 'skipped', reason: 'the trigger is a draft', rules: null }, 'Draft')).toBe('Draft did not run: the trigger is a draft.');
    expect(whyNot({ triggerId: 't', triggerVersion: 1, verdict: 'passed', reason: '', rules: null, outcome: 'reward $5.00' }, 'B')).toBe('B fired: reward $5.00.');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATORS, RULE_OBJECTS, TRIGGER_EVENTS } from '@engine/catalogue';
import type { Action, Rule, RuleNode, Trigger } from '@engine/formats/program-schema';
import { connectionProblem } from './connection-rules';
import { graphToTrigger, metaOf, triggerToGraph } from './graph-mapping';
import { ACTION_NODE_ID, EVENT_NODE_ID, makeEdge, type EditorNode } from './graph-types';

const ruleArb: fc.Arbitrary<Rule> = fc.record(
  {
    object: fc.constantFrom(...RULE_OBJECTS),
    field: fc.constantFrom('joined_days', 'group', 'product_key', 'transaction_count'),
    op: fc.constantFrom(...OPERATORS),
    value: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.string({ minLength: 1, maxLength: 6 }), fc.boolean(), fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 })),
    filters: fc.array(fc.record({ object: fc.constant('transaction' as const), field: fc.constant('product_key'), op: fc.constant('equal_to' as const), value: fc.constant('pro') }), { maxLength: 2 }),
  },
  { requiredKeys: ['object', 'field', 'op'] },
);

const treeArb: fc.Arbitrary<RuleNode> = fc.letrec<{ node: RuleNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    ruleArb,
    fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
})).node;

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ type: 'reward', offer: { description: '10% of every sale', type: 'percentage', percent: '10' } }),
  fc.constant<Action>({ type: 'change_group', group: 'gold' }),
  fc.constant<Action>({ type: 'drip', offer: { description: 'Drip', type: 'flat', amount: '10.00', currency: 'USD' }, drip: { delay: { count: 30, unit: 'day' }, cycle: { count: 1, unit: 'month' }, occurrences: 12, split: false } }),
);

const triggerArb: fc.Arbitrary<Trigger> = fc.record(
  {
    id: fc.constantFrom('t1', 'ten-percent'),
    name: fc.string({ minLength: 1, maxLength: 10 }),
    event: fc.constantFrom(...TRIGGER_EVENTS),
    status: fc.constantFrom('draft' as const, 'active' as const, 'inactive' as const),
    activatedAt: fc.constant('2026-01-01T00:00:00Z'),
    version: fc.integer({ min: 1, max: 9 }),
    rules: treeArb,
    action: actionArb,
  },
  { requiredKeys: ['id', 'name', 'event', 'status', 'action'] },
);

const seedTrigger: Trigger = {
  id: 'ten-percent',
  name: '10% for onboarded partners',
  event: 'transaction.created',
  status: 'draft',
  rules: {
    all: [
      { object: 'partnership', field: 'joined_days', op: 'more_than_or_exactly', value: 90 },
      { any: [
        { object: 'customer', field: 'signed_up_days', op: 'more_than_or_exactly', value: 90 },
        { object: 'transaction', field: 'product_key', op: 'equal_to', value: 'enterprise' },
      ] },
    ],
  },
  action: { type: 'reward', offer: { description: '10% of every sale', type: 'percentage', percent: '10' } },
};

const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('graph mapping', () => {
  it('round-trips any trigger: trigger → graph → trigger is the identity', () => {
    fc.assert(
      fc.property(triggerArb, (t) => {
        const reading = graphToTrigger(metaOf(t), triggerToGraph(t));
        expect(reading.ok).toBe(true);
        // fast-check builds null-prototype objects; compare plain JSON, which also tells absent from present keys.
        if (reading.ok) expect(plain(reading.trigger)).toStrictEqual(plain(t));
      }),
      { numRuns: 300 },
    );
  });

  it('draws the seed trigger as event → AND → (rule, OR → (rule, rule)) → action', () => {
    const g = triggerToGraph(seedTrigger);
    expect(g.nodes.map((n) => n.type)).toEqual(['event', 'block', 'rule', 'block', 'rule', 'rule', 'action']);
    expect(g.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['n1>n2', 'n3>n4', 'n3>n5', 'n1>n3', 'event>n1', 'n1>action']);
  });

  it('names each node with its path in the saved trigger', () => {
    const reading = graphToTrigger(metaOf(seedTrigger), triggerToGraph(seedTrigger));
    expect(Object.fromEntries(reading.paths)).toEqual({
      event: 'event', action: 'action', n1: 'rules', n2: 'rules.all[0]', n3: 'rules.all[1]', n4: 'rules.all[1].any[0]', n5: 'rules.all[1].any[1]',
    });
  });

  it('reads children in top-to-bottom order', () => {
    const g = triggerToGraph(seedTrigger);
    const moved = g.nodes.map((n) => (n.id === 'n2' ? { ...n, position: { x: n.position.x, y: 10_000 } } : n));
    const reading = graphToTrigger(metaOf(seedTrigger), { nodes: moved, edges: g.edges });
    expect(reading.ok && reading.trigger.rules && 'all' in reading.trigger.rules && reading.trigger.rules.all.map((r) => ('any' in r ? 'any' : 'rule'))).toEqual(['any', 'rule']);
  });

  it('keeps "no rules" apart from an empty AND block', () => {
    const none: Trigger = { ...seedTrigger, rules: undefined };
    delete none.rules;
    const g = triggerToGraph(none);
    expect(g.edges).toEqual([makeEdge(EVENT_NODE_ID, ACTION_NODE_ID)]);
    const empty = { ...seedTrigger, rules: { all: [] } };
    expect(triggerToGraph(empty).nodes.map((n) => n.type)).toEqual(['event', 'block', 'action']);
  });

  it('reads an unfinished graph as far as it reaches, says what is missing, and lists detached nodes', () => {
    const g = triggerToGraph(seedTrigger);
    const cut = { nodes: g.nodes, edges: g.edges.filter((e) => e.target !== ACTION_NODE_ID) };
    const reading = graphToTrigger(metaOf(seedTrigger), cut);
    expect(reading).toMatchObject({ ok: true, trigger: { rules: seedTrigger.rules }, incomplete: expect.stringMatching(/^Connect the top of the rule tree to the Action/) });
    const none = graphToTrigger(metaOf(seedTrigger), { nodes: g.nodes, edges: [] });
    expect(none).toMatchObject({ ok: true, incomplete: expect.stringMatching(/^Connect the Event/) });
    expect(none.ok && none.trigger.rules).toBeUndefined();
    const orphan = { nodes: g.nodes, edges: g.edges.filter((e) => e.target !== 'n3') };
    const r2 = graphToTrigger(metaOf(seedTrigger), orphan);
    expect(r2.ok && r2.detached).toEqual(['n3', 'n4', 'n5']);
  });
});

describe('connection rules', () => {
  const g = triggerToGraph(seedTrigger);
  const extra: EditorNode[] = [
    ...g.nodes,
    { id: 'x', type: 'rule', position: { x: 0, y: 0 }, data: { rule: { object: 'partnership', field: 'group', op: 'is_empty' } } },
    { id: 'b', type: 'block', position: { x: 0, y: 0 }, data: { kind: 'any' } },
  ];
  const cases: [string, string, string | null][] = [
    ['n1', 'x', null],
    ['n3', 'x', null],
    ['b', 'x', null],
    ['x', 'b', 'A rule holds no other rules: add an AND or OR block from the palette and connect both rules into it.'],
    ['n1', 'event', 'Nothing connects into the Event: it is where the trigger starts. Drag from the Event’s right handle instead.'],
    ['action', 'x', 'The Action is where the trigger ends: drag from a block’s or the Event’s right handle into the Action instead.'],
    ['event', 'x', 'The Event already starts a rule tree. Connect this node into that tree’s block instead, or delete the Event’s connection to start another.'],
    ['x', 'action', 'The Action already has its input: click that connection, press Delete, then connect again.'],
    ['n3', 'n2', 'That node is already connected: each rule or block has one parent. Delete its connection first to move it.'],
    ['n3', 'n1', 'That node is already connected: each rule or block has one parent. Delete its connection first to move it.'],
    ['b', 'n1', 'That node is already connected: each rule or block has one parent. Delete its connection first to move it.'],
    ['n1', 'n1', 'A node cannot connect to itself: drag onto another node’s left handle.'],
    ['n1', 'n2', 'These nodes are already connected.'],
  ];
  it.each(cases)('%s → %s', (source, target, expected) => {
    expect(connectionProblem({ source, target }, extra, g.edges)).toBe(expected);
  });

  it('refuses loops and a second parent for the tree top', () => {
    const edges = [makeEdge('b', 'x')];
    const nodes = [...extra, { id: 'c', type: 'block', position: { x: 0, y: 0 }, data: { kind: 'all' } } as EditorNode];
    const withC = [...edges, makeEdge('c', 'b')];
    expect(connectionProblem({ source: 'b', target: 'c' }, nodes, withC)).toBe('That would make a loop: connect from a block to a node to its right instead.');
    const noEvent = g.edges.filter((e) => e.source !== 'event');
    expect(connectionProblem({ source: 'b', target: 'n1' }, extra, noEvent)).toBe('That node is the top of the rule tree: delete its connection to the Action first to put it inside a block.');
    expect(connectionProblem({ source: 'event', target: 'n1' }, extra, noEvent)).toBeNull();
    // Event → Action alone is not a rule tree: a block may take its place.
    expect(connectionProblem({ source: 'event', target: 'b' }, extra, [makeEdge('event', 'action')])).toBeNull();
  });
});

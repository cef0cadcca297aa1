/**
 * A synthetic program for the bench: `partners` sample partners and 100 triggers over every
 * trigger event, mixing static rules and aggregate rules with filters, with every action type
 * (flat and percentage rewards, drips with and without split, group moves, tags). Built as
 * data and parsed through the real schema, so the engine sees exactly what a file would give.
 */
import { parseProgram, type Program, type ProgramInput } from '../engine/index';

type TriggerInput = NonNullable<ProgramInput['triggers']>[number];
type RuleInput = Record<string, unknown>;

export const GROUPS = ['g0', 'g1', 'g2', 'g3', 'g4'] as const;
export const TIERS = ['t0', 't1', 't2'] as const;
export const TAGS = ['tag0', 'tag1', 'tag2', 'tag3', 'tag4', 'tag5', 'tag6', 'tag7'] as const;
export const PRODUCTS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'] as const;
export const CATEGORIES = ['c0', 'c1', 'c2'] as const;
export const ACTION_KEYS = ['a0', 'a1', 'a2', 'a3'] as const;
export const STAGES = ['open', 'proposal', 'won', 'lost'] as const;

const r = (object: string, field: string, op: string, value?: unknown, filters?: RuleInput[]): RuleInput => ({
  object,
  field,
  op,
  ...(value !== undefined ? { value } : {}),
  ...(filters ? { filters } : {}),
});
const at = (i: number) => i % 5;

/** Rules for the i-th trigger of each event type: a static part and an aggregate part. */
const RULES: Record<string, (i: number) => RuleInput> = {
  'transaction.created': (i) => {
    const statics = [
      r('partnership', 'group', 'equal_to', GROUPS[at(i)]),
      r('transaction', 'product_key', 'equal_to', PRODUCTS[i % PRODUCTS.length]),
      r('transaction', 'amount', 'greater_than', `${(i % 7) * 50}.00`),
      r('partnership', 'tier', 'is_in', [TIERS[i % 3], TIERS[(i + 1) % 3]]),
      r('transaction', 'currency', 'is_in', ['USD', 'EUR']),
      r('partnership', 'joined_days', 'more_than_or_exactly', 30 + (i % 4) * 30),
      r('transaction', 'created_date', 'after', '2026-02-01'),
    ];
    const aggregates = [
      r('partnership', 'transaction_count', 'is_multiple_of', 3 + (i % 5), [r('transaction', 'product_key', 'equal_to', PRODUCTS[i % PRODUCTS.length])]),
      r('partnership', 'transaction_amount_sum', 'reaches_or_exceeds', `${1000 * (1 + (i % 9))}.00`, [r('transaction', 'category_key', 'equal_to', CATEGORIES[i % 3])]),
      r('customer', 'transaction_count', 'equal_to', 1 + (i % 3)),
      r('customer', 'transaction_amount_sum', 'reaches_or_exceeds', `${500 * (1 + (i % 6))}.00`),
      r('partnership', 'transaction_count', 'becomes_greater_than', 10 * (1 + (i % 8))),
    ];
    // Every rule requires a group (a fifth of partners), one static rule and an aggregate (or,
    // for every 4th trigger, either of two aggregates): about one reward row per event overall.
    const group = r('partnership', 'group', 'equal_to', GROUPS[at(i)]);
    const a = statics[1 + (i % (statics.length - 1))] as RuleInput;
    const agg = aggregates[i % aggregates.length] as RuleInput;
    const agg2 = aggregates[(i + 2) % aggregates.length] as RuleInput;
    return i % 4 === 0 ? { all: [group, a, { any: [agg, agg2] }] } : { all: [group, a, agg] };
  },
  'customer.created': (i) => ({
    all: [
      r('partnership', 'tag', 'is_in', [TAGS[i % TAGS.length], TAGS[(i + 2) % TAGS.length]]),
      r('partnership', 'customer_count', i % 2 ? 'reaches_or_exceeds' : 'is_multiple_of', 5 + i),
    ],
  }),
  'action.created': (i) => ({
    all: [
      r('action', 'action_key', 'equal_to', ACTION_KEYS[i % ACTION_KEYS.length]),
      r('partnership', 'action_value_sum', 'becomes_greater_than', `${200 * (1 + i)}.00`, [r('action', 'action_key', 'equal_to', ACTION_KEYS[i % ACTION_KEYS.length])]),
    ],
  }),
  'deal.stage_changed': (i) => ({
    all: [
      r('deal', 'stage', 'equal_to', 'won'),
      r('deal', 'amount', 'greater_than_or_equal_to', `${1000 * (i % 5)}.00`),
      r('partnership', 'deal_count', 'greater_than_or_equal_to', 1 + (i % 3), [r('deal', 'stage', 'equal_to', 'won')]),
    ],
  }),
  'lead.qualified': (i) => ({ all: [r('partnership', 'tier', 'equal_to', TIERS[i % 3]), r('partnership', 'lead_count', 'is_multiple_of', 2 + i)] }),
  'lead.closed': () => ({ all: [r('lead', 'stage', 'equal_to', 'won'), r('lead', 'submitted_date', 'after_or_exactly', '2026-01-15')] }),
  'partner.joined_group': (i) => ({ all: [r('partnership', 'group', 'equal_to', GROUPS[(i + 1) % GROUPS.length])] }),
};

/** How many of the 100 triggers listen to each event type. */
const SPLIT: [string, number][] = [
  ['transaction.created', 55],
  ['customer.created', 12],
  ['action.created', 8],
  ['deal.stage_changed', 8],
  ['lead.qualified', 5],
  ['lead.closed', 5],
  ['partner.joined_group', 7],
];

function actionFor(event: string, i: number, n: number): TriggerInput['action'] {
  const flat = { description: `$${5 + (i % 20)} bonus`, type: 'flat' as const, amount: `${5 + (i % 20)}.00`, currency: i % 6 === 0 ? 'EUR' : 'USD' };
  const offer = event === 'transaction.created' && i % 3 === 1 ? { description: `${1 + (i % 10)}% commission`, type: 'percentage' as const, percent: String(1 + (i % 10)) } : flat;
  // Group moves and tags last in each list (the recommended order); never on joined_group (no loops).
  if (event !== 'partner.joined_group' && i >= n - 2) return i === n - 1 ? { type: 'change_group', group: GROUPS[(i + 1) % GROUPS.length] as string } : { type: 'apply_tag', tag: TAGS[i % TAGS.length] as string };
  if (i % 5 === 2) {
    return { type: 'drip', offer, drip: { delay: { count: i % 30, unit: 'day' }, cycle: { count: 1, unit: 'month' }, occurrences: 3, split: i % 2 === 0 } };
  }
  return { type: 'reward', offer };
}

function triggers(): TriggerInput[] {
  const out: TriggerInput[] = [];
  for (const [event, n] of SPLIT) {
    for (let i = 0; i < n; i++) {
      out.push({
        id: `${event.replace(/\./g, '-')}-${i}`,
        name: `${event} #${i}`,
        event: event as TriggerInput['event'],
        status: 'active',
        rules: (RULES[event] as (i: number) => RuleInput)(i),
        action: actionFor(event, i, n),
      });
    }
  }
  return out;
}

/** The bench program with `partners` sample partners (keys `p0…`). */
export function benchProgram(partners: number): Program {
  const input: ProgramInput = {
    format: 'offerflow.program/1',
    name: 'Bench program',
    timeZone: 'America/New_York',
    fxRates: { EUR: '1.08', GBP: '1.27' },
    groups: GROUPS.map((key) => ({ key, name: key })),
    tiers: TIERS.map((key) => ({ key, name: key })),
    tags: TAGS.map((key) => ({ key, name: key })),
    partners: Array.from({ length: partners }, (_, i) => ({
      key: `p${i}`,
      name: `Partner ${i}`,
      group: GROUPS[i % GROUPS.length] as string,
      tier: TIERS[i % TIERS.length] as string,
      tags: [TAGS[i % TAGS.length] as string],
      joinedAt: new Date(Date.UTC(2025, i % 12, 1 + (i % 28), 14)).toISOString(),
    })),
    triggers: triggers(),
  };
  return parseProgram(input, 'bench program');
}

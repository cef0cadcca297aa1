/**
 * Rule trees of the program translated for the peers: a json-rules-engine condition tree and a
 * ZEN expression, both over the facts of `facts.ts` (`f<k>`; aggregates `{ before, after, count }`).
 */
import type { Rule, RuleNode } from '../../engine/index';

/** Rule values as numbers: money in dollars, dates as 12am New York (EST) in epoch ms. */
export function numeric(rule: Rule): number {
  const v = rule.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return Date.parse(`${v}T05:00:00Z`);
  return Number(v);
}

const AGG_FIELDS = new Set(['transaction_count', 'transaction_amount_sum', 'customer_count', 'action_value_sum', 'deal_count', 'lead_count']);
export const isAggregate = (r: Rule) => AGG_FIELDS.has(r.field) && (r.object === 'partnership' || r.object === 'customer');

const JRE_OPS: Record<string, string> = {
  equal_to: 'equal',
  not_equal_to: 'notEqual',
  greater_than: 'greaterThan',
  greater_than_or_equal_to: 'greaterThanInclusive',
  less_than: 'lessThan',
  less_than_or_equal_to: 'lessThanInclusive',
  more_than_or_exactly: 'greaterThanInclusive',
  after: 'greaterThan',
  after_or_exactly: 'greaterThanInclusive',
  before: 'lessThan',
  before_or_exactly: 'lessThanInclusive',
  is_in: 'in',
};

/** json-rules-engine: aggregates use custom `agg_<op>` operators (registered by the runner). */
export function toJre(node: RuleNode, ids: Map<Rule, string>): Record<string, unknown> {
  if ('all' in node) return { all: node.all.map((c) => toJre(c, ids)) };
  if ('any' in node) return { any: node.any.map((c) => toJre(c, ids)) };
  const fact = ids.get(node) as string;
  if (isAggregate(node)) return { fact, operator: `agg_${node.op}`, value: numeric(node) };
  if (node.field === 'tag') return { fact, operator: 'hasAny', value: node.value };
  const numericField = typeof node.value === 'number' || /amount|date|days/.test(node.field);
  return { fact, operator: JRE_OPS[node.op] ?? node.op, value: numericField && node.op !== 'is_in' ? numeric(node) : node.value };
}

const q = (s: unknown) => `'${String(s)}'`;

/** A ZEN expression (the language of gorules' decision graphs). */
export function toZen(node: RuleNode, ids: Map<Rule, string>): string {
  if ('all' in node) return node.all.length ? `(${node.all.map((c) => toZen(c, ids)).join(' and ')})` : 'true';
  if ('any' in node) return node.any.length ? `(${node.any.map((c) => toZen(c, ids)).join(' or ')})` : 'false';
  const f = ids.get(node) as string;
  if (isAggregate(node)) {
    const x = numeric(node);
    const a = `${f}.after`;
    switch (node.op) {
      case 'becomes_greater_than':
        return `(${f}.before <= ${x} and ${x} < ${a})`;
      case 'reaches_or_exceeds':
        return `(${f}.before < ${x} and ${x} <= ${a})`;
      case 'is_multiple_of':
        return `(${a} != 0 and ${a} % ${x} == 0)`;
      default:
        return `${a} ${CMP[node.op] ?? '=='} ${x}`;
    }
  }
  if (node.field === 'tag') return `some(${f}, # in [${(node.value as string[]).map(q).join(', ')}])`;
  if (node.op === 'is_in') return `${f} in [${(node.value as string[]).map(q).join(', ')}]`;
  const numericField = typeof node.value === 'number' || /amount|date|days/.test(node.field);
  return `${f} ${CMP[node.op] ?? '=='} ${numericField ? numeric(node) : q(node.value)}`;
}

const CMP: Record<string, string> = {
  equal_to: '==',
  not_equal_to: '!=',
  greater_than: '>',
  greater_than_or_equal_to: '>=',
  less_than: '<',
  less_than_or_equal_to: '<=',
  more_than_or_exactly: '>=',
  after: '>',
  after_or_exactly: '>=',
  before: '<',
  before_or_exactly: '<=',
};

/**
 * Offer visibility (ENGINE.md §6): an offer is visible to a partner iff its trigger is active
 * and its rule tree is not false when the partnership group, tier, tag and partner-key rules
 * are evaluated against the partner and every other rule is unknown (three-valued logic).
 */
import { OPERATOR_LABELS } from './catalogue';
import { isAll, isRule, type Partner, type Program, type Rule, type RuleNode, type Trigger } from './formats/program-schema';

export const VISIBILITY_FORMAT = 'offerflow.visibility/1';

export interface VisibilityReport {
  format: typeof VISIBILITY_FORMAT;
  offers: { triggerId: string; description: string }[];
  partners: { key: string; visible: string[]; hidden: { triggerId: string; reason: string }[] }[];
}

type Tri = { value: 'true' | 'unknown' } | { value: 'false'; why: string };

const VISIBILITY_FIELDS = new Set(['group', 'tier', 'tag', 'partner_key']);

export function describeRule(rule: Rule): string {
  const v = rule.value === undefined ? '' : ` ${Array.isArray(rule.value) ? `[${rule.value.join(', ')}]` : String(rule.value)}`;
  return `${rule.object} ${rule.field.replace(/_/g, ' ')} ${OPERATOR_LABELS[rule.op]}${v}`;
}

/** Static partnership rule on the partner's current group/tier/tags/key; null when not a visibility rule. */
export function partnerRule(rule: Rule, partner: Pick<Partner, 'key' | 'group' | 'tier' | 'tags'>): { pass: boolean; actual: string } | null {
  if (rule.object !== 'partnership' || !VISIBILITY_FIELDS.has(rule.field)) return null;
  const tags = rule.field === 'tag';
  const values: string[] = tags
    ? partner.tags
    : [rule.field === 'group' ? partner.group : rule.field === 'tier' ? partner.tier : partner.key].filter((x): x is string => x !== null);
  const list = Array.isArray(rule.value) ? rule.value : [];
  const one = typeof rule.value === 'string' ? rule.value : '';
  let pass: boolean;
  switch (rule.op) {
    case 'equal_to':
      pass = values.includes(one);
      break;
    case 'not_equal_to':
      pass = !values.includes(one);
      break;
    case 'is_empty':
      pass = values.length === 0;
      break;
    case 'is_not_empty':
      pass = values.length > 0;
      break;
    case 'is_in':
      pass = values.some((v) => list.includes(v));
      break;
    case 'is_not_in':
      pass = !values.some((v) => list.includes(v));
      break;
    default:
      return null;
  }
  const actual = values.length === 0 ? 'none' : values.join(', ');
  return { pass, actual };
}

function evaluate(node: RuleNode, path: string, partner: Partner): Tri {
  if (isRule(node)) {
    const r = partnerRule(node, partner);
    if (!r) return { value: 'unknown' };
    if (r.pass) return { value: 'true' };
    return { value: 'false', why: `${path}: ${describeRule(node)} (partner has ${node.field.replace('_', ' ')} ${r.actual})` };
  }
  const all = isAll(node);
  const children = all ? node.all : node.any;
  const key = all ? 'all' : 'any';
  const results = children.map((c, i) => evaluate(c, `${path}.${key}[${i}]`, partner));
  if (all) {
    const f = results.find((r) => r.value === 'false');
    if (f) return f;
    return { value: results.every((r) => r.value === 'true') ? 'true' : 'unknown' };
  }
  if (results.length === 0) return { value: 'false', why: `${path}: the OR block is empty` };
  if (results.every((r) => r.value === 'false')) {
    return { value: 'false', why: results.map((r) => r.why).join(' and ') };
  }
  return { value: results.some((r) => r.value === 'true') ? 'true' : 'unknown' };
}

/** Whether one offer is visible to one partner, with the deciding rule when hidden. */
export function offerVisibility(trigger: Trigger, partner: Partner): { visible: true } | { visible: false; reason: string } {
  if (trigger.status !== 'active') return { visible: false, reason: `the trigger is ${trigger.status === 'draft' ? 'a draft' : 'inactive'}` };
  if (!trigger.rules) return { visible: true };
  const r = evaluate(trigger.rules, 'rules', partner);
  return r.value === 'false' ? { visible: false, reason: r.why } : { visible: true };
}

export function hasOffer(t: Trigger): boolean {
  return t.action.type === 'reward' || t.action.type === 'drip';
}

/** The visibility matrix of a program's sample partners × offers, in program order. */
export function visibility(program: Program, options: { partner?: string } = {}): VisibilityReport {
  const offers = program.triggers.filter(hasOffer);
  const partners = options.partner === undefined ? program.partners : program.partners.filter((p) => p.key === options.partner);
  return {
    format: VISIBILITY_FORMAT,
    offers: offers.map((t) => ({ triggerId: t.id, description: t.action.type === 'reward' || t.action.type === 'drip' ? t.action.offer.description : '' })),
    partners: partners.map((p) => {
      const visible: string[] = [];
      const hidden: { triggerId: string; reason: string }[] = [];
      for (const t of offers) {
        const v = offerVisibility(t, p);
        if (v.visible) visible.push(t.id);
        else hidden.push({ triggerId: t.id, reason: v.reason });
      }
      return { key: p.key, visible, hidden };
    }),
  };
}

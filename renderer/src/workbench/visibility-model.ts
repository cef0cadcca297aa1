/**
 * The offer visibility matrix: sample partners × offers from `visibility.get`, filtered by
 * group / tier / tag, and the partner dashboard's list of the offers one partner sees.
 */
import type { VisibilityReport } from '@engine/visibility';
import type { Partner, Program, Trigger } from '@engine/formats/program-schema';
import { dripSummary } from '@engine/drip';
import { CROSSING_OPERATORS, fieldSpec, OPERATOR_LABELS } from '@engine/catalogue';
import { isAll, isRule, type Rule, type RuleNode } from '@engine/formats/program-schema';
import { displayAmount, displayUsd } from './money-format';

export interface VisibilityFilter {
  group: string;
  tier: string;
  tag: string;
}
export const NO_FILTER: VisibilityFilter = { group: '', tier: '', tag: '' };

export interface MatrixCell {
  triggerId: string;
  visible: boolean;
  reason: string | null;
}
export interface MatrixRow {
  partner: Partner;
  cells: MatrixCell[];
  visibleCount: number;
}

export function matchesFilter(p: Partner, f: VisibilityFilter): boolean {
  return (!f.group || p.group === f.group) && (!f.tier || p.tier === f.tier) && (!f.tag || p.tags.includes(f.tag));
}

/** Matrix rows in program order; partners the report does not know are left out. */
export function matrixRows(report: VisibilityReport, partners: readonly Partner[], filter: VisibilityFilter): MatrixRow[] {
  const byKey = new Map(report.partners.map((p) => [p.key, p]));
  const rows: MatrixRow[] = [];
  for (const partner of partners) {
    const r = byKey.get(partner.key);
    if (!r || !matchesFilter(partner, filter)) continue;
    const visible = new Set(r.visible);
    const reasons = new Map(r.hidden.map((h) => [h.triggerId, h.reason]));
    const cells = report.offers.map((o) => ({ triggerId: o.triggerId, visible: visible.has(o.triggerId), reason: reasons.get(o.triggerId) ?? null }));
    rows.push({ partner, cells, visibleCount: cells.filter((c) => c.visible).length });
  }
  return rows;
}

/** What a partner reads about an offer's reward ("$5.00 per event", "10% of the sale, 12 payments"). */
export function rewardText(t: Trigger): string {
  if (t.action.type !== 'reward' && t.action.type !== 'drip') return '';
  const { offer } = t.action;
  if (t.action.type === 'drip') return dripSummary(t.action.drip, offer);
  return offer.type === 'flat' ? displayAmount(offer.amount, offer.currency) : `${offer.percent}% of the sale`;
}

const EVENT_PHRASES: Readonly<Record<string, string>> = {
  'transaction.created': 'for each sale',
  'customer.created': 'for each new customer',
  'action.created': 'for each customer action',
  'partner.joined_group': 'when you join the group',
  'deal.stage_changed': 'when a deal moves',
  'lead.closed': 'for each closed lead',
  'lead.qualified': 'for each qualified lead',
};

/** Operators that hold only at the moment a running total crosses the value: the reward is paid once. */
const CROSSING: ReadonlySet<string> = new Set(CROSSING_OPERATORS);

/** The rule that makes a trigger a one-time bonus: a crossing on a partnership total every event must meet. */
function crossingRule(node: RuleNode | undefined): Rule | null {
  if (!node) return null;
  if (isRule(node)) return node.object === 'partnership' && CROSSING.has(node.op) ? node : null;
  // Inside an "any" the crossing is one way among others to fire: the offer is not one-time.
  if (!isAll(node)) return null;
  for (const child of node.all) {
    const r = crossingRule(child);
    if (r) return r;
  }
  return null;
}

/**
 * When the partner earns the offer, as their dashboard says it: "for each sale", or for a
 * milestone bonus "once, when referred sales reach or exceed 10000.00".
 */
export function whenText(t: Pick<Trigger, 'event' | 'rules'>): string {
  const once = crossingRule(t.rules);
  if (!once) return EVENT_PHRASES[t.event] ?? t.event;
  const spec = fieldSpec(once.object, once.field);
  const label = spec?.label.toLowerCase() ?? once.field.replace(/_/g, ' ');
  const raw = Array.isArray(once.value) ? once.value.join(', ') : String(once.value ?? '');
  // Partnership sums are in USD (catalogue): show them as money.
  const value = spec?.kind === 'aggregate_sum' ? displayUsd(raw) : raw;
  return `once, when ${label} ${OPERATOR_LABELS[once.op]} ${value}`.trim();
}

export interface DashboardOffer {
  triggerId: string;
  name: string;
  description: string;
  reward: string;
  when: string;
  kind: 'reward' | 'drip';
}

/** The offers one partner sees, in program order, as their dashboard would list them. */
export function dashboardOffers(report: VisibilityReport, program: Pick<Program, 'triggers'>, partnerKey: string): DashboardOffer[] {
  const visible = new Set(report.partners.find((p) => p.key === partnerKey)?.visible ?? []);
  const triggers = new Map(program.triggers.map((t) => [t.id, t]));
  const out: DashboardOffer[] = [];
  for (const o of report.offers) {
    const t = triggers.get(o.triggerId);
    if (!visible.has(o.triggerId) || !t) continue;
    out.push({
      triggerId: t.id,
      name: t.name,
      description: o.description,
      reward: rewardText(t),
      when: whenText(t),
      kind: t.action.type === 'drip' ? 'drip' : 'reward',
    });
  }
  return out;
}

/** Splits an engine reason ("rules.all[0]: partnership group equal to silver (partner has group bronze)") into place and words. */
export function splitReason(reason: string): { path: string | null; text: string } {
  const m = /^(rules(?:\.(?:all|any)\[\d+\])*): (.*)$/s.exec(reason);
  return m ? { path: m[1] ?? null, text: m[2] ?? reason } : { path: null, text: reason };
}

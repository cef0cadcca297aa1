/**
 * Running a trigger's action (ENGINE.md §5): rewards, drip rewards, group moves, tags. Every
 * change is recorded in the outputs and, where it changes state, in the undo journal.
 */
import type { Trigger } from '../formats/program-schema';
import type { GroupChangeRow, TagAppliedRow } from '../formats/report';
import { formatMinor, parseDecimal, parseMinorExact, percentOf, type Decimal, type Minor } from '../money';
import { dripAmounts, dripDueTimes } from '../drip';
import { formatInstant, type Zone } from '../time';
import type { RewardLedger } from './ledger';
import type { EvalContext, PartnerState } from './state';

export interface Outputs {
  rewards: RewardLedger;
  groupChanges: GroupChangeRow[];
  tagsApplied: TagAppliedRow[];
}

export interface ActionEnv {
  readonly zone: Zone;
  readonly asOfMs: number;
  readonly out: Outputs;
  /** Undo steps of the current source event (for the cascade-loop rollback). */
  readonly journal: (() => void)[];
  /** Queues a `partner.joined_group` cascade for a partner that really changed group. */
  readonly queueJoinedGroup: (partner: PartnerState) => void;
}

const percentCache = new Map<string, Decimal>();
function percentDecimal(text: string): Decimal {
  let d = percentCache.get(text);
  if (!d) {
    d = parseDecimal(text) as Decimal;
    percentCache.set(text, d);
  }
  return d;
}

/** The reward's amount and currency for this event, or a reason it creates nothing. */
function rewardAmount(trigger: Trigger, ctx: EvalContext): { minor: Minor; currency: string } | string {
  const a = trigger.action;
  if (a.type !== 'reward' && a.type !== 'drip') return 'not a reward';
  const offer = a.offer;
  if (offer.type === 'flat') return { minor: parseMinorExact(offer.amount, offer.currency) as Minor, currency: offer.currency };
  const tx = ctx.transaction;
  if (!tx) return 'a percentage reward needs a transaction';
  return { minor: percentOf(tx.minor, percentDecimal(offer.percent)), currency: tx.currency };
}

/** Runs the action; returns a sentence for the trace when `explain` (else an empty string). */
export function runAction(trigger: Trigger, ctx: EvalContext, eventId: string, env: ActionEnv, explain: boolean): string {
  const partner = ctx.partner as PartnerState;
  const a = trigger.action;
  switch (a.type) {
    case 'reward':
    case 'drip': {
      const amt = rewardAmount(trigger, ctx);
      if (typeof amt === 'string') return explain ? `no reward: ${amt}` : '';
      if (amt.minor <= 0) return explain ? `no reward: the computed amount ${formatMinor(amt.minor, amt.currency)} ${amt.currency} is not positive` : '';
      const ledger = env.out.rewards;
      if (a.type === 'reward') {
        ledger.push('reward', partner.key, trigger, eventId, amt.currency, amt.minor, ctx.momentMs, ctx.momentMs, 1, 1, 'pending');
        return explain ? `reward ${formatMinor(amt.minor, amt.currency)} ${amt.currency}` : '';
      }
      const amounts = dripAmounts(a.drip, amt.minor);
      const dues = dripDueTimes(env.zone, a.drip, ctx.momentMs);
      let made = 0;
      for (let k = 0; k < amounts.length; k++) {
        const minor = amounts[k] as Minor;
        if (minor <= 0) continue;
        const due = dues[k] as number;
        ledger.push('drip', partner.key, trigger, eventId, amt.currency, minor, ctx.momentMs, due, k + 1, a.drip.occurrences, due <= env.asOfMs ? 'pending' : 'scheduled');
        made++;
      }
      if (!explain) return '';
      return `drip reward: ${made} occurrence${made === 1 ? '' : 's'} of ${formatMinor(amt.minor, amt.currency)} ${amt.currency}${a.drip.split ? ' split' : ' each'}`;
    }
    case 'change_group': {
      const from = partner.group;
      if (from === a.group) return explain ? `no move: ${partner.key} is already in ${a.group}` : '';
      partner.group = a.group;
      env.journal.push(() => (partner.group = from));
      env.out.groupChanges.push({ partnerKey: partner.key, from, to: a.group, triggerId: trigger.id, eventId, at: formatInstant(ctx.momentMs) });
      env.queueJoinedGroup(partner);
      return explain ? `moved ${partner.key} from ${from ?? 'no group'} to ${a.group}` : '';
    }
    case 'apply_tag': {
      if (partner.tags.includes(a.tag)) return explain ? `no tag: ${partner.key} already has ${a.tag}` : '';
      partner.tags.push(a.tag);
      env.journal.push(() => partner.tags.splice(partner.tags.indexOf(a.tag), 1));
      env.out.tagsApplied.push({ partnerKey: partner.key, tag: a.tag, triggerId: trigger.id, eventId, at: formatInstant(ctx.momentMs) });
      return explain ? `tagged ${partner.key} with ${a.tag}` : '';
    }
    default: {
      const never: never = a;
      return never;
    }
  }
}

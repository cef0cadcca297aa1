/**
 * The Action inspector's model and the trigger lifecycle's locks (seed: once a trigger is
 * activated its event, rules and action type cannot change; name, offer description, reward
 * type, amount, currency and the active toggle can).
 */
import type { TriggerEvent } from '@engine/catalogue';
import type { Action, ActionType, DripSettings, Offer, Program, TriggerStatus } from '@engine/formats/program-schema';
import type { Choice } from './inspector-model';

export const ACTION_LABELS: Readonly<Record<ActionType, string>> = {
  reward: 'Generate a reward',
  drip: 'Generate a drip reward',
  change_group: 'Change group',
  apply_tag: 'Apply a tag',
};

export const EVENT_LABELS: Readonly<Record<TriggerEvent, string>> = {
  'transaction.created': 'A transaction is created',
  'customer.created': 'A customer is created',
  'action.created': 'An action is created',
  'partner.joined_group': 'A partner joins a group',
  'deal.stage_changed': 'A deal stage changes',
  'lead.closed': 'A lead is closed',
  'lead.qualified': 'A lead is qualified',
};

export const LOCK_REASON = 'Locked: the trigger is activated. Duplicate it as a new draft to change this.';

/** Why the event, rules and action type cannot change, in the words of the trigger's state. */
export function lockReason(status: TriggerStatus): string {
  return status === 'inactive' ? 'Locked: the trigger was activated and is switched off now. Duplicate it as a new draft to change this.' : LOCK_REASON;
}

/** Whether the event, rules and action type are locked. */
export function isLocked(status: TriggerStatus): boolean {
  return status !== 'draft';
}

export function actionTypeChoices(): Choice[] {
  return (Object.keys(ACTION_LABELS) as ActionType[]).map((t) => ({ value: t, label: ACTION_LABELS[t] }));
}

/** Why a percentage reward is not possible for this event, or null. */
export function percentageProblem(event: TriggerEvent): string | null {
  return event === 'transaction.created' ? null : 'A percentage reward needs the "A transaction is created" event.';
}

const DEFAULT_OFFER: Offer = { description: '', type: 'flat', amount: '10.00', currency: 'USD' };
const DEFAULT_DRIP: DripSettings = { delay: { count: 30, unit: 'day' }, cycle: { count: 1, unit: 'month' }, occurrences: 12, split: false };

export function offerOf(action: Action): Offer | null {
  return action.type === 'reward' || action.type === 'drip' ? action.offer : null;
}

/** The action as another type, keeping the offer where both have one. */
export function changeActionType(action: Action, type: ActionType, program: Program): Action {
  const offer = offerOf(action) ?? DEFAULT_OFFER;
  switch (type) {
    case 'reward':
      return { type, offer };
    case 'drip':
      return { type, offer, drip: action.type === 'drip' ? action.drip : DEFAULT_DRIP };
    case 'change_group':
      return { type, group: program.groups[0]?.key ?? '' };
    case 'apply_tag':
      return { type, tag: program.tags[0]?.key ?? '' };
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** The offer as flat or percentage, keeping its description. */
export function changeOfferType(offer: Offer, type: Offer['type']): Offer {
  if (offer.type === type) return offer;
  return type === 'flat'
    ? { description: offer.description, type, amount: '10.00', currency: 'USD' }
    : { description: offer.description, type, percent: '10' };
}

export function withOffer(action: Action, offer: Offer): Action {
  if (action.type === 'reward') return { ...action, offer };
  if (action.type === 'drip') return { ...action, offer };
  return action;
}

export function withDrip(action: Action, drip: DripSettings): Action {
  return action.type === 'drip' ? { ...action, drip } : action;
}

/** A short reading of an action for its node. */
export function actionSentence(action: Action): string {
  switch (action.type) {
    case 'reward':
    case 'drip': {
      const o = action.offer;
      const amount = o.type === 'flat' ? `${o.amount} ${o.currency}` : `${o.percent}% of the sale`;
      return action.type === 'drip' ? `Drip of ${amount} × ${action.drip.occurrences}` : `Reward ${amount}`;
    }
    case 'change_group':
      return `Move to group ${action.group || '—'}`;
    case 'apply_tag':
      return `Tag with ${action.tag || '—'}`;
    default: {
      const never: never = action;
      return never;
    }
  }
}

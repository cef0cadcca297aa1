/**
 * What the activation dialog says and reads, as data: what locks for good, in words, and the
 * "received from" moment typed as a date and a time in the program's zone.
 */
import { isRule, type RuleNode, type Trigger } from '@engine/formats/program-schema';
import { parseTypedTime, zonedInstant, type ZonedResult } from '../ui/zoned-time';
import { ACTION_LABELS, EVENT_LABELS } from './action-model';

/** How many rules (leaves) the tree holds; groups count only for what is inside them. */
export function countRules(node: RuleNode | undefined): number {
  if (!node) return 0;
  if (isRule(node)) return 1;
  return ('all' in node ? node.all : node.any).reduce((n, c) => n + countRules(c), 0);
}

/** The three things activation locks, as the dialog lists them. */
export function lockedParts(t: Pick<Trigger, 'event' | 'rules' | 'action'>): [string, string, string] {
  const n = countRules(t.rules);
  return [
    `The event: ${EVENT_LABELS[t.event]}`,
    n === 0 ? 'The rules: none (it fires on every such event)' : `The rules: ${n} rule${n === 1 ? '' : 's'}, as drawn`,
    `The action type: ${ACTION_LABELS[t.action.type]}`,
  ];
}

/** The moment typed (a date and a time in the program's zone) as an instant, or why not. */
export function readActivationMoment(date: string | null, time: string, timeZone: string): ZonedResult {
  if (!date) return { problem: 'Enter the date' };
  const hhmm = parseTypedTime(time);
  if (!hhmm) return { problem: 'Enter the time as HH:MM (24-hour), for example 09:30' };
  return zonedInstant(date, hhmm, timeZone);
}

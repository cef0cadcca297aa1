/**
 * Every event type a file may hold, in the words the screens use ("Sale", not
 * `transaction.created`). A Record over the catalogue's type, so a new event type without a
 * label does not compile; the type itself stays in tooltips and exports.
 */
import type { FileEventType } from '@engine/catalogue';

export const FILE_EVENT_LABELS: Readonly<Record<FileEventType, string>> = {
  'partner.created': 'Partner joined',
  'customer.created': 'New customer',
  'transaction.created': 'Transaction',
  'action.created': 'Action',
  'deal.stage_changed': 'Deal stage change',
  'lead.closed': 'Lead closed',
  'lead.qualified': 'Lead qualified',
  'partner.group_changed': 'Group change',
  'link.clicked': 'Link click',
};

/** The label of an event type; an unknown type (an older or newer file) reads as itself. */
export function eventTypeLabel(type: string): string {
  return (FILE_EVENT_LABELS as Readonly<Record<string, string>>)[type] ?? type;
}

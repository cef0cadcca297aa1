/**
 * PartnerStack webhook bodies (IMPORTS.md "Webhook bodies (provisional)", [D 15]): flat objects
 * with an `event` type (`partnership_created` or `partnership.created`). Bodies that carry an
 * object join that resource's items as versions; group updates become moves; the rest are
 * `unsupported_type`. Time = the logger's `received_at`, else `updated_at` / `created_at`.
 */
import { int, objAt, text, type Item } from './fields';
import type { PsInput, PsResource, WebhookItem } from './partnerstack-read';
import type { GroupMove } from './partnerstack-skeleton';
import { cmp, type ImportLog } from './report';

const SINGULAR: Record<string, PsResource> = {
  group: 'groups',
  partnership: 'partnerships',
  customer: 'customers',
  transaction: 'transactions',
  action: 'actions',
  deal: 'deals',
  lead: 'leads',
  reward: 'rewards',
};

/** `partnership_group_updated` → `partnership.group_updated`; dotted names stay. */
export function normalizeWebhookType(event: string): string {
  const m = /^([a-z]+)[._](.+)$/.exec(event.trim().toLowerCase());
  const [, resource, rest] = m ?? [];
  if (resource === undefined || rest === undefined || !(resource in SINGULAR)) return event;
  return `${resource}.${rest}`;
}

/** Whether a body looks like the list item of its resource (so it can be read as one). */
function looksLikeItem(r: PsResource, o: Item['o']): boolean {
  if (text(o, 'key') === null) return false;
  switch (r) {
    case 'transactions':
      return 'amount' in o && 'currency' in o;
    case 'actions':
      return 'type' in o || 'value' in o;
    case 'deals':
      return 'stage' in o;
    case 'leads':
      return 'status' in o;
    default:
      return 'created_at' in o;
  }
}

function timeOf(w: WebhookItem, update: boolean): number | null {
  return w.receivedAt ?? (update ? int(w, 'updated_at', 'epoch milliseconds') : null) ?? int(w, 'created_at', 'epoch milliseconds');
}

/** A body as an item of `r`, with its time filling the timestamp the resource needs. */
function asItem(w: WebhookItem, field: string, at: number): Item {
  const { event: _event, ...rest } = w.o;
  return { file: w.file, path: w.path, o: { ...rest, [field]: rest[field] ?? at } };
}

/** Sorts webhook bodies into resource items and group moves; returns the moves. */
export function readWebhooks(input: PsInput, log: ImportLog): GroupMove[] {
  const moves: GroupMove[] = [];
  for (const w of input.webhooks) {
    const raw = typeof w.o.event === 'string' ? w.o.event : '';
    const type = normalizeWebhookType(raw);
    const source = text(w.o, 'id') ?? `${type || 'untyped'}:${text(w.o, 'key') ?? w.path}`;
    const unsupported = (why: string): void => log.skip(source, 'event', 'unsupported_type', why);
    const resource = SINGULAR[type.split('.')[0] ?? ''];
    const update = type.endsWith('updated');
    const at = timeOf(w, update);
    if (type === 'partnership.tags_updated' || type === 'partnership.deleted' || type === 'customer.deleted' || !resource) {
      unsupported(raw ? `webhook ${raw}: Offerflow has no event for it` : 'webhook body without an "event" type');
      continue;
    }
    if (at === null) {
      log.skip(source, resource.slice(0, -1), 'no_timestamp', `webhook ${raw} has no received_at, updated_at or created_at`);
      continue;
    }
    if (type === 'partnership.group_updated' || type === 'partnership.updated') {
      const group = objAt(w.o, 'group');
      const slug = group ? text(group, 'slug') : null;
      const partnerKey = text(w.o, 'partner_key') ?? text(w.o, 'key');
      if (slug && partnerKey) moves.push({ file: w.file, path: w.path, o: w.o, partnerKey, group: slug, groupName: group ? text(group, 'name') : null, at });
      else if (type === 'partnership.group_updated') unsupported(`webhook ${raw} names no group.slug or partner`);
      // An update without a group changes nothing Offerflow replays: it counts as merged.
      continue;
    }
    if (type === 'partnership.created') {
      input.items.partnerships.push(asItem(w, 'joined_at', at));
      continue;
    }
    if (type === 'customer.created' || type === 'customer.updated' || looksLikeItem(resource, w.o)) {
      input.items[resource].push(asItem(w, 'created_at', at));
      continue;
    }
    unsupported(`webhook ${raw}: its body does not look like a ${resource.slice(0, -1)}`);
  }
  // In time order, then by partner and group name, so nothing depends on the order of the lines.
  return moves.sort((a, b) => a.at - b.at || cmp(a.partnerKey, b.partnerKey) || cmp(a.group, b.group) || cmp(a.groupName ?? '', b.groupName ?? ''));
}

/**
 * Stripe input (IMPORTS.md "Stripe importer / Inputs", [D 16]): Event list pages, arrays and JSON
 * Lines of Events, and object lists (`/v1/customers`, `/v1/charges`, `/v1/invoices`,
 * `/v1/refunds`). Every object is collected as versions: one per Event that carries it, plus
 * bare copies, ordered by event `created` then event id (bare copies, a later snapshot, last).
 */
import { InputError } from '../formats/issues';
import { int, text, type Item } from './fields';
import { fail, isObj, readValues, sub, unwrap, type ImportFile, type Located, type Obj, type PageShape } from './input';
import { cmp, type ImportLog } from './report';
import { sameJson } from './fields';

/** The Stripe object kinds the importer reads. */
export const STRIPE_KINDS = ['customer', 'charge', 'invoice', 'refund'] as const;
export type StripeKind = (typeof STRIPE_KINDS)[number];

/** Event types read; every other type is `unsupported_type`. */
export const READ_TYPES: ReadonlySet<string> = new Set([
  'customer.created',
  'customer.updated',
  'charge.succeeded',
  'charge.captured',
  'charge.updated',
  'charge.refunded',
  'invoice.payment_succeeded',
  'refund.created',
  'refund.updated',
  'charge.refund.updated',
]);

/** One version of an object: from an Event (`created` in ms, its id and type) or bare. */
export interface Version extends Item {
  readonly eventAt: number | null;
  readonly eventId: string | null;
  readonly type: string | null;
  readonly previous: Obj | null;
  /** The event's `livemode` (a Refund has none of its own). */
  readonly eventLive: boolean | null;
}

/** All versions of every object, by kind and id, each list in version order. */
export interface StripeInput {
  readonly objects: Record<StripeKind, Map<string, Version[]>>;
  readonly pages: Map<string, boolean[]>;
  count: number;
}

const isKind = (s: unknown): s is StripeKind => typeof s === 'string' && (STRIPE_KINDS as readonly string[]).includes(s);

function stripePage(o: Obj): PageShape | null {
  if (o.object !== 'list' || !Array.isArray(o.data)) return null;
  return { items: o.data, itemsPath: ['data'], hasMore: o.has_more === true, url: typeof o.url === 'string' ? o.url : null };
}

/** Bare versions last (a list export is the newest snapshot); events by created, then id. */
function versionOrder(a: Version, b: Version): number {
  if (a.eventAt === null || b.eventAt === null) return (a.eventAt === null ? 1 : 0) - (b.eventAt === null ? 1 : 0);
  return a.eventAt - b.eventAt || cmp(a.eventId ?? '', b.eventId ?? '');
}

/** Reads Stripe files into object versions; unread event types and test events go to the log. */
export function readStripe(files: readonly ImportFile[], includeTest: boolean, log: ImportLog): StripeInput {
  const input: StripeInput = { objects: { customer: new Map(), charge: new Map(), invoice: new Map(), refund: new Map() }, pages: new Map(), count: 0 };
  const eventIds = new Set<string>();
  const addVersion = (kind: StripeKind, v: Version): void => {
    const id = text(v.o, 'id');
    if (id === null) fail(v, `a Stripe ${kind} needs an "id"`);
    const list = input.objects[kind].get(id);
    if (list) list.push(v);
    else input.objects[kind].set(id, [v]);
  };
  const onItem = (item: Located): void => {
    input.count++;
    if (!isObj(item.value) || typeof item.value.object !== 'string') fail(item, 'not a Stripe object: it needs an "object" field (event, customer, charge, invoice, refund or list)');
    const o = item.value;
    const objectKind = String(o.object);
    const at = { file: item.file, path: item.path, o };
    if (o.object !== 'event') {
      if (!isKind(o.object)) {
        log.skip(text(o, 'id') ?? item.path, objectKind, 'unsupported_type', `a bare ${objectKind} is not read`);
        return;
      }
      addVersion(o.object, { ...at, eventAt: null, eventId: null, type: null, previous: null, eventLive: null });
      return;
    }
    const id = text(o, 'id');
    if (id === null) fail(item, 'an Event needs an "id"', 'id');
    const created = int(at, 'created', 'epoch seconds');
    if (created === null) fail(item, 'an Event needs "created" (epoch seconds)', 'created');
    const data = isObj(o.data) ? o.data : null;
    const object = data && isObj(data.object) ? data.object : null;
    if (object === null) fail(item, 'an Event needs data.object', 'data');
    // A second Event with one id (a retried webhook, overlapping pages) is merged.
    if (eventIds.has(id)) return;
    eventIds.add(id);
    const type = text(o, 'type') ?? '';
    const place = { file: item.file, path: sub(sub(item.path, 'data'), 'object'), o: object };
    if (o.livemode === false && !includeTest) {
      log.skip(text(object, 'id') ?? id, isKind(object.object) ? object.object : 'event', 'test_mode', `${type} ${id} is a test-mode event`);
      return;
    }
    if (!READ_TYPES.has(type) || !isKind(object.object)) {
      log.skip(id, 'event', 'unsupported_type', `event type ${type || '(none)'} is not read`);
      return;
    }
    const previous = isObj(data?.previous_attributes) ? data.previous_attributes : null;
    addVersion(object.object, { ...place, eventAt: created * 1000, eventId: id, type, previous, eventLive: typeof o.livemode === 'boolean' ? o.livemode : null });
  };
  for (const file of [...files].sort((a, b) => cmp(a.name, b.name))) {
    for (const v of readValues(file)) {
      unwrap(v, stripePage, onItem, (p) => {
        const url = p.url ?? '(no url)';
        input.pages.set(url, [...(input.pages.get(url) ?? []), p.hasMore]);
      });
    }
  }
  for (const kind of STRIPE_KINDS) for (const [id, list] of input.objects[kind]) checkBare(kind, id, list.sort(versionOrder));
  return input;
}

/** Two bare copies of one object that differ cannot be ordered: invalid input naming both. */
function checkBare(kind: StripeKind, id: string, list: readonly Version[]): void {
  const bare = list.filter((v) => v.eventAt === null);
  for (let i = 1; i < bare.length; i++) {
    const a = bare[i - 1] as Version;
    const b = bare[i] as Version;
    if (!sameJson(a.o, b.o)) {
      throw new InputError(b.file, [{ path: b.path, message: `${kind} ${id} differs from its copy in ${a.file} at ${a.path || '(root)'}, and bare objects cannot be ordered` }]);
    }
  }
}

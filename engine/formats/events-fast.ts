/**
 * A fast path for reading events (issue 17): the five hot event types (customers, transactions,
 * actions, deals, leads — 97 % of a typical set) are checked by hand-written code that accepts
 * exactly what `EventSchema` accepts, or less, and builds the same output (keys in the schema's
 * order, decimals normalised to text). Every other type goes through the schema one event at a
 * time. The first event the fast path cannot vouch for makes the caller fall back to the schema
 * for the whole set, so every error message stays the schema's, byte for byte.
 * `events-fast.test.ts` holds the two to the same verdicts and outputs on generated events.
 */
import { decimalText, isCurrencyCode, parseMinorExact } from '../money';
import { parseInstant } from '../time';
import { EventSchema, type EventInput } from './events-schema';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
// `Key` in primitives.ts: a string of 1 to 200 UTF-16 units.
const isKey = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 200;
const isInstant = (v: unknown): v is string => typeof v === 'string' && parseInstant(v) !== null;
const isOptText = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';

/** Every own key of `o` is one of `allowed` (the schema is strict). */
function onlyKeys(o: Obj, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

/** `DecimalValue`: the normalised text, or null when the schema would refuse it. */
function decimal(v: unknown): string | null {
  return typeof v === 'string' || typeof v === 'number' ? decimalText(v) : null;
}

/** `checkDecimals` of the schema: no more decimals than the currency allows. */
const decimalsFit = (amount: string, currency: string): boolean => typeof parseMinorExact(amount, currency) !== 'string';

/**
 * The keys of `o` that are present, in `order`, with `over` replacing some values: `o` itself
 * when it already is that (its keys in that order, no value replaced), else a copy. Most files
 * are written in the schema's order, and an object not made is garbage not collected.
 */
function pick(o: Obj, order: readonly string[], over?: Obj): Obj {
  if (inOrder(o, order) && (!over || Object.keys(over).every((k) => over[k] === o[k]))) return o;
  const out: Obj = {};
  for (const k of order) {
    const v = over && k in over ? over[k] : o[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Whether the keys of `o` (all known to be in `order`) come in that order. */
function inOrder(o: Obj, order: readonly string[]): boolean {
  let at = 0;
  for (const k in o) {
    if (o[k] === undefined) return false;
    while (at < order.length && order[at] !== k) at++;
    if (at === order.length) return false;
    at++;
  }
  return true;
}

const CUSTOMER = ['key', 'partnerKey', 'name', 'createdAt'] as const;
function customer(c: unknown): Obj | null {
  if (!isObj(c) || !onlyKeys(c, CUSTOMER_KEYS)) return null;
  if (!isKey(c.key) || !(c.partnerKey === undefined || c.partnerKey === null || isKey(c.partnerKey)) || !isOptText(c.name)) return null;
  if (c.createdAt !== undefined && !isInstant(c.createdAt)) return null;
  return pick(c, CUSTOMER);
}
const CUSTOMER_KEYS: ReadonlySet<string> = new Set(CUSTOMER);

const TRANSACTION = ['key', 'customerKey', 'amount', 'currency', 'productKey', 'categoryKey', 'createdAt'] as const;
const TRANSACTION_KEYS: ReadonlySet<string> = new Set(TRANSACTION);
function transaction(t: unknown): Obj | null {
  if (!isObj(t) || !onlyKeys(t, TRANSACTION_KEYS)) return null;
  if (!isKey(t.key) || !isKey(t.customerKey) || typeof t.currency !== 'string' || !isCurrencyCode(t.currency)) return null;
  if (!isOptText(t.productKey) || !isOptText(t.categoryKey) || (t.createdAt !== undefined && !isInstant(t.createdAt))) return null;
  const amount = decimal(t.amount);
  if (amount === null || !decimalsFit(amount, t.currency)) return null;
  return pick(t, TRANSACTION, { amount });
}

const ACTION = ['key', 'customerKey', 'actionKey', 'value'] as const;
const ACTION_KEYS: ReadonlySet<string> = new Set(ACTION);
function action(a: unknown): Obj | null {
  if (!isObj(a) || !onlyKeys(a, ACTION_KEYS) || !isKey(a.key) || !isKey(a.customerKey) || !isKey(a.actionKey)) return null;
  if (a.value === undefined) return pick(a, ACTION);
  const value = decimal(a.value);
  if (value === null || !decimalsFit(value, 'USD')) return null;
  return pick(a, ACTION, { value });
}

const DEAL = ['key', 'partnerKey', 'name', 'stage', 'amount', 'currency'] as const;
const DEAL_KEYS: ReadonlySet<string> = new Set(DEAL);
function deal(d: unknown): Obj | null {
  if (!isObj(d) || !onlyKeys(d, DEAL_KEYS) || !isKey(d.key) || !isKey(d.partnerKey) || !isOptText(d.name) || !isKey(d.stage)) return null;
  if (d.currency !== undefined && (typeof d.currency !== 'string' || !isCurrencyCode(d.currency))) return null;
  if (d.amount === undefined) return pick(d, DEAL);
  const amount = decimal(d.amount);
  if (amount === null || !decimalsFit(amount, typeof d.currency === 'string' ? d.currency : 'USD')) return null;
  return pick(d, DEAL, { amount });
}

const LEAD = ['key', 'partnerKey', 'name', 'stage', 'submittedAt'] as const;
const LEAD_KEYS: ReadonlySet<string> = new Set(LEAD);
function lead(l: unknown): Obj | null {
  if (!isObj(l) || !onlyKeys(l, LEAD_KEYS) || !isKey(l.key) || !isKey(l.partnerKey) || !isOptText(l.name)) return null;
  if ((l.stage !== undefined && !isKey(l.stage)) || (l.submittedAt !== undefined && !isInstant(l.submittedAt))) return null;
  return pick(l, LEAD);
}

/** The order of an event's keys in the schema's output, by payload key. */
const EVENT_ORDER: Readonly<Record<string, readonly string[]>> = Object.fromEntries(['customer', 'transaction', 'action', 'deal', 'lead'].map((p) => [p, ['id', 'at', 'receivedAt', 'type', p]]));

/** The payload key and checker of each hot type. */
const HOT: Readonly<Record<string, readonly [string, (v: unknown) => Obj | null]>> = {
  'customer.created': ['customer', customer],
  'transaction.created': ['transaction', transaction],
  'action.created': ['action', action],
  'deal.stage_changed': ['deal', deal],
  'lead.closed': ['lead', lead],
  'lead.qualified': ['lead', lead],
};

/**
 * The epoch milliseconds of each event's `at` and moment (`receivedAt`, else `at`), in file
 * order, as the reader parsed them while checking the events: the replay then does not parse
 * every instant a second time.
 */
export interface EventInstants {
  readonly atMs: Float64Array;
  readonly momentMs: Float64Array;
}

/** Where `fastEvent` leaves the instants it parsed: [at, moment]. */
const SCRATCH = new Float64Array(2);

/** `v` as an instant, or NaN when the schema would refuse it (undefined when absent stays NaN too). */
function instantMs(v: unknown): number {
  if (typeof v !== 'string') return NaN;
  return parseInstant(v) ?? NaN;
}

/**
 * One event as the schema would give it, or null when only the schema may judge it. `ms`, when
 * given, receives the epoch ms of its `at` (ms[0]) and of its moment (ms[1]).
 */
export function fastEvent(e: unknown, ms: Float64Array = SCRATCH): EventInput | null {
  if (!isObj(e) || typeof e.type !== 'string') return null;
  const hot = Object.hasOwn(HOT, e.type) ? HOT[e.type] : undefined;
  if (!hot) {
    const r = EventSchema.safeParse(e);
    if (!r.success) return null;
    const at = instantMs(r.data.at);
    const moment = r.data.receivedAt ? instantMs(r.data.receivedAt) : at;
    // The schema checked both instants, so they parse; if ever not, the replay's own parse says so.
    if (Number.isNaN(at) || Number.isNaN(moment)) return null;
    ms[0] = at;
    ms[1] = moment;
    return r.data;
  }
  const [payloadKey, check] = hot;
  let n = 0;
  for (const k in e) {
    n++;
    if (k !== 'id' && k !== 'at' && k !== 'receivedAt' && k !== 'type' && k !== payloadKey) return null;
  }
  if (n > 5 || (e.id !== undefined && !isKey(e.id))) return null;
  const at = instantMs(e.at);
  const moment = e.receivedAt === undefined ? at : instantMs(e.receivedAt);
  if (Number.isNaN(at) || Number.isNaN(moment)) return null;
  ms[0] = at;
  ms[1] = moment;
  const payload = check(e[payloadKey]);
  if (payload === null) return null;
  if (payload === e[payloadKey] && inOrder(e, EVENT_ORDER[payloadKey] as readonly string[])) return e as unknown as EventInput;
  const out: Obj = {};
  if (e.id !== undefined) out.id = e.id;
  out.at = e.at;
  if (e.receivedAt !== undefined) out.receivedAt = e.receivedAt;
  out.type = e.type;
  out[payloadKey] = payload;
  return out as unknown as EventInput;
}

/**
 * Every event as the schema would give it, or null as soon as one needs the schema's verdict;
 * `instants`, when given (as long as `events`), receives each event's parsed instants.
 */
export function fastEvents(events: readonly unknown[], instants?: EventInstants): EventInput[] | null {
  const out = new Array<EventInput>(events.length);
  const ms = SCRATCH;
  for (let i = 0; i < events.length; i++) {
    const e = fastEvent(events[i], ms);
    if (e === null) return null;
    out[i] = e;
    if (instants) {
      instants.atMs[i] = ms[0] as number;
      instants.momentMs[i] = ms[1] as number;
    }
  }
  return out;
}

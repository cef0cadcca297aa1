/**
 * PartnerStack input (IMPORTS.md "PartnerStack importer / Inputs"): which resource each item is.
 * Items never say what they are, so it comes from the file name (`customers.json`,
 * `customers.2026-01.json`, `customers-page2.jsonl`), a bundle's keys, or an Airbyte record's
 * stream; `webhooks*` files hold webhook bodies. A file whose resource cannot be told is invalid.
 */
import { InputError } from '../formats/issues';
import { parseInstant } from '../time';
import { fail, isObj, readValues, sub, unwrap, type ImportFile, type Located, type Obj, type PageShape } from './input';
import type { Item } from './fields';

export const PS_RESOURCES = ['groups', 'partnerships', 'customers', 'transactions', 'actions', 'deals', 'leads', 'rewards'] as const;
export type PsResource = (typeof PS_RESOURCES)[number];

/** A webhook body with the time its logger wrapped it with, if any. */
export interface WebhookItem extends Item {
  readonly receivedAt: number | null;
}

/** Everything read, by resource, plus the pages seen per resource. */
export interface PsInput {
  readonly items: Record<PsResource, Item[]>;
  readonly webhooks: WebhookItem[];
  readonly pages: Map<PsResource, boolean[]>;
  /** Items read (for the report's `read`). */
  count: number;
}

const isResource = (s: string): s is PsResource => (PS_RESOURCES as readonly string[]).includes(s);

/** The resource a file name tells, `webhooks`, or null. */
export function resourceOfName(path: string): PsResource | 'webhooks' | null {
  const base = path.split(/[\\/]/).pop() ?? '';
  if (/^webhooks.*\.(json|jsonl|ndjson)$/i.test(base)) return 'webhooks';
  const m = /^([a-z]+)(?:[.-].*)?\.(json|jsonl|ndjson)$/i.exec(base);
  const r = m?.[1]?.toLowerCase() ?? '';
  return isResource(r) ? r : null;
}

function psPage(o: Obj): PageShape | null {
  const inner = isObj(o.data) && Array.isArray(o.data.items) ? o.data : Array.isArray(o.items) ? o : null;
  if (!inner) return null;
  return { items: inner.items as unknown[], itemsPath: inner === o ? ['items'] : ['data', 'items'], hasMore: inner.has_more === true, url: null };
}

function airbyte(v: Located): { stream: string; data: Located } | 'other' | null {
  const o = v.value;
  if (!isObj(o) || typeof o.type !== 'string' || !('record' in o || ['STATE', 'LOG', 'TRACE', 'SPEC', 'CATALOG', 'CONNECTION_STATUS', 'CONTROL'].includes(o.type))) return null;
  if (o.type !== 'RECORD') return 'other';
  const r = o.record;
  if (!isObj(r) || typeof r.stream !== 'string' || !isObj(r.data)) fail(v, 'an Airbyte RECORD needs record.stream and record.data', 'record');
  return { stream: r.stream, data: { file: v.file, path: sub(sub(v.path, 'record'), 'data'), value: r.data } };
}

/** A time given as an ISO instant or epoch milliseconds (the webhook logger's `received_at`). */
function loggedTime(v: Located, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string') {
    const ms = parseInstant(value);
    if (ms !== null) return ms;
  }
  return fail(v, `must be an ISO instant or epoch milliseconds, not ${JSON.stringify(value)}`, 'received_at');
}

/** Reads PartnerStack files into items by resource. */
export function readPartnerStack(files: readonly ImportFile[]): PsInput {
  const input: PsInput = { items: Object.fromEntries(PS_RESOURCES.map((r) => [r, []])) as unknown as Record<PsResource, Item[]>, webhooks: [], pages: new Map(), count: 0 };
  const add = (r: PsResource, v: Located): void => {
    if (!isObj(v.value)) fail(v, `a ${r} item must be a JSON object`);
    input.items[r].push({ file: v.file, path: v.path, o: v.value });
    input.count++;
  };
  const addAll = (r: PsResource, v: Located): void =>
    unwrap(v, psPage, (item) => {
      const a = airbyte(item);
      if (a === 'other') return;
      if (a) addStream(a.stream, a.data);
      else add(r, item);
    }, (p) => input.pages.set(r, [...(input.pages.get(r) ?? []), p.hasMore]));
  const addStream = (stream: string, data: Located): void => {
    if (!isResource(stream)) fail(data, `Airbyte stream "${stream}" is not a PartnerStack resource (${PS_RESOURCES.join(', ')})`);
    add(stream, data);
  };
  const addWebhook = (v: Located): void => {
    if (Array.isArray(v.value)) {
      v.value.forEach((x, i) => addWebhook({ file: v.file, path: sub(v.path, i), value: x }));
      return;
    }
    if (!isObj(v.value)) fail(v, 'a webhook body must be a JSON object');
    const wrapped = isObj(v.value.body) && !('event' in v.value);
    const body = wrapped ? (v.value.body as Obj) : v.value;
    input.webhooks.push({ file: v.file, path: wrapped ? sub(v.path, 'body') : v.path, o: body, receivedAt: wrapped ? loggedTime(v, v.value.received_at) : null });
    input.count++;
  };
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const named = resourceOfName(file.name);
    for (const v of readValues(file)) {
      if (named === 'webhooks') addWebhook(v);
      else if (named) addAll(named, v);
      else readUnnamed(v, addAll, addStream);
    }
  }
  return input;
}

function readUnnamed(v: Located, addAll: (r: PsResource, v: Located) => void, addStream: (s: string, d: Located) => void): void {
  const a = airbyte(v);
  if (a === 'other') return;
  if (a) {
    addStream(a.stream, a.data);
    return;
  }
  const o = v.value;
  const keys = isObj(o) ? Object.keys(o).filter(isResource) : [];
  if (isObj(o) && keys.length > 0 && !psPage(o)) {
    for (const k of keys) addAll(k, { file: v.file, path: sub(v.path, k), value: o[k] });
    return;
  }
  throw new InputError(v.file, [
    { path: v.path, message: `cannot tell which PartnerStack resource this is: name the file after it (${PS_RESOURCES.map((r) => `${r}.json`).join(', ')}, webhooks.jsonl), or use a bundle object with those keys` },
  ]);
}

/**
 * Turning mapped objects into the written event set (IMPORTS.md "Keys and event ids", "Order"):
 * ids `<object>:<key>` (`:2`, `:3`, … for later events of one object, in time order), events in
 * ascending moment, then type rank, then id — so the output never depends on input order.
 */
import { formatInstant } from '../time';
import { cmp } from './report';

/** The event types importers write, in their tie-break rank. */
export const TYPE_RANK = ['partner.group_changed', 'customer.created', 'action.created', 'transaction.created', 'deal.stage_changed', 'lead.qualified', 'lead.closed'] as const;
export type ImportedType = (typeof TYPE_RANK)[number];

/** The Offerflow object an event is about, the first part of its id. */
export type ObjectKind = 'customer' | 'transaction' | 'action' | 'deal' | 'lead' | 'partner';

/** An event before its id is known: times in epoch ms, payload fields in written order. */
export interface Draft {
  readonly object: ObjectKind;
  readonly key: string;
  readonly type: ImportedType;
  readonly at: number;
  readonly receivedAt?: number;
  /** The fields after `at`/`receivedAt` (`{ customer: {…} }`, or `partnerKey`/`group`). */
  readonly body: Readonly<Record<string, unknown>>;
}

/** A written event (the JSON object). */
export type WrittenEvent = { id: string; type: ImportedType; at: string; receivedAt?: string } & Record<string, unknown>;

const rank = (t: ImportedType): number => TYPE_RANK.indexOf(t);
const moment = (d: Draft): number => d.receivedAt ?? d.at;

function byMoment(a: Draft, b: Draft): number {
  return moment(a) - moment(b) || rank(a.type) - rank(b.type);
}

/** Assigns ids and orders the drafts; `receivedAt` is written only when it differs from `at`. */
export function finishEvents(drafts: readonly Draft[]): WrittenEvent[] {
  const byObject = new Map<string, Draft[]>();
  for (const d of drafts) {
    const id = `${d.object}:${d.key}`;
    const list = byObject.get(id);
    if (list) list.push(d);
    else byObject.set(id, [d]);
  }
  const withIds: { d: Draft; id: string }[] = [];
  for (const [id, list] of byObject) {
    list.sort(byMoment);
    list.forEach((d, i) => withIds.push({ d, id: i === 0 ? id : `${id}:${i + 1}` }));
  }
  withIds.sort((x, y) => byMoment(x.d, y.d) || cmp(x.id, y.id));
  return withIds.map(({ d, id }) => {
    const e: WrittenEvent = { id, type: d.type, at: formatInstant(d.at) };
    if (d.receivedAt !== undefined && d.receivedAt !== d.at) e.receivedAt = formatInstant(d.receivedAt);
    return Object.assign(e, d.body);
  });
}

/** The event set text: the header pretty-printed, one event per line (diffable, still JSON). */
export function eventSetText(name: string, events: readonly WrittenEvent[]): string {
  const lines = events.map((e, i) => `    ${JSON.stringify(e)}${i < events.length - 1 ? ',' : ''}`);
  return `{\n  "format": "offerflow.events/1",\n  "name": ${JSON.stringify(name)},\n  "events": [${lines.length ? `\n${lines.join('\n')}\n  ` : ''}]\n}\n`;
}

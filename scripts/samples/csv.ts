/** Writes events as the CSV event-set format of FORMATS.md (one event per row, a header row). */
import { csvField } from '../../engine/formats/csv-write';
import type { Ev } from './events';

const COLUMNS = [
  'id', 'type', 'at', 'receivedAt', 'partnerKey', 'customerKey', 'key', 'amount', 'currency',
  'productKey', 'categoryKey', 'actionKey', 'value', 'stage', 'name', 'group', 'count',
] as const;
type Column = (typeof COLUMNS)[number];

const WRAPPERS = ['partner', 'customer', 'transaction', 'action', 'deal', 'lead'] as const;

/** An input fixture the reader takes back as it is: quoted, not formula-guarded (that is for exports). */
function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return csvField(String(v));
  // Payload fields are scalars; anything else here is a generator bug, not "[object Object]".
  throw new Error(`a CSV fixture cell cannot hold a ${typeof v}`);
}

/** One row: the event's own fields, then its payload's fields mapped onto the columns. */
function row(ev: Ev): string {
  const values: Partial<Record<Column, unknown>> = { id: ev.id, type: ev.type, at: ev.at, receivedAt: ev.receivedAt };
  const wrapper = WRAPPERS.find((w) => ev[w] !== undefined);
  const payload = (wrapper ? ev[wrapper] : ev) as Record<string, unknown>;
  for (const [k, v] of Object.entries(payload)) {
    if (k === 'joinedAt' || k === 'tier' || k === 'tags') continue; // partner.created: `at` is the join date
    if ((COLUMNS as readonly string[]).includes(k) && !['id', 'type', 'at', 'receivedAt'].includes(k)) values[k as Column] = v;
  }
  return COLUMNS.map((c) => cell(values[c])).join(',');
}

export function toCsv(events: readonly Ev[]): string {
  return `${COLUMNS.join(',')}\n${events.map(row).join('\n')}\n`;
}

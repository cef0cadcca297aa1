/**
 * CSV event sets: one event per row under a header row with the columns of FORMATS.md; an
 * empty cell is absent. Every problem names its line and column.
 */
import { EventSchema, EVENTS_FORMAT, type EventInput, type EventSet } from './events-schema';
import { fastEvent } from './events-fast';
import { readCsvTable } from './csv-read';
import { InputError, type InputIssue } from './issues';
import { zodIssues } from './zod-issues';

export const CSV_COLUMNS = [
  'id', 'type', 'at', 'receivedAt', 'partnerKey', 'customerKey', 'key', 'amount', 'currency',
  'productKey', 'categoryKey', 'actionKey', 'value', 'stage', 'name', 'group', 'count',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

/** For each event type: the payload wrapper (if any) and column → payload key. */
const LAYOUT: Record<string, { wrap?: string; cols: Partial<Record<Column, string>> }> = {
  'partner.created': { wrap: 'partner', cols: { key: 'key', name: 'name', group: 'group' } },
  'customer.created': { wrap: 'customer', cols: { key: 'key', partnerKey: 'partnerKey', name: 'name' } },
  'transaction.created': {
    wrap: 'transaction',
    cols: { key: 'key', customerKey: 'customerKey', amount: 'amount', currency: 'currency', productKey: 'productKey', categoryKey: 'categoryKey' },
  },
  'action.created': { wrap: 'action', cols: { key: 'key', customerKey: 'customerKey', actionKey: 'actionKey', value: 'value' } },
  'deal.stage_changed': { wrap: 'deal', cols: { key: 'key', partnerKey: 'partnerKey', name: 'name', stage: 'stage', amount: 'amount', currency: 'currency' } },
  'lead.closed': { wrap: 'lead', cols: { key: 'key', partnerKey: 'partnerKey', name: 'name', stage: 'stage' } },
  'lead.qualified': { wrap: 'lead', cols: { key: 'key', partnerKey: 'partnerKey', name: 'name', stage: 'stage' } },
  'partner.group_changed': { cols: { partnerKey: 'partnerKey', group: 'group' } },
  'link.clicked': { cols: { partnerKey: 'partnerKey', count: 'count' } },
};

const COMMON: readonly Column[] = ['id', 'type', 'at', 'receivedAt'];

function place(line: number, col: string): string {
  return `line ${line}, column ${col}`;
}

function rowToEvent(row: Row, line: number, issues: InputIssue[]): unknown {
  const type = row.type;
  const layout = type ? LAYOUT[type] : undefined;
  if (!type || !layout) {
    issues.push({ path: place(line, 'type'), message: type ? `unknown event type "${type}"` : 'is empty' });
    return null;
  }
  const event: Record<string, unknown> = { type };
  for (const c of COMMON) if (c !== 'type' && row[c] !== undefined) event[c] = row[c];
  const payload: Record<string, unknown> = {};
  for (const [col, value] of Object.entries(row) as [Column, string][]) {
    if (COMMON.includes(col)) continue;
    const key = layout.cols[col];
    if (!key) {
      issues.push({ path: place(line, col), message: `is not used by ${type} events; leave it empty` });
      continue;
    }
    payload[key] = col === 'count' && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  if (type === 'partner.created' && row.at !== undefined) payload.joinedAt = row.at;
  if (layout.wrap) event[layout.wrap] = payload;
  else Object.assign(event, payload);
  return event;
}

function columnOf(path: readonly PropertyKey[], type: string): string {
  const last = path[path.length - 1];
  const layout = LAYOUT[type];
  if (typeof last === 'string') {
    if ((CSV_COLUMNS as readonly string[]).includes(last)) return last;
    if (last === 'joinedAt') return 'at';
    const col = layout && Object.entries(layout.cols).find(([, k]) => k === last)?.[0];
    if (col) return col;
    if (last === layout?.wrap) return 'key';
  }
  return 'type';
}

/** Parses CSV text into an event set (no expectations: CSV carries events only). */
export function parseEventsCsv(text: string, file = 'events.csv'): EventSet {
  const table = readCsvTable(text, file, CSV_COLUMNS, ['type', 'at']);
  const cols = table.columns as Column[];
  const issues: InputIssue[] = [];
  const events: EventInput[] = [];
  for (const rec of table.rows) {
    const line = rec.line;
    const row: Row = {};
    rec.cells.forEach((cell, i) => {
      const col = cols[i];
      if (col && cell !== '') row[col] = cell;
    });
    const event = rowToEvent(row, line, issues);
    if (event === null) continue;
    const fast = fastEvent(event);
    if (fast !== null) {
      events.push(fast);
      continue;
    }
    const parsed = EventSchema.safeParse(event);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [mapped] = zodIssues({ issues: [issue] } as never);
        issues.push({ path: place(line, columnOf(issue.path, row.type ?? '')), message: mapped?.message ?? issue.message });
      }
      continue;
    }
    events.push(parsed.data);
    if (issues.length > 200) break;
  }
  if (issues.length) throw new InputError(file, issues);
  return { format: EVENTS_FORMAT, name: file.replace(/^.*[\\/]/, ''), events };
}

/**
 * CSV event sets: one event per row under a header row with the columns of FORMATS.md; an
 * empty cell is absent. Every problem names its line and column.
 */
import { parse } from 'csv-parse/sync';
import { EventSchema, EVENTS_FORMAT, type EventInput, type EventSet } from './events-schema';
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
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { message?: string; lines?: number; column?: number };
    throw new InputError(file, [{ path: err.lines ? `line ${err.lines}` : '', message: `invalid CSV: ${err.message ?? String(e)}` }]);
  }
  const header = records[0]?.record;
  if (!header) throw new InputError(file, [{ path: 'line 1', message: 'the file is empty: a header row is required' }]);
  const issues: InputIssue[] = [];
  header.forEach((h, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(h.trim())) {
      issues.push({ path: `line 1, column ${i + 1}`, message: `unknown column "${h}" (expected some of: ${CSV_COLUMNS.join(', ')})` });
    }
  });
  for (const req of ['type', 'at'] as const) {
    if (!header.map((h) => h.trim()).includes(req)) issues.push({ path: 'line 1', message: `the header has no "${req}" column` });
  }
  if (issues.length) throw new InputError(file, issues);
  const cols = header.map((h) => h.trim() as Column);
  const events: EventInput[] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    if (!rec) continue;
    const line = rec.info.lines;
    const row: Row = {};
    rec.record.forEach((cell, i) => {
      const col = cols[i];
      if (col && cell !== '') row[col] = cell;
    });
    const event = rowToEvent(row, line, issues);
    if (event === null) continue;
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

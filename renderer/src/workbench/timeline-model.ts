/**
 * The partner timeline's arithmetic, apart from how it shows it: the month an instant falls in
 * (in the program's clock), what the partner earns per month, and the page of entries shown.
 */
import type { TimelineEntry } from '@service/contract';
import { sumUsd } from './money-format';

/** Timeline rows per page. */
export const TIMELINE_PAGE = 200;

export const KIND_LABELS: Readonly<Record<TimelineEntry['kind'], string>> = { event: 'event', reward: 'reward', drip: 'drip payment', group: 'group move', tag: 'tag' };

/** `YYYY-MM` of an instant in `zone` (the program's clock, as every other date on screen). */
export function monthIn(iso: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  const y = parts.find((p) => p.type === 'year')?.value ?? iso.slice(0, 4);
  const m = parts.find((p) => p.type === 'month')?.value ?? iso.slice(5, 7);
  return `${y}-${m}`;
}

/** One-off rewards and drip payments per month of the axis, months in order. */
export function monthlyEarnings(entries: readonly TimelineEntry[], zone: string): { month: string; reward: string; drip: string }[] {
  const m = new Map<string, { reward: string[]; drip: string[] }>();
  for (const e of entries) {
    if (e.amountUsd === null || (e.kind !== 'reward' && e.kind !== 'drip')) continue;
    const key = monthIn(e.at, zone);
    const b = m.get(key) ?? { reward: [], drip: [] };
    b[e.kind].push(e.amountUsd);
    m.set(key, b);
  }
  return [...m].sort(([a], [b]) => a.localeCompare(b)).map(([month, b]) => ({ month, reward: sumUsd(b.reward), drip: sumUsd(b.drip) }));
}

export interface TimelinePage {
  /** The page shown, 0-based: the one asked for, or the last when fewer are left (a filter shrank the list). */
  at: number;
  pages: number;
  /** 1-based first and last row shown; `first` is 0 when there is none. */
  first: number;
  last: number;
}

/** Which rows of `total` page `page` shows, `size` a page. */
export function timelinePage(total: number, page: number, size = TIMELINE_PAGE): TimelinePage {
  const pages = Math.max(1, Math.ceil(total / size));
  const at = Math.min(page, pages - 1);
  return { at, pages, first: total === 0 ? 0 : at * size + 1, last: Math.min(total, (at + 1) * size) };
}

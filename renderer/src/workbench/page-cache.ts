/**
 * A sparse cache of ledger pages for the virtualised table: only the pages around the visible
 * window are fetched, so a run with a million rewards opens with one small request.
 */

export interface PageWindow {
  /** First page index needed. */
  first: number;
  /** Last page index needed (inclusive). */
  last: number;
}

/** Pages covering rows [start, end] plus one page of overscan on each side, clamped to the data. */
export function pagesFor(start: number, end: number, pageSize: number, total: number): PageWindow | null {
  if (total <= 0 || end < start) return null;
  const lastPage = Math.floor((total - 1) / pageSize);
  const first = Math.max(0, Math.floor(start / pageSize) - 1);
  const last = Math.min(lastPage, Math.floor(Math.min(end, total - 1) / pageSize) + 1);
  return first > last ? null : { first, last };
}

export class PageCache<T> {
  private readonly pages = new Map<number, readonly T[]>();
  private readonly loading = new Set<number>();

  constructor(
    readonly pageSize: number,
    /** Pages kept at most; the farthest from the last request are dropped first. */
    readonly maxPages = 40,
  ) {}

  row(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Page indexes in the window that are neither cached nor being fetched. */
  missing(window: PageWindow): number[] {
    const out: number[] = [];
    for (let p = window.first; p <= window.last; p++) if (!this.pages.has(p) && !this.loading.has(p)) out.push(p);
    return out;
  }

  markLoading(page: number): void {
    this.loading.add(page);
  }

  put(page: number, rows: readonly T[]): void {
    this.loading.delete(page);
    this.pages.set(page, rows);
    this.evict(page);
  }

  fail(page: number): void {
    this.loading.delete(page);
  }

  clear(): void {
    this.pages.clear();
    this.loading.clear();
  }

  get size(): number {
    return this.pages.size;
  }

  private evict(near: number): void {
    if (this.pages.size <= this.maxPages) return;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const p of far.slice(0, this.pages.size - this.maxPages)) this.pages.delete(p);
  }
}

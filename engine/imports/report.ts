/**
 * The import report, `offerflow.import-report/1` (IMPORTS.md "Outputs" 3): what was read, what
 * each event type got, what was skipped and why (one entry per skipped object), and warnings.
 * Every input item is used, merged or skipped: `read` = used + merged + skipped.
 */
import type { WrittenEvent } from './emit';

/** Skip reasons, in the order that decides which one an item with several gets. */
export const SKIP_REASONS = [
  'test_mode',
  'unsupported_type',
  'other_source',
  'not_succeeded',
  'zero_amount',
  'archived',
  'unknown_currency',
  'inexact_amount',
  'no_timestamp',
  'no_customer',
  'no_customer_key',
  'no_partner',
  'customer_not_imported',
  'before_attribution',
  'refund_unlinked',
  'refund_without_time',
  'lead_status_unmapped',
  'unknown_partner',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** One skipped object, by its source id. */
export interface SkipEntry {
  readonly source: string;
  readonly kind: string;
  readonly reason: SkipReason;
  readonly message: string;
}

/** The report as written. */
export interface ImportReport {
  format: 'offerflow.import-report/1';
  source: 'partnerstack' | 'stripe';
  options: Record<string, unknown>;
  counts: { read: number; emitted: Record<string, number>; skipped: Record<string, number>; merged: number };
  skipped: SkipEntry[];
  currencies: string[];
  fxHints?: Record<string, string>;
  paidRewards?: { partnerKey: string; status: string; amount: string; currency: string }[];
  warnings: string[];
}

/** Collects what an import did, item by item. */
export class ImportLog {
  read = 0;
  used = 0;
  /**
   * Skip entries not backed by an input item (a refund seen only inside a charge's expanded
   * `refunds.data`, a refund with no time): they keep read = used + merged + skipped true.
   */
  derived = 0;
  private readonly skips = new Map<string, SkipEntry>();
  private readonly warns: string[] = [];

  /** Records a skipped object (once: a later reason for the same object is ignored). */
  skip(source: string, kind: string, reason: SkipReason, message: string): void {
    const id = `${kind}\u0000${source}`;
    if (!this.skips.has(id)) this.skips.set(id, { source, kind, reason, message });
  }

  isSkipped(source: string, kind: string): boolean {
    return this.skips.has(`${kind}\u0000${source}`);
  }

  warn(message: string): void {
    if (!this.warns.includes(message)) this.warns.push(message);
  }

  /** The report of an import that wrote `events`. */
  report(source: ImportReport['source'], options: Record<string, unknown>, events: readonly WrittenEvent[]): ImportReport {
    const emitted: Record<string, number> = {};
    const currencies = new Set<string>();
    for (const e of events) {
      emitted[e.type] = (emitted[e.type] ?? 0) + 1;
      const payload = (e.transaction ?? e.deal) as { currency?: string } | undefined;
      const c = payload?.currency;
      if (c) currencies.add(c);
    }
    const skipped = [...this.skips.values()].sort((a, b) => cmp(a.reason, b.reason) || cmp(a.source, b.source) || cmp(a.kind, b.kind));
    const bySkip: Record<string, number> = {};
    for (const s of skipped) bySkip[s.reason] = (bySkip[s.reason] ?? 0) + 1;
    return {
      format: 'offerflow.import-report/1',
      source,
      options,
      counts: { read: this.read, emitted: sortKeys(emitted), skipped: sortKeys(bySkip), merged: this.read - this.used - skipped.length + this.derived },
      skipped,
      currencies: [...currencies].sort(cmp),
      warnings: [...this.warns],
    };
  }
}

/** Byte-order comparison (code units, which is byte order for the ASCII of ids). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => cmp(a, b)));
}

/** The one-line summary for stderr: events written per type, skipped per reason. */
export function summaryLine(r: ImportReport): string {
  const e = Object.entries(r.counts.emitted).map(([t, n]) => `${n} ${t}`);
  const s = Object.entries(r.counts.skipped).map(([t, n]) => `${n} ${t}`);
  const total = Object.values(r.counts.emitted).reduce((a, b) => a + b, 0);
  return `${r.source}: read ${r.counts.read} items; wrote ${total} events${e.length ? ` (${e.join(', ')})` : ''}; skipped ${r.skipped.length}${s.length ? ` (${s.join(', ')})` : ''}; merged ${r.counts.merged}`;
}

/**
 * Golden (regression) summaries of a replay: recorded from the engine by `generate.ts`, not
 * derived by hand. They pin per-trigger counts and USD totals, final partner states, the
 * rejected events and a hash of the whole report, so any change in behaviour shows up.
 */
import { createHash } from 'node:crypto';
import type { Report } from '../../engine/index';

export interface GoldenSummary {
  events: number;
  rewards: number;
  rewardsUsd: string;
  byTrigger: Record<string, { rewards: number; usd: string }>;
  byStatus: Record<string, number>;
  groupChanges: number;
  tagsApplied: number;
  partners: { key: string; group: string | null; tier: string | null; tags: string[] }[];
  rejected: string[];
  reportSha256: string;
}

/** Cents of a USD decimal string with exactly two decimals ("-12.30" → -1230n). */
function cents(text: string): bigint {
  return BigInt(text.replace('.', ''));
}

function usd(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** Entries in the order `Object.keys(o).sort()` gave (UTF-16 code units): the summaries stay byte-identical. */
function byKey<T>(entries: [string, T][]): [string, T][] {
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function goldenSummary(report: Report, serialized: string, events: number): GoldenSummary {
  const byTrigger: Record<string, { rewards: number; cents: bigint }> = {};
  const byStatus: Record<string, number> = {};
  let total = 0n;
  for (const r of report.rewards) {
    const t = (byTrigger[r.triggerId] ??= { rewards: 0, cents: 0n });
    t.rewards += 1;
    t.cents += cents(r.amountUsd);
    total += cents(r.amountUsd);
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  }
  const sortedTriggers = byKey(Object.entries(byTrigger));
  return {
    events,
    rewards: report.rewards.length,
    rewardsUsd: usd(total),
    byTrigger: Object.fromEntries(sortedTriggers.map(([k, t]) => [k, { rewards: t.rewards, usd: usd(t.cents) }])),
    byStatus: Object.fromEntries(byKey(Object.entries(byStatus))),
    groupChanges: report.groupChanges.length,
    tagsApplied: report.tagsApplied.length,
    partners: report.partners,
    rejected: report.rejected.map((r) => r.eventId),
    reportSha256: createHash('sha256').update(serialized).digest('hex'),
  };
}

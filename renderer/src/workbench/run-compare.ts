/**
 * Two runs side by side: what the ledger gained, lost and changed after a design change.
 */
import type { RewardRow } from '@engine/formats/report';
import type { RunComparison, RunSummary } from '@service/contract';
import { diffUsd } from './money-format';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface CompareRow {
  change: ChangeKind;
  key: string;
  partnerKey: string;
  triggerId: string;
  eventId: string;
  occurrence: string;
  before: string | null;
  after: string | null;
  /** Fields that differ (changed rows only). */
  fields: string[];
}

const COMPARED: readonly (keyof RewardRow)[] = ['amount', 'currency', 'amountUsd', 'dueAt', 'status', 'description', 'triggerVersion', 'kind', 'occurrences'];

/** Names of the fields that differ between two versions of a reward. */
export function changedFields(before: RewardRow, after: RewardRow): string[] {
  return COMPARED.filter((k) => before[k] !== after[k]);
}

function base(r: RewardRow): Pick<CompareRow, 'partnerKey' | 'triggerId' | 'eventId' | 'occurrence'> {
  return { partnerKey: r.partnerKey, triggerId: r.triggerId, eventId: r.eventId, occurrence: r.kind === 'drip' ? `${r.occurrence}/${r.occurrences}` : '' };
}

/** Rows for the comparison table: removed, then changed, then added (each in ledger order). */
export function compareRows(c: RunComparison): CompareRow[] {
  return [
    ...c.removed.map((r, i): CompareRow => ({ change: 'removed', key: `r${i}`, ...base(r), before: r.amountUsd, after: null, fields: [] })),
    ...c.changed.map(({ before, after }, i): CompareRow => ({
      change: 'changed',
      key: `c${i}`,
      ...base(after),
      before: before.amountUsd,
      after: after.amountUsd,
      fields: changedFields(before, after),
    })),
    ...c.added.map((r, i): CompareRow => ({ change: 'added', key: `a${i}`, ...base(r), before: null, after: r.amountUsd, fields: [] })),
  ];
}

export interface CompareHeadline {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  delta: string;
}

export function compareHeadline(c: RunComparison): CompareHeadline {
  return { added: c.added.length, removed: c.removed.length, changed: c.changed.length, unchanged: c.unchanged, delta: diffUsd(c.totalUsdBefore, c.totalUsdAfter) };
}

/** "Run 3 · Feb sample · Mar 12, 2026 10:04 EDT" for pickers; `when` writes the start instant. */
export function runLabel(run: RunSummary, index?: number, when: (iso: string) => string = (iso) => iso.replace('T', ' ').slice(0, 16)): string {
  const head = index === undefined ? run.id : `Run ${index}`;
  // A name a person gave the run comes first: runs of one set otherwise look alike.
  return `${run.name ? `${run.name} · ${head}` : head} · ${run.eventSetName} · ${when(run.startedAt)}`;
}

/** Default pair for comparison: the two most recent finished runs (older first). */
export function defaultPair(runs: readonly RunSummary[]): [string, string] | null {
  const done = runs.filter((r) => r.status === 'done').sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const [after, before] = done;
  return after && before ? [before.id, after.id] : null;
}

/**
 * Compares two runs (any two: of one program at two versions, or of two programs): the triggers
 * whose snapshot differs, and the ledgers. Rewards are matched by trigger, event, occurrence and partner (the
 * same reward in both runs); a matched pair whose amount, currency, USD amount, due date,
 * description, kind or status differs is "changed".
 */
import type { RewardRow } from '../../engine/formats/report';
import { formatMinor } from '../../engine/money';
import type { RunComparison } from '../contract';
import { getRun, getRunProgram, readLedger, toRewardRow, usdMinor, type Db } from '../store';
import { triggerChanges } from './runs-meta';

const COMPARED: readonly (keyof RewardRow)[] = ['kind', 'description', 'amount', 'currency', 'amountUsd', 'dueAt', 'status'];

function matchKey(r: RewardRow): string {
  return JSON.stringify([r.triggerId, r.eventId, r.occurrence, r.partnerKey]);
}

export function compareLedgers(db: Db, beforeRunId: string, afterRunId: string): RunComparison {
  const before = readLedger(db, beforeRunId).map(toRewardRow);
  const after = readLedger(db, afterRunId).map(toRewardRow);
  // A key can repeat (a trigger fired twice in one cascade): match the repeats in order.
  const pending = new Map<string, RewardRow[]>();
  for (const r of before) {
    const list = pending.get(matchKey(r));
    if (list) list.push(r);
    else pending.set(matchKey(r), [r]);
  }
  const out: RunComparison = { added: [], removed: [], changed: [], unchanged: 0, totalUsdBefore: '', totalUsdAfter: '' };
  for (const r of after) {
    const old = pending.get(matchKey(r))?.shift();
    if (!old) out.added.push(r);
    else if (COMPARED.some((k) => old[k] !== r[k])) out.changed.push({ before: old, after: r });
    else out.unchanged++;
  }
  for (const list of pending.values()) out.removed.push(...list);
  out.totalUsdBefore = formatMinor(before.reduce((s, r) => s + usdMinor(r.amountUsd), 0), 'USD');
  out.totalUsdAfter = formatMinor(after.reduce((s, r) => s + usdMinor(r.amountUsd), 0), 'USD');
  return out;
}

/** The ledgers' differences plus what changed in the program between the two runs. */
export function compareRuns(db: Db, beforeRunId: string, afterRunId: string): RunComparison {
  const out = compareLedgers(db, beforeRunId, afterRunId);
  const before = getRunProgram(db, beforeRunId);
  const after = getRunProgram(db, afterRunId);
  if (!before || !after) return out;
  const sameProgram = getRun(db, beforeRunId)?.programId === getRun(db, afterRunId)?.programId;
  return { ...out, programs: { before: before.name, after: after.name, sameProgram }, triggers: triggerChanges(before, after) };
}

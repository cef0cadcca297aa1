/**
 * Checks a run against the event set's `expect` block (FORMATS.md): rewards matched as a
 * multiset on the fields given (a maximum bipartite matching, so partial specs cannot steal
 * each other's rewards), final partner states, and the set of rejected events.
 */
import type { ExpectedReward, Expectations } from '../formats/events-schema';
import type { ExpectationFailure, ExpectationResult, PartnerStateRow, RejectedRow, RewardRow } from '../formats/report';
import { decimalsEqual } from '../money';
import { parseInstant } from '../time';

function matches(exp: ExpectedReward, r: RewardRow): boolean {
  if (exp.partnerKey !== undefined && exp.partnerKey !== r.partnerKey) return false;
  if (exp.triggerId !== undefined && exp.triggerId !== r.triggerId) return false;
  if (exp.eventId !== undefined && exp.eventId !== r.eventId) return false;
  if (exp.currency !== undefined && exp.currency !== r.currency) return false;
  if (exp.kind !== undefined && exp.kind !== r.kind) return false;
  if (exp.amount !== undefined && decimalsEqual(exp.amount, r.amount) !== true) return false;
  if (exp.dueAt !== undefined && parseInstant(exp.dueAt) !== parseInstant(r.dueAt)) return false;
  return true;
}

/** Kuhn's augmenting paths: expected index → matched reward index. */
function matchRewards(expected: readonly ExpectedReward[], rewards: readonly RewardRow[]): Int32Array {
  const ownerOf = new Int32Array(rewards.length).fill(-1);
  const matchOf = new Int32Array(expected.length).fill(-1);
  const candidates = expected.map((e) => rewards.flatMap((r, j) => (matches(e, r) ? [j] : [])));
  for (let i = 0; i < expected.length; i++) {
    const seen = new Uint8Array(rewards.length);
    const tryAssign = (x: number): boolean => {
      for (const j of candidates[x] ?? []) {
        if (seen[j]) continue;
        seen[j] = 1;
        const owner = ownerOf[j] as number;
        if (owner === -1 || tryAssign(owner)) {
          ownerOf[j] = x;
          matchOf[x] = j;
          return true;
        }
      }
      return false;
    };
    tryAssign(i);
  }
  return matchOf;
}

function brief(r: RewardRow): Record<string, unknown> {
  return { id: r.id, partnerKey: r.partnerKey, triggerId: r.triggerId, eventId: r.eventId, amount: r.amount, currency: r.currency, kind: r.kind, dueAt: r.dueAt };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function checkExpectations(
  expect: Expectations | undefined,
  actual: { rewards: readonly RewardRow[]; partners: readonly PartnerStateRow[]; rejected: readonly RejectedRow[] },
): ExpectationResult {
  const failures: ExpectationFailure[] = [];
  if (!expect) return { passed: true, failures };
  if (expect.rewards) {
    const matchOf = matchRewards(expect.rewards, actual.rewards);
    const used = new Set<number>();
    expect.rewards.forEach((e, i) => {
      const j = matchOf[i] as number;
      if (j === -1) failures.push({ kind: 'missing_reward', message: `expected reward not found: ${JSON.stringify(e)}`, expected: e });
      else used.add(j);
    });
    if (expect.exactRewards !== false) {
      actual.rewards.forEach((r, j) => {
        if (!used.has(j)) failures.push({ kind: 'unexpected_reward', message: `reward ${r.id} was not expected: ${r.partnerKey} ${r.amount} ${r.currency} from ${r.triggerId} on ${r.eventId}`, actual: brief(r) });
      });
    }
  }
  for (const exp of expect.partners ?? []) {
    const got = actual.partners.find((p) => p.key === exp.key);
    if (!got) {
      failures.push({ kind: 'partner', message: `partner ${exp.key} does not exist at the end of the run`, expected: exp });
      continue;
    }
    const diffs: string[] = [];
    if (exp.group !== undefined && exp.group !== got.group) diffs.push(`group ${String(got.group)} (expected ${String(exp.group)})`);
    if (exp.tier !== undefined && exp.tier !== got.tier) diffs.push(`tier ${String(got.tier)} (expected ${String(exp.tier)})`);
    if (exp.tags !== undefined && !sameSet(exp.tags, got.tags)) diffs.push(`tags [${got.tags.join(', ')}] (expected [${exp.tags.join(', ')}])`);
    if (diffs.length) failures.push({ kind: 'partner', message: `partner ${exp.key} ends with ${diffs.join(', ')}`, expected: exp, actual: got });
  }
  if (expect.rejected) {
    const rejectedIds = new Set(actual.rejected.map((r) => r.eventId));
    for (const id of expect.rejected) {
      if (!rejectedIds.has(id)) failures.push({ kind: 'not_rejected', message: `event ${id} was expected to be rejected but was accepted`, expected: id });
    }
    const expected = new Set(expect.rejected);
    for (const r of actual.rejected) {
      if (!expected.has(r.eventId)) failures.push({ kind: 'rejected', message: `event ${r.eventId} was rejected unexpectedly: ${r.message}`, actual: r });
    }
  }
  return { passed: failures.length === 0, failures };
}

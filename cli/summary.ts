import type { Report } from '../engine/formats/report';
import { formatMinor, type Minor } from '../engine/money';

/**
 * One line for stderr: counts, USD total, expectations. `rewards`: the reward count and USD
 * total in cents (the rows live in the replay's ledger, not the report).
 */
export function summarize(report: Report, name: string, rewards: { count: number; cents: Minor }): string {
  const exp = report.expectations;
  const verdict = exp.passed ? 'expectations passed' : `expectations FAILED (${exp.failures.length}): ${exp.failures.slice(0, 3).map((f) => f.message).join('; ')}`;
  return `${name}: ${rewards.count} rewards (${formatMinor(rewards.cents, 'USD')} USD), ${report.groupChanges.length} group moves, ${report.tagsApplied.length} tags, ${report.rejected.length} rejected — ${verdict}`;
}

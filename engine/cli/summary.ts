import type { Report } from '../formats/report';
import { formatMinor, parseMinor } from '../money';

/** The reward count and USD total of a report's own rows. */
export function rewardTotals(report: Report): { count: number; cents: number } {
  let cents = 0;
  for (const r of report.rewards) cents += parseMinor(r.amountUsd, 'USD') as number;
  return { count: report.rewards.length, cents };
}

/** One line for stderr: counts, USD total, expectations. */
export function summarize(report: Report, name: string, rewards = rewardTotals(report)): string {
  const cents = rewards.cents;
  const exp = report.expectations;
  const verdict = exp.passed ? 'expectations passed' : `expectations FAILED (${exp.failures.length}): ${exp.failures.slice(0, 3).map((f) => f.message).join('; ')}`;
  return `${name}: ${rewards.count} rewards (${formatMinor(cents, 'USD')} USD), ${report.groupChanges.length} group moves, ${report.tagsApplied.length} tags, ${report.rejected.length} rejected — ${verdict}`;
}

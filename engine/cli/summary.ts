import type { Report } from '../formats/report';
import { formatMinor, parseMinor } from '../money';

/** One line for stderr: counts, USD total, expectations. */
export function summarize(report: Report, name: string): string {
  let cents = 0;
  for (const r of report.rewards) cents += parseMinor(r.amountUsd, 'USD') as number;
  const exp = report.expectations;
  const verdict = exp.passed ? 'expectations passed' : `expectations FAILED (${exp.failures.length}): ${exp.failures.slice(0, 3).map((f) => f.message).join('; ')}`;
  return `${name}: ${report.rewards.length} rewards (${formatMinor(cents, 'USD')} USD), ${report.groupChanges.length} group moves, ${report.tagsApplied.length} tags, ${report.rejected.length} rejected — ${verdict}`;
}

/** Reward review (approve / decline with reason / hold) and the monthly invoice preview. */
import type { RewardStatus } from '../../engine/formats/report';
import { formatMinor } from '../../engine/money';
import type { Handlers, InvoicePartnerLine, InvoicePreview } from '../contract';
import { Failure } from '../failure';
import { ledgerMonths, monthTotals, reviewRewards, type Db } from '../store';
import { requireRun } from './replay';
import type { ServiceContext } from './context';

/** A partner can cash out from 5.00 USD (seed). */
export const CASH_OUT_MINOR = 500;
const INVOICED: ReadonlySet<RewardStatus> = new Set(['pending', 'approved']);

/** Invoice on the 1st of the month after M, charge on the 8th, payout on the 13th. */
export function invoiceDates(month: string): { invoiceDate: string; chargeDate: string; payoutDate: string } {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7)) + 1;
  if (m > 12) {
    m = 1;
    y += 1;
  }
  const p = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  return { invoiceDate: `${p}-01`, chargeDate: `${p}-08`, payoutDate: `${p}-13` };
}

interface Tally {
  n: number;
  usd: number;
  /** The approved part of `usd`: only approved rewards can be cashed out. */
  approved: number;
}

function add<K>(map: Map<K, Tally>, key: K, row: { n: number; usd: number; status: RewardStatus }): void {
  const cur = map.get(key) ?? { n: 0, usd: 0, approved: 0 };
  map.set(key, { n: cur.n + row.n, usd: cur.usd + row.usd, approved: cur.approved + (row.status === 'approved' ? row.usd : 0) });
}

/** The invoice for rewards due in `month`: pending and approved ones, per partner. */
export function invoicePreview(db: Db, runId: string, month: string | undefined): InvoicePreview {
  const months = ledgerMonths(db, runId);
  const m = month ?? months[0] ?? new Date().toISOString().slice(0, 7);
  const lines = new Map<string, Tally>();
  const excluded = new Map<RewardStatus, Tally>();
  for (const row of monthTotals(db, runId, m)) {
    if (INVOICED.has(row.status)) add(lines, row.partnerKey, row);
    else add(excluded, row.status, row);
  }
  const partnerLines: InvoicePartnerLine[] = [...lines].map(([partnerKey, v]) => ({
    partnerKey,
    rewardCount: v.n,
    amountUsd: formatMinor(v.usd, 'USD'),
    approvedUsd: formatMinor(v.approved, 'USD'),
    canCashOut: v.approved >= CASH_OUT_MINOR,
    cashOutBlocker: v.approved >= CASH_OUT_MINOR ? null : v.usd >= CASH_OUT_MINOR ? 'awaiting_approval' : 'below_minimum',
  }));
  const total = [...lines.values()].reduce((s, v) => s + v.usd, 0);
  return {
    month: m,
    ...invoiceDates(m),
    totalUsd: formatMinor(total, 'USD'),
    lines: partnerLines,
    excluded: [...excluded].map(([status, v]) => ({ status, count: v.n, amountUsd: formatMinor(v.usd, 'USD') })),
    months,
  };
}

export function rewardHandlers(ctx: ServiceContext): Pick<Handlers, 'rewards.review' | 'payouts.month'> {
  return {
    'rewards.review': ({ runId, rewardIds, decision, reason }) => {
      const run = requireRun(ctx, runId);
      if (run.status !== 'done') throw new Failure(`run "${runId}" is ${run.status}; only a finished run's rewards can be reviewed`, 'runId');
      const why = reason?.trim() || null;
      if (decision === 'declined' && !why) throw new Failure('a declined reward needs a reason', 'reason');
      const check = ctx.db.transaction(() => {
        const r = reviewRewards(ctx.db, runId, rewardIds, decision, why, ctx.now());
        if (r.missing.length > 0) {
          const i = rewardIds.indexOf(r.missing[0] ?? '');
          throw new Failure(`reward "${r.missing[0]}" is not in this run`, `rewardIds[${i}]`);
        }
        return r.updated;
      });
      // IMMEDIATE: it reads each reward before writing (see inProgramTx).
      const updated = check.immediate();
      ctx.totals.forget(runId);
      return { updated };
    },
    'payouts.month': ({ runId, month }) => {
      requireRun(ctx, runId);
      return invoicePreview(ctx.db, runId, month);
    },
  };
}

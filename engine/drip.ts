/**
 * Drip schedules (ENGINE.md §5): occurrence 1 due at moment + delay, occurrence k at that
 * first due instant + (k − 1) × cycle, added in one step on the program zone's calendar. With
 * `split`, the total is divided evenly and the remainder minor units go on the last occurrence.
 */
import type { DripSettings, Offer, Period } from './formats/program-schema';
import { formatMinor, minorOf, toUsdMinor, type Decimal, type Minor } from './money';
import { formatInstant, payoutDates, type Zone } from './time';

export interface DripOccurrence {
  occurrence: number;
  occurrences: number;
  dueAt: string;
  amount: string;
  currency: string;
  amountUsd: string;
  status: 'pending' | 'scheduled';
  invoiceDate: string;
  chargeDate: string;
  payoutDate: string;
  /** True for the occurrence that carries a split's remainder minor units. */
  carriesRemainder: boolean;
}

/** Per-occurrence amounts in minor units: N equal parts, or the split of a total. */
export function dripAmounts(drip: DripSettings, amountMinor: Minor): Minor[] {
  const n = drip.occurrences;
  const out = new Array<Minor>(n);
  if (!drip.split) return out.fill(amountMinor);
  if (typeof amountMinor === 'bigint') {
    // Past 2^53 minor units the split is done exactly, then each part put back in canonical form.
    const sign = amountMinor < 0n ? -1n : 1n;
    const abs = amountMinor < 0n ? -amountMinor : amountMinor;
    const each = abs / BigInt(n);
    const last = abs - each * BigInt(n - 1);
    for (let i = 0; i < n; i++) out[i] = minorOf(sign * (i === n - 1 ? last : each));
    return out;
  }
  const sign = amountMinor < 0 ? -1 : 1;
  const abs = Math.abs(amountMinor);
  const each = Math.floor(abs / n);
  const last = abs - each * (n - 1);
  for (let i = 0; i < n; i++) out[i] = sign * (i === n - 1 ? last : each);
  return out;
}

/** Due instants (epoch ms) of every occurrence. */
export function dripDueTimes(zone: Zone, drip: DripSettings, momentMs: number): number[] {
  const first = zone.add(momentMs, drip.delay.count, drip.delay.unit);
  const cycleCount = drip.cycle?.count ?? 1;
  const cycleUnit = drip.cycle?.unit ?? 'month';
  const out = new Array<number>(drip.occurrences);
  for (let k = 0; k < out.length; k++) out[k] = k === 0 ? first : zone.add(first, k * cycleCount, cycleUnit);
  return out;
}

export interface DripScheduleInput {
  zone: Zone;
  drip: DripSettings;
  /** The reward amount in minor units of `currency` (per occurrence, or the total with split). */
  amountMinor: Minor;
  currency: string;
  rate: Decimal;
  momentMs: number;
  asOfMs: number;
}

export function dripSchedule(input: DripScheduleInput): DripOccurrence[] {
  const { zone, drip, currency, rate, asOfMs } = input;
  const amounts = dripAmounts(drip, input.amountMinor);
  const dues = dripDueTimes(zone, drip, input.momentMs);
  const hasRemainder = drip.split && amounts.length > 1 && amounts[amounts.length - 1] !== amounts[0];
  return dues.map((due, i) => {
    const minor = amounts[i] ?? 0;
    return {
      occurrence: i + 1,
      occurrences: drip.occurrences,
      dueAt: formatInstant(due),
      amount: formatMinor(minor, currency),
      currency,
      amountUsd: formatMinor(toUsdMinor(minor, currency, rate), 'USD'),
      status: due <= asOfMs ? 'pending' : 'scheduled',
      ...payoutDates(zone, due),
      carriesRemainder: hasRemainder && i === amounts.length - 1,
    };
  });
}

function periodText(p: Period): string {
  return `${p.count} ${p.unit}${p.count === 1 ? '' : 's'}`;
}

function cycleAdverb(p: Period): string {
  if (p.count === 1) return { day: 'daily', week: 'weekly', month: 'monthly', year: 'yearly' }[p.unit];
  return `every ${periodText(p)}`;
}

/** A sentence such as "12 × $10.00, monthly, first after 30 days". */
export function dripSummary(drip: DripSettings, offer: Offer): string {
  const amount =
    offer.type === 'flat' ? `${offer.currency === 'USD' ? '$' : ''}${offer.amount}${offer.currency === 'USD' ? '' : ` ${offer.currency}`}` : `${offer.percent}% of the sale`;
  const n = drip.occurrences;
  const head = drip.split ? `${amount} split over ${n} payment${n === 1 ? '' : 's'}` : `${n} × ${amount}`;
  const cycle = n > 1 && drip.cycle ? `, ${cycleAdverb(drip.cycle)}` : '';
  const delay = drip.delay.count === 0 ? ', first at once' : `, first after ${periodText(drip.delay)}`;
  return `${head}${cycle}${delay}`;
}

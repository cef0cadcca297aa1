/**
 * The PartnerStack importer (IMPORTS.md "PartnerStack importer"): API v2 list exports and webhook
 * bodies → a program skeleton, an `offerflow.events/1` event set and an import report. A pure
 * function of the files' names and texts: the same files give the same outputs in any order.
 */
import { divRoundHalfAway, formatScaled, parseDecimal } from '../money';
import { partnerstackAmount } from './amounts';
import { eventSetText, finishEvents, type Draft, type WrittenEvent } from './emit';
import { minorUnits, text } from './fields';
import type { ImportFile } from './input';
import { mapCustomers } from './partnerstack-customers';
import { mapActions, mapDeals, mapLeads, mapTransactions, normalizeStatus, type FxSample } from './partnerstack-objects';
import { readPartnerStack, type PsInput } from './partnerstack-read';
import { buildSkeleton, groupMoveDrafts, type Skeleton } from './partnerstack-skeleton';
import { readWebhooks } from './partnerstack-webhooks';
import { cmp, ImportLog, type ImportReport } from './report';
import { mergeVersions, psKey } from './versions';

/** Options of `offerflow import partnerstack`. */
export interface PartnerStackOptions {
  readonly includeTest?: boolean;
  /** Lead statuses read as `lead.qualified` (normalized; default `qualified`). */
  readonly qualifiedStatuses?: readonly string[];
  /** Lead statuses read as `lead.closed` (default closed, closed won, closed lost, dead). */
  readonly closedStatuses?: readonly string[];
}

export const DEFAULT_QUALIFIED = ['qualified'] as const;
export const DEFAULT_CLOSED = ['closed', 'closed won', 'closed lost', 'dead'] as const;

/** What an import produces: the texts to write and the values behind them. */
export interface PartnerStackImport {
  readonly program: Record<string, unknown>;
  readonly events: readonly WrittenEvent[];
  readonly report: ImportReport;
  readonly eventsText: string;
  readonly programText: string;
}

/** USD per unit: the median of `amount_usd / amount`, 6 decimals, no trailing zeros. */
export function fxHints(samples: readonly FxSample[]): Record<string, string> {
  const by = new Map<string, { num: bigint; den: bigint }[]>();
  for (const s of samples) {
    const d = parseDecimal(s.amount);
    if (!d || d.units === 0n) continue;
    let num = s.amountUsd * 10n ** BigInt(d.scale);
    let den = 100n * d.units;
    if (den < 0n) [num, den] = [-num, -den];
    by.set(s.currency, [...(by.get(s.currency) ?? []), { num, den }]);
  }
  const out: Record<string, string> = {};
  for (const [code, list] of [...by].sort(([a], [b]) => cmp(a, b))) {
    list.sort((a, b) => (a.num * b.den < b.num * a.den ? -1 : a.num * b.den > b.num * a.den ? 1 : 0));
    const hi = list[list.length >> 1] as { num: bigint; den: bigint };
    const lo = list[(list.length - 1) >> 1] as { num: bigint; den: bigint };
    const num = hi.num * lo.den + lo.num * hi.den;
    const den = 2n * hi.den * lo.den;
    out[code] = formatScaled(divRoundHalfAway(num * 1_000_000n, den), 6).replace(/\.?0+$/, '');
  }
  return out;
}

function paidRewards(input: PsInput, sk: Skeleton, log: ImportLog): NonNullable<ImportReport['paidRewards']> {
  const sums = new Map<string, bigint>();
  for (const v of mergeVersions(input.items.rewards, psKey, 'reward')) {
    log.used++;
    const o = v.latest.o;
    const cents = minorUnits(v.latest, 'amount');
    if (cents === null) continue;
    const viaPartnership = text(o, 'partnership_key');
    const partner = text(o, 'partner_key') ?? (viaPartnership ? sk.byPartnershipKey.get(viaPartnership) : undefined) ?? '(unknown partner)';
    const id = [partner, text(o, 'status') ?? '(no status)', (text(o, 'currency') ?? 'USD').toUpperCase()].join('\u0000');
    sums.set(id, (sums.get(id) ?? 0n) + cents);
  }
  const out: NonNullable<ImportReport['paidRewards']> = [];
  for (const [id, cents] of [...sums].sort(([a], [b]) => cmp(a, b))) {
    const [partnerKey, status, currency] = id.split('\u0000') as [string, string, string];
    const money = partnerstackAmount(cents, currency);
    out.push({ partnerKey, status, amount: 'amount' in money ? money.amount : String(cents), currency });
  }
  return out;
}

/** Imports PartnerStack files; throws `InputError` (naming file and path) on malformed input. */
export function importPartnerStack(files: readonly ImportFile[], options: PartnerStackOptions = {}): PartnerStackImport {
  const includeTest = options.includeTest === true;
  const qualified = (options.qualifiedStatuses ?? DEFAULT_QUALIFIED).map(normalizeStatus);
  const closed = (options.closedStatuses ?? DEFAULT_CLOSED).map(normalizeStatus);
  const log = new ImportLog();
  const input = readPartnerStack(files);
  log.read = input.count;
  const moves = readWebhooks(input, log);
  const sk = buildSkeleton(input.items.groups, input.items.partnerships, moves, log);
  const customers = mapCustomers(input.items.customers, sk, includeTest, log);
  const fx: FxSample[] = [];
  const drafts: Draft[] = [
    ...groupMoveDrafts(moves, sk, log),
    ...customers.drafts,
    ...mapTransactions(input.items.transactions, customers.index, includeTest, log, fx),
    ...mapActions(input.items.actions, customers.index, log),
    ...mapDeals(input.items.deals, sk, log),
    ...mapLeads(input.items.leads, sk, { qualified, closed }, log),
  ];
  const rewards = paidRewards(input, sk, log);
  const events = finishEvents(drafts);
  for (const [resource, pages] of [...input.pages].sort(([a], [b]) => cmp(a, b))) {
    if (pages.length > 0 && pages.every((m) => m)) log.warn(`the ${resource} export looks incomplete: every page read says has_more`);
  }
  if (sk.partnerKeys.size > 0) log.warn('groups and tags are as of the export; earlier moves are not replayed');
  if (input.items.leads.length > 0) log.warn('open leads are not imported (Offerflow has no event for them): lead_count misses them');
  const report = log.report('partnerstack', { includeTest, qualifiedStatuses: qualified, closedStatuses: closed }, events);
  const hints = fxHints(fx);
  const full: ImportReport = { ...report, fxHints: hints, ...(rewards.length ? { paidRewards: rewards } : {}) };
  // Keep `warnings` last, as in the spec's example.
  const { warnings, ...rest } = full;
  const ordered = { ...rest, warnings } as ImportReport;
  return {
    program: sk.program,
    events,
    report: ordered,
    eventsText: eventSetText('Imported from PartnerStack', events),
    programText: `${JSON.stringify(sk.program, null, 2)}\n`,
  };
}

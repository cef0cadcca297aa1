/**
 * The Stripe importer (IMPORTS.md "Stripe importer"): Events and object lists → an
 * `offerflow.events/1` event set of customers and transactions (refunds negative) and an import
 * report. Pure: the same files give byte-for-byte the same outputs in any order.
 */
import { eventSetText, finishEvents, type WrittenEvent } from './emit';
import type { ImportFile } from './input';
import { importPartnerStack } from './partnerstack';
import { cmp, ImportLog, type ImportReport } from './report';
import { mapStripeCustomers } from './stripe-customers';
import { mapPayments, type TransactionSource } from './stripe-payments';
import { readStripe } from './stripe-read';
import { mapRefunds } from './stripe-refunds';

/** Options of `offerflow import stripe`. */
export interface StripeOptions {
  readonly includeTest?: boolean;
  readonly transactions?: TransactionSource;
  /** A PartnerStack export whose customers give the partner of a `customer_key`. */
  readonly partnersFrom?: readonly ImportFile[];
}

export interface StripeImport {
  readonly events: readonly WrittenEvent[];
  readonly report: ImportReport;
  readonly eventsText: string;
}

/** customer_key → partner key, from the customers a PartnerStack import of `files` writes. */
function partnersOf(files: readonly ImportFile[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of importPartnerStack(files).events) {
    const c = e.customer as { key: string; partnerKey: string } | undefined;
    if (e.type === 'customer.created' && c) map.set(c.key, c.partnerKey);
  }
  return map;
}

/** Imports Stripe files; throws `InputError` (naming file and path) on malformed input. */
export function importStripe(files: readonly ImportFile[], options: StripeOptions = {}): StripeImport {
  const includeTest = options.includeTest === true;
  const mode = options.transactions ?? 'charges';
  const log = new ImportLog();
  const input = readStripe(files, includeTest, log);
  log.read = input.count;
  const partnersFrom = options.partnersFrom ? partnersOf(options.partnersFrom) : null;
  const customers = mapStripeCustomers(input, partnersFrom, includeTest, log);
  const payments = mapPayments(input, customers.refs, mode, includeTest, log);
  const refunds = mapRefunds(input, payments.payments, mode, includeTest, log);
  const events = finishEvents([...customers.drafts, ...payments.drafts, ...refunds]);
  for (const [url, pages] of [...input.pages].sort(([a], [b]) => cmp(a, b))) {
    if (pages.length > 0 && pages.every((m) => m)) log.warn(`the export of ${url} looks incomplete: every page read says has_more`);
  }
  if (refunds.length > 0) {
    log.warn('refunds are negative transactions: each adds 1 to transaction_count');
    log.warn('a partial refund leaves the rest of the payment counted, where PartnerStack removed all of it');
  }
  const report = log.report('stripe', { transactions: mode, includeTest }, events);
  return { events, report, eventsText: eventSetText('Imported from Stripe', events) };
}

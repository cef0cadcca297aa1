/**
 * PartnerStack transactions, actions, deals and leads → events (IMPORTS.md "Events" table,
 * [D 11]–[D 14]). Each object is merged over its versions first; the first skip reason in the
 * report's order is the one given.
 */
import { decimalText, parseDecimal, formatScaled } from '../money';
import { formatInstant } from '../time';
import { partnerstackAmount } from './amounts';
import { flag, int, keyOf, minorUnits, objAt, text, type Item } from './fields';
import { fail, isObj, type Obj } from './input';
import type { Draft } from './emit';
import type { ImportLog, SkipReason } from './report';
import type { CustomerIndex } from './partnerstack-customers';
import type { Skeleton } from './partnerstack-skeleton';
import { mergeVersions, psKey, type Versions } from './versions';

/** A non-USD transaction's decoded amount and its `amount_usd`, for the FX hints. */
export interface FxSample {
  readonly currency: string;
  readonly amount: string;
  readonly amountUsd: bigint;
}

type Skip = (reason: SkipReason, message: string) => void;
const skipper = (log: ImportLog, v: Versions, kind: string): Skip => (reason, message) => log.skip(v.id, kind, reason, message);

function customerOf(index: CustomerIndex, item: Item, skip: Skip, what: string): string | null {
  const ref = index.resolve(item);
  if (ref === null) skip('no_customer', `${what} has no customer that was read`);
  else if ('skipped' in ref) skip('customer_not_imported', `${what}: its customer was skipped (${ref.skipped})`);
  else return ref.key;
  return null;
}

/** `transaction.created` drafts; `fx` collects the samples behind the report's `fxHints`. */
export function mapTransactions(items: readonly Item[], index: CustomerIndex, includeTest: boolean, log: ImportLog, fx: FxSample[]): Draft[] {
  const drafts: Draft[] = [];
  for (const v of mergeVersions(items, psKey, 'transaction')) {
    const o = v.latest.o;
    const skip = skipper(log, v, 'transaction');
    const minor = minorUnits(v.latest, 'amount');
    if (minor === null) fail(v.latest, 'a transaction needs an integer amount', 'amount');
    const usd = minorUnits(v.latest, 'amount_usd');
    const at = int(v.earliest, 'created_at', 'epoch milliseconds');
    const what = `transaction ${v.id}`;
    if (flag(o, 'test') && !includeTest) skip('test_mode', `${what} is test data`);
    else if (flag(o, 'archived')) skip('archived', `${what} is archived (taken as deleted, e.g. refunded)`);
    else {
      const money = partnerstackAmount(minor, text(o, 'currency') ?? '');
      if ('skip' in money) skip(money.skip, `${what}: ${minor} ${text(o, 'currency') ?? '(no currency)'} cannot be written in its ISO 4217 currency`);
      else if (at === null) skip('no_timestamp', `${what} has no created_at`);
      else {
        const customerKey = customerOf(index, v.latest, skip, what);
        if (customerKey === null) continue;
        log.used++;
        if (money.currency !== 'USD' && usd !== null && minor !== 0n) fx.push({ currency: money.currency, amount: money.amount, amountUsd: usd });
        const productKey = keyOf(o, 'product_key');
        const categoryKey = keyOf(o, 'category_key');
        const transaction = { key: v.id, customerKey, amount: money.amount, currency: money.currency, ...(productKey ? { productKey } : {}), ...(categoryKey ? { categoryKey } : {}) };
        drafts.push({ object: 'transaction', key: v.id, type: 'transaction.created', at, body: { transaction } });
      }
    }
  }
  return drafts;
}

/** An action's `value` (a count) with exactly two decimals, or null when it has more. */
function actionValue(item: Item): { value: string | null } | 'inexact' {
  const raw = item.o.value;
  if (raw === undefined || raw === null) return { value: null };
  const t = typeof raw === 'number' || typeof raw === 'string' ? decimalText(raw) : null;
  const d = t === null ? null : parseDecimal(t);
  if (d === null) return fail(item, `must be a number, not ${JSON.stringify(raw)}`, 'value');
  if (d.scale <= 2) return { value: formatScaled(d.units * 10n ** BigInt(2 - d.scale), 2) };
  const div = 10n ** BigInt(d.scale - 2);
  return d.units % div === 0n ? { value: formatScaled(d.units / div, 2) } : 'inexact';
}

/** `action.created` drafts. */
export function mapActions(items: readonly Item[], index: CustomerIndex, log: ImportLog): Draft[] {
  const drafts: Draft[] = [];
  for (const v of mergeVersions(items, psKey, 'action')) {
    const o = v.latest.o;
    const skip = skipper(log, v, 'action');
    const what = `action ${v.id}`;
    const actionKey = text(o, 'type');
    if (actionKey === null) fail(v.latest, 'an action needs its "type" (the action key)', 'type');
    const value = actionValue(v.latest);
    const at = int(v.earliest, 'created_at', 'epoch milliseconds');
    if (value === 'inexact') skip('inexact_amount', `${what}: value ${JSON.stringify(o.value)} has more than 2 decimals`);
    else if (at === null) skip('no_timestamp', `${what} has no created_at`);
    else {
      const customerKey = customerOf(index, v.latest, skip, what);
      if (customerKey === null) continue;
      log.used++;
      drafts.push({ object: 'action', key: v.id, type: 'action.created', at, body: { action: { key: v.id, customerKey, actionKey, ...(value.value !== null ? { value: value.value } : {}) } } });
    }
  }
  return drafts;
}

/** The `at` of a deal or lead: its latest `updated_at`, else `created_at`. */
function stageTime(v: Versions): number | null {
  return int(v.latest, 'updated_at', 'epoch milliseconds') ?? int(v.latest, 'created_at', 'epoch milliseconds');
}

function partnerOf(o: Obj, sk: Skeleton, skip: Skip, what: string): string | null {
  const key = text(o, 'partner_key');
  if (key !== null && sk.partnerKeys.has(key)) return key;
  skip('no_partner', key === null ? `${what} has no partner_key (a vendor record)` : `${what}: partner ${key} is not in the partnerships read`);
  return null;
}

/** `deal.stage_changed` drafts: one per deal, its current stage at its last update. */
export function mapDeals(items: readonly Item[], sk: Skeleton, log: ImportLog): Draft[] {
  const drafts: Draft[] = [];
  for (const v of mergeVersions(items, psKey, 'deal')) {
    const o = v.latest.o;
    const stage = text(o, 'stage');
    if (stage === null) fail(v.latest, 'a deal needs a "stage"', 'stage');
    const cents = minorUnits(v.latest, 'amount');
    const skip = skipper(log, v, 'deal');
    const at = stageTime(v);
    if (at === null) {
      skip('no_timestamp', `deal ${v.id} has no updated_at or created_at`);
      continue;
    }
    const partnerKey = partnerOf(o, sk, skip, `deal ${v.id}`);
    if (partnerKey === null) continue;
    log.used++;
    const account = o.account_name;
    const name = isObj(account) ? text(account, 'name') : text(o, 'account_name');
    const money = cents === null ? null : partnerstackAmount(cents, 'USD');
    const amount = money && 'amount' in money ? { amount: money.amount, currency: 'USD' } : {};
    drafts.push({ object: 'deal', key: v.id, type: 'deal.stage_changed', at, body: { deal: { key: v.id, partnerKey, ...(name ? { name } : {}), stage, ...amount } } });
  }
  return drafts;
}

/** Lower-cased, trimmed, runs of spaces, `_` and `-` as one space. */
export function normalizeStatus(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

const COMPANY = ['company', 'company_name'];

/** A lead's company (or person) name from its custom fields ([D 14]). */
export function leadName(o: Obj): string | null {
  const fields = Array.isArray(o.fields) ? o.fields.filter(isObj) : [];
  const fromFields = (names: string[]): string | null => {
    for (const n of names) {
      const f = fields.find((x) => x.api_name === n);
      const t = f ? text(f, 'value') : null;
      if (t) return t;
    }
    return null;
  };
  const bags = [objAt(o, 'meta'), objAt(o, 'field_data')].filter((b): b is Obj => b !== null);
  const fromBags = (names: string[]): string | null => {
    for (const b of bags) for (const n of names) if (text(b, n)) return text(b, n);
    return null;
  };
  const company = fromFields(COMPANY) ?? fromBags(COMPANY);
  if (company) return company;
  const person = (get: (n: string[]) => string | null): string => `${get(['first_name']) ?? ''} ${get(['last_name']) ?? ''}`.trim();
  return person(fromFields) || person(fromBags) || null;
}

/** `lead.qualified` / `lead.closed` drafts by normalized status. */
export function mapLeads(items: readonly Item[], sk: Skeleton, statuses: { qualified: readonly string[]; closed: readonly string[] }, log: ImportLog): Draft[] {
  const drafts: Draft[] = [];
  for (const v of mergeVersions(items, psKey, 'lead')) {
    const o = v.latest.o;
    const skip = skipper(log, v, 'lead');
    const at = stageTime(v);
    const status = text(o, 'status') ?? '';
    const norm = normalizeStatus(status);
    if (at === null) {
      skip('no_timestamp', `lead ${v.id} has no updated_at or created_at`);
      continue;
    }
    const partnerKey = partnerOf(o, sk, skip, `lead ${v.id}`);
    if (partnerKey === null) continue;
    const type = statuses.closed.includes(norm) ? 'lead.closed' : statuses.qualified.includes(norm) ? 'lead.qualified' : null;
    if (type === null) {
      skip('lead_status_unmapped', `lead ${v.id}: status "${status}" is neither qualified nor closed`);
      continue;
    }
    log.used++;
    const name = leadName(o);
    const submitted = int(v.earliest, 'created_at', 'epoch milliseconds');
    const lead = { key: v.id, partnerKey, ...(name ? { name } : {}), ...(status ? { stage: status } : {}), ...(submitted !== null && submitted !== at ? { submittedAt: formatInstant(submitted) } : {}) };
    drafts.push({ object: 'lead', key: v.id, type, at, body: { lead } });
  }
  return drafts;
}

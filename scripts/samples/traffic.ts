/**
 * Seeded random traffic for the demo event sets: customers, sales (several currencies, delayed
 * receipts, back-dated sales, refunds), actions, deals, leads and link clicks for the partners
 * that the scripted stories leave alone. Expectations for this traffic are golden (regression)
 * ones, recorded by `generate.ts`, never hand-derived.
 */
import { action, clicks, customer, deal, lead, transaction, type Ev } from './events';
import { DAY, HOUR, iso, Rng } from './rng';

export interface TrafficPartner {
  key: string;
  /** Relative share of customers. */
  weight: number;
  /** The partner exists from this instant (created partners: their partner.created moment). */
  fromMs?: number;
}

export interface TrafficOptions {
  seed: number;
  /** Prefix of generated ids and keys, so two sets never collide. */
  prefix: string;
  fromMs: number;
  toMs: number;
  customers: number;
  partners: TrafficPartner[];
  /** CSV carries no object dates: no back-dated customers or sales, no lead submission dates. */
  csv: boolean;
}

const PRODUCTS = [
  ['starter', 40, 29, 99],
  ['pro-monthly', 30, 49, 199],
  ['pro-annual', 20, 480, 2400],
  ['enterprise', 10, 1500, 9000],
] as const;
const CURRENCIES: readonly (readonly [string, number])[] = [['USD', 80], ['EUR', 10], ['GBP', 6], ['JPY', 2], ['KWD', 2]];
const RATES: Record<string, number> = { USD: 1, EUR: 1.08, GBP: 1.27, JPY: 0.0067, KWD: 3.25 };
const DIGITS: Record<string, number> = { USD: 2, EUR: 2, GBP: 2, JPY: 0, KWD: 3 };
const ACTIONS: readonly (readonly [string, number])[] = [['onboarding_completed', 5], ['demo_booked', 3], ['webinar_attended', 2]];

/** A local-currency amount (string with the currency's digits) for about `usd` dollars. */
function amountIn(currency: string, usd: number): string {
  return (usd / (RATES[currency] as number)).toFixed(DIGITS[currency]);
}

class Builder {
  readonly rng: Rng;
  readonly out: { ms: number; seq: number; ev: Ev; keepId: boolean }[] = [];
  private seq = 0;
  private n = 0;

  constructor(readonly o: TrafficOptions) {
    this.rng = new Rng(o.seed);
  }

  key(kind: string): string {
    this.n += 1;
    return `${kind}-${this.o.prefix}${this.n}`;
  }

  /** A random minute in [from, to]. */
  time(from: number, to: number): number {
    return Math.floor((from + this.rng.next() * Math.max(0, to - from)) / 60_000) * 60_000;
  }

  /** Adds an event; its id is replaced by a generated one unless `keepId`. */
  push(ms: number, ev: Ev, keepId = false): void {
    this.out.push({ ms, seq: this.seq++, ev, keepId });
  }
}

function sales(b: Builder, customerKey: string, startMs: number): void {
  const { rng, o } = b;
  const count = rng.weighted([[1, 30], [2, 20], [3, 15], [5, 15], [8, 12], [14, 8]] as const);
  let last: { amount: string; currency: string } | null = null;
  for (let i = 0; i < count; i++) {
    const at = b.time(startMs + HOUR, o.toMs);
    const [product, , lo, hi] = rng.weighted(PRODUCTS.map((p) => [p, p[1]] as const));
    const currency = rng.weighted(CURRENCIES);
    const previous: { amount: string; currency: string } | null = last;
    const refund: boolean = previous !== null && rng.chance(0.03);
    const amount: string = refund && previous ? `-${previous.amount}` : amountIn(currency, rng.int(lo * 100, hi * 100) / 100);
    const cur: string = refund && previous ? previous.currency : currency;
    const receivedAt = rng.chance(0.15) ? iso(at + rng.int(1, 72) * HOUR) : undefined;
    const createdAt = !o.csv && rng.chance(0.05) ? iso(at - rng.int(1, 10) * DAY) : undefined;
    const opts = { product, category: product === 'enterprise' ? 'services' : 'software', ...(receivedAt ? { receivedAt } : {}), ...(createdAt ? { createdAt } : {}) };
    b.push(at, transaction('', iso(at), b.key('txn'), customerKey, amount, cur, opts));
    if (!refund) last = { amount, currency: cur };
  }
}

function customers(b: Builder, partner: TrafficPartner, n: number): void {
  const { rng, o } = b;
  for (let i = 0; i < n; i++) {
    const at = b.time(partner.fromMs ?? o.fromMs, o.toMs - 2 * DAY);
    const key = b.key('c');
    // Imported legacy customers: signed up long before the event that brings them in.
    const createdAt = !o.csv && rng.chance(0.1) ? iso(at - rng.int(90, 200) * DAY) : undefined;
    b.push(at, customer('', iso(at), key, partner.key, createdAt));
    sales(b, key, at);
    if (rng.chance(0.6)) {
      const aAt = b.time(at + HOUR, Math.min(o.toMs, at + 45 * DAY));
      const actionKey = rng.weighted(ACTIONS);
      const value = actionKey === 'demo_booked' ? `${rng.int(50, 300)}.00` : actionKey === 'webinar_attended' ? `${rng.int(0, 100)}.00` : undefined;
      b.push(aAt, action('', iso(aAt), b.key('act'), key, actionKey, value));
    }
  }
}

function deals(b: Builder, partner: TrafficPartner, n: number): void {
  const { rng, o } = b;
  for (let i = 0; i < n; i++) {
    const key = b.key('D');
    let at = b.time(partner.fromMs ?? o.fromMs, o.toMs - 20 * DAY);
    const currency = rng.chance(0.8) ? 'USD' : 'EUR';
    const amount = amountIn(currency, rng.int(10, 200) * 100);
    const stages = ['prospect', 'proposal', 'negotiation'].slice(0, rng.int(1, 3));
    stages.push(rng.chance(0.6) ? 'closed_won' : 'closed_lost');
    stages.forEach((stage, k) => {
      b.push(at, deal('', iso(at), key, partner.key, stage, k === 0 ? { name: `Opportunity ${key}`, amount, currency } : {}));
      at += rng.int(1, 6) * DAY;
    });
  }
}

function leads(b: Builder, partner: TrafficPartner, n: number): void {
  const { rng, o } = b;
  for (let i = 0; i < n; i++) {
    const key = b.key('L');
    const at = b.time(partner.fromMs ?? o.fromMs, o.toMs - 20 * DAY);
    const submittedAt = o.csv ? undefined : iso(at - rng.int(0, 10) * DAY);
    b.push(at, lead('', 'lead.qualified', iso(at), key, partner.key, { name: `Lead ${key}`, stage: 'qualified', ...(submittedAt ? { submittedAt } : {}) }));
    if (rng.chance(0.7)) {
      const closeAt = at + rng.int(3, 15) * DAY;
      b.push(closeAt, lead('', 'lead.closed', iso(closeAt), key, partner.key, { stage: rng.chance(0.5) ? 'won' : 'lost' }));
    }
  }
}

/** Generated events, ordered by `at` (ties in generation order), with ids `<prefix>0001…`. */
export function traffic(o: TrafficOptions, extra: { ms: number; ev: Ev }[] = []): Ev[] {
  const b = new Builder(o);
  const total = o.partners.reduce((s, p) => s + p.weight, 0);
  for (const p of o.partners) {
    const share = p.weight / total;
    customers(b, p, Math.round(o.customers * share));
    deals(b, p, Math.round(40 * share));
    leads(b, p, Math.round(60 * share));
    for (let i = 0; i < Math.round(30 * share) + 2; i++) {
      const at = b.time(p.fromMs ?? o.fromMs, o.toMs);
      b.push(at, clicks('', iso(at), p.key, b.rng.int(1, 250)));
    }
  }
  for (const x of extra) b.push(x.ms, x.ev, true);
  const sorted = b.out.sort((x, y) => x.ms - y.ms || x.seq - y.seq);
  const width = String(sorted.length).length;
  return sorted.map((x, i) => ({ ...x.ev, id: x.keepId ? x.ev.id : `${o.prefix}${String(i + 1).padStart(width, '0')}` }));
}


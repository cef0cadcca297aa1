/**
 * The replay's reward ledger, kept compact while the replay runs: numbers in typed columns,
 * strings as references to ones that already exist (partner keys, event ids, triggers). A row's
 * report strings (amounts, instants, payout dates, its id) are formatted only when the row is
 * read — a million-reward replay makes no million row objects unless somebody asks for them.
 */
import type { Trigger } from '../formats/program-schema';
import type { RewardRow } from '../formats/report';
import { addMinor, canonicalDecimal, formatMinor, toUsdMinor, type Decimal, type Minor } from '../money';
import { formatInstant, payoutDates, type Zone } from '../time';

const KINDS = ['reward', 'drip'] as const;
const STATUSES = ['pending', 'scheduled'] as const;
export type LedgerKind = (typeof KINDS)[number];
export type LedgerStatus = (typeof STATUSES)[number];

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

export class RewardLedger {
  /** Rows held. */
  length = 0;
  /** Ledger index of the first row held (rows before it were handed over and dropped). */
  base = 0;
  private cap = 1024;
  private kind = new Uint8Array(this.cap);
  private status = new Uint8Array(this.cap);
  private occurrence = new Int32Array(this.cap);
  private occurrences = new Int32Array(this.cap);
  private minor = new Float64Array(this.cap);
  /** Exact amounts past 2^53 minor units, by row (`minor` holds them rounded); null until one is. */
  private big: Map<number, bigint> | null = null;
  private earnedMs = new Float64Array(this.cap);
  private dueMs = new Float64Array(this.cap);
  private readonly partnerKey: string[] = [];
  private readonly trigger: Trigger[] = [];
  private readonly eventId: string[] = [];
  private readonly currency: string[] = [];
  private readonly rateTexts = new Map<string, string>();

  constructor(
    private readonly zone: Zone,
    private readonly rates: ReadonlyMap<string, Decimal>,
  ) {}

  push(kind: LedgerKind, partnerKey: string, trigger: Trigger, eventId: string, currency: string, minor: Minor, earnedMs: number, dueMs: number, occurrence: number, occurrences: number, status: LedgerStatus): void {
    const i = this.length;
    if (i === this.cap) this.reserve(this.cap * 2);
    this.kind[i] = kind === 'reward' ? 0 : 1;
    this.status[i] = status === 'pending' ? 0 : 1;
    this.occurrence[i] = occurrence;
    this.occurrences[i] = occurrences;
    if (typeof minor === 'number') this.minor[i] = minor;
    else {
      this.minor[i] = Number(minor);
      (this.big ??= new Map()).set(i, minor);
    }
    this.earnedMs[i] = earnedMs;
    this.dueMs[i] = dueMs;
    this.partnerKey[i] = partnerKey;
    this.trigger[i] = trigger;
    this.eventId[i] = eventId;
    this.currency[i] = currency;
    this.length = i + 1;
  }

  private reserve(cap: number): void {
    this.kind = grow(this.kind, cap);
    this.status = grow(this.status, cap);
    this.occurrence = grow(this.occurrence, cap);
    this.occurrences = grow(this.occurrences, cap);
    this.minor = grow(this.minor, cap);
    this.earnedMs = grow(this.earnedMs, cap);
    this.dueMs = grow(this.dueMs, cap);
    this.cap = cap;
  }

  /** Forgets the rows from `length` on (the cascade-loop rollback). */
  truncate(length: number): void {
    if (length >= this.length) return;
    if (this.big !== null) {
      if (length === 0) this.big = null;
      else for (const k of [...this.big.keys()]) if (k >= length) this.big.delete(k);
    }
    this.length = length;
    this.partnerKey.length = this.trigger.length = this.eventId.length = this.currency.length = length;
  }

  /** Drops every row held; the next row's ledger index goes on from where they ended. */
  drop(): void {
    this.base += this.length;
    this.truncate(0);
  }

  private rateText(currency: string): string {
    let t = this.rateTexts.get(currency);
    if (t === undefined) {
      t = canonicalDecimal(this.rates.get(currency) as Decimal);
      this.rateTexts.set(currency, t);
    }
    return t;
  }

  /** The amount of row `i` in minor units of its currency, exactly. */
  private minorAt(i: number): Minor {
    return this.big?.get(i) ?? (this.minor[i] as number);
  }

  /** The USD amount of row `i` in cents (minor units), exactly. */
  usdMinor(i: number): Minor {
    const currency = this.currency[i] as string;
    const minor = this.minorAt(i);
    return currency === 'USD' ? minor : toUsdMinor(minor, currency, this.rates.get(currency) as Decimal);
  }

  /** The USD total of the rows held, in cents, exactly. */
  totalUsd(): Minor {
    let total: Minor = 0;
    for (let i = 0; i < this.length; i++) total = addMinor(total, this.usdMinor(i));
    return total;
  }

  /** Row `i` of the rows held, as the report writes it. */
  row(i: number): RewardRow {
    if (i < 0 || i >= this.length) throw new RangeError(`ledger row ${i} is not held (${this.length} rows)`);
    const currency = this.currency[i] as string;
    const minor = this.minorAt(i);
    const trigger = this.trigger[i] as Trigger;
    const action = trigger.action as Extract<Trigger['action'], { type: 'reward' | 'drip' }>;
    const amount = formatMinor(minor, currency);
    const dueMs = this.dueMs[i] as number;
    const dates = payoutDates(this.zone, dueMs);
    return {
      id: `r${this.base + i + 1}`,
      kind: KINDS[this.kind[i] as number] as LedgerKind,
      partnerKey: this.partnerKey[i] as string,
      triggerId: trigger.id,
      triggerVersion: trigger.version ?? 1,
      eventId: this.eventId[i] as string,
      description: action.offer.description,
      amount,
      currency,
      amountUsd: currency === 'USD' ? amount : formatMinor(this.usdMinor(i), 'USD'),
      fxRate: this.rateText(currency),
      earnedAt: formatInstant(this.earnedMs[i] as number),
      dueAt: formatInstant(dueMs),
      occurrence: this.occurrence[i] as number,
      occurrences: this.occurrences[i] as number,
      status: STATUSES[this.status[i] as number] as LedgerStatus,
      invoiceDate: dates.invoiceDate,
      chargeDate: dates.chargeDate,
      payoutDate: dates.payoutDate,
    };
  }

  /** Rows `from` … `to − 1` of the rows held. */
  rows(from = 0, to = this.length): RewardRow[] {
    const out = new Array<RewardRow>(Math.max(0, to - from));
    for (let i = from; i < to; i++) out[i - from] = this.row(i);
    return out;
  }
}

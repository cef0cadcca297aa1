/**
 * Reward rows encoded straight into one reused byte buffer (issue 17): the text `rowJson` in
 * report-write.ts makes, byte for byte, as UTF-8, without a string per row, a concatenation of
 * a megabyte of them, or the UTF-8 conversion of that string when it is written. Characters are
 * copied one by one while they are plain ASCII; a string with anything else (non-ASCII, a quote,
 * a backslash, a control character) is written as `JSON.stringify` gives it (quoted strings) or
 * as it is (the engine's own strings, which the template does not escape either).
 * row-bytes.test.ts holds it to the string writer on rows with every kind of character.
 */
import type { RewardRow } from './report';

/** The bytes of an ASCII text (the fixed parts of a row). */
const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

const OPEN = bytes('    {\n      "id": ');
const KIND = bytes(',\n      "kind": "');
const PARTNER = bytes('",\n      "partnerKey": ');
const TRIGGER = bytes(',\n      "triggerId": ');
const VERSION = bytes(',\n      "triggerVersion": ');
const EVENT = bytes(',\n      "eventId": ');
const DESCRIPTION = bytes(',\n      "description": ');
const AMOUNT = bytes(',\n      "amount": "');
const CURRENCY = bytes('",\n      "currency": ');
const AMOUNT_USD = bytes(',\n      "amountUsd": "');
const FX = bytes('",\n      "fxRate": "');
const EARNED = bytes('",\n      "earnedAt": "');
const DUE = bytes('",\n      "dueAt": "');
const OCCURRENCE = bytes('",\n      "occurrence": ');
const OCCURRENCES = bytes(',\n      "occurrences": ');
const STATUS = bytes(',\n      "status": "');
const INVOICE = bytes('",\n      "invoiceDate": "');
const CHARGE = bytes('",\n      "chargeDate": "');
const PAYOUT = bytes('",\n      "payoutDate": "');
const CLOSE = bytes('"\n    }');
/** Bytes of a row besides its strings and numbers. */
const FIXED = [OPEN, KIND, PARTNER, TRIGGER, VERSION, EVENT, DESCRIPTION, AMOUNT, CURRENCY, AMOUNT_USD, FX, EARNED, DUE, OCCURRENCE, OCCURRENCES, STATUS, INVOICE, CHARGE, PAYOUT, CLOSE].reduce((n, b) => n + b.length, 0);
/** UTF-8 bytes one UTF-16 unit can need in JSON text (`\uXXXX`). */
const PER_UNIT = 6;
/** Bytes a number can need (`String(n)` of any double). */
const NUMBER = 32;

/** A byte buffer filled with text and handed to `flush` whenever it is full (and at `end`). */
export class ByteChunks {
  private buf: Buffer;
  private pos = 0;

  /** `flush` gets a view of the buffer that is reused afterwards: write it before returning. */
  constructor(
    private readonly flush: (chunk: Uint8Array) => void,
    private readonly size = 1 << 20,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Room for `n` more bytes (flushing first when they do not fit). */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.end();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(Math.max(n, this.size));
  }

  /** Hands over what the buffer holds. */
  end(): void {
    if (this.pos > 0) this.flush(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  private fixed(b: Uint8Array): void {
    const buf = this.buf;
    let p = this.pos;
    for (let j = 0; j < b.length; j++) buf[p++] = b[j] as number;
    this.pos = p;
  }

  /** `s` as the template writes `${s}`: as it is (room already made). */
  private raw(s: string): void {
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c >= 0x80) {
        this.pos = start + buf.write(s, start, 'utf8');
        return;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  /** `JSON.stringify(s)` (room already made). */
  private quoted(s: string): void {
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    buf[p++] = 0x22;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
        this.pos = start + buf.write(JSON.stringify(s), start, 'utf8');
        return;
      }
      buf[p++] = c;
    }
    buf[p++] = 0x22;
    this.pos = p;
  }

  /** `${n}` of a number: digits by hand for the usual small whole ones. */
  private num(n: number): void {
    if (!(Number.isInteger(n) && n >= 0 && n < 1e9)) {
      this.raw(String(n));
      return;
    }
    const buf = this.buf;
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    let m = n;
    do {
      buf[--p] = 0x30 + (m % 10);
      m = Math.floor(m / 10);
    } while (m > 0);
  }

  /** One reward row as `rowJson` writes it. */
  row(r: RewardRow): void {
    const units =
      r.id.length + r.kind.length + r.partnerKey.length + r.triggerId.length + r.eventId.length + r.description.length + r.amount.length + r.currency.length + r.amountUsd.length + r.fxRate.length + r.earnedAt.length + r.dueAt.length + r.status.length + r.invoiceDate.length + r.chargeDate.length + r.payoutDate.length;
    this.room(FIXED + 3 * NUMBER + PER_UNIT * units + 12);
    this.fixed(OPEN);
    this.quoted(r.id);
    this.fixed(KIND);
    this.raw(r.kind);
    this.fixed(PARTNER);
    this.quoted(r.partnerKey);
    this.fixed(TRIGGER);
    this.quoted(r.triggerId);
    this.fixed(VERSION);
    this.num(r.triggerVersion);
    this.fixed(EVENT);
    this.quoted(r.eventId);
    this.fixed(DESCRIPTION);
    this.quoted(r.description);
    this.fixed(AMOUNT);
    this.raw(r.amount);
    this.fixed(CURRENCY);
    this.quoted(r.currency);
    this.fixed(AMOUNT_USD);
    this.raw(r.amountUsd);
    this.fixed(FX);
    this.raw(r.fxRate);
    this.fixed(EARNED);
    this.raw(r.earnedAt);
    this.fixed(DUE);
    this.raw(r.dueAt);
    this.fixed(OCCURRENCE);
    this.num(r.occurrence);
    this.fixed(OCCURRENCES);
    this.num(r.occurrences);
    this.fixed(STATUS);
    this.raw(r.status);
    this.fixed(INVOICE);
    this.raw(r.invoiceDate);
    this.fixed(CHARGE);
    this.raw(r.chargeDate);
    this.fixed(PAYOUT);
    this.raw(r.payoutDate);
    this.fixed(CLOSE);
  }

  /** `,\n` between two rows. */
  separator(): void {
    this.room(2);
    this.buf[this.pos++] = 0x2c;
    this.buf[this.pos++] = 0x0a;
  }
}

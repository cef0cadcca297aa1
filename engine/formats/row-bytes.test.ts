/**
 * The byte writer of reward rows (row-bytes.ts) against the string writer it stands in for
 * (`writeReport` without a byte sink, itself held to `serializeReport` by report.test.ts and the
 * pinned reports): on generated rows whose strings hold quotes, backslashes, control characters,
 * non-ASCII text, emoji and lone surrogates, with buffers small enough to flush inside a row's
 * neighbourhood, the bytes are the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMAT, serializeReport, type Report, type RewardRow } from './report';
import { writeReport } from './report-write';
import { ByteChunks } from './row-bytes';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const tricky = fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', 'é', '€', '😀', '\ud800', '\udc00', ' ', 'a');
/** Text of every kind: plain, tricky pieces, any code units. */
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.array(tricky, { maxLength: 6 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 }));
const num = fc.oneof(fc.nat({ max: 2_000_000_000 }), fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, 1e21, -0, 123456789012));

const row: fc.Arbitrary<RewardRow> = fc.record({
  id: text,
  kind: fc.constantFrom<RewardRow['kind']>('reward', 'drip'),
  partnerKey: text,
  triggerId: text,
  triggerVersion: num,
  eventId: text,
  description: text,
  amount: fc.oneof(fc.constantFrom('10.00', '-0.01', '1234567.891'), text),
  currency: text,
  amountUsd: fc.constantFrom('10.00', '0.00'),
  fxRate: fc.oneof(fc.constantFrom('1', '1.0834'), text),
  earnedAt: fc.constantFrom('2026-02-01T09:00:00Z', '2026-02-01T09:00:00.123Z'),
  dueAt: text,
  occurrence: num,
  occurrences: num,
  status: fc.constantFrom<RewardRow['status']>('pending', 'scheduled'),
  invoiceDate: fc.constantFrom('2026-02-28'),
  chargeDate: text,
  payoutDate: fc.constantFrom('2026-03-15'),
});

const report = (rewards: RewardRow[]): Report => ({ format: REPORT_FORMAT, rewards, groupChanges: [], tagsApplied: [], partners: [{ key: 'p"1', group: null, tier: 'é', tags: ['😀'] }], rejected: [{ eventId: 'e\n1', index: 3, message: 'no' }], expectations: { passed: true, failures: [] } });

/** The report as the string writer writes it, as UTF-8. */
function viaStrings(rows: RewardRow[]): Buffer {
  const parts: string[] = [];
  writeReport(report(rows), { length: rows.length, row: (i) => rows[i] as RewardRow }, (s) => parts.push(s));
  return Buffer.from(parts.join(''), 'utf8');
}

/** The report with its rows through the byte sink (each chunk copied: the buffer is reused). */
function viaBytes(rows: RewardRow[]): Buffer {
  const parts: Buffer[] = [];
  writeReport(report(rows), { length: rows.length, row: (i) => rows[i] as RewardRow }, (s) => parts.push(Buffer.from(s, 'utf8')), (b) => parts.push(Buffer.from(b)));
  return Buffer.concat(parts);
}

describe('reward rows written as bytes', () => {
  it('are the string writer\'s bytes, whatever the rows hold', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        expect(viaBytes(rows).equals(viaStrings(rows))).toBe(true);
      }),
      { numRuns: RUNS, seed: 71 },
    );
  });

  it('are the same with a buffer so small every row flushes it, or larger than the buffer', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 64 }), (rows, size) => {
        const encode = (n: number): Buffer => {
          const parts: Buffer[] = [];
          const b = new ByteChunks((c) => parts.push(Buffer.from(c)), n);
          rows.forEach((r, i) => {
            if (i > 0) b.separator();
            b.row(r);
          });
          b.text('…end');
          b.end();
          return Buffer.concat(parts);
        };
        expect(encode(size).equals(encode(1 << 20))).toBe(true);
      }),
      { numRuns: RUNS, seed: 72 },
    );
  });

  it('a report of ordinary rows is serializeReport\'s text', () => {
    const rows: RewardRow[] = [0, 1, 2].map((i) => ({ id: `r${i + 1}`, kind: 'drip', partnerKey: 'acme', triggerId: 't-1', triggerVersion: 2, eventId: `e${i}`, description: 'Bonus — 10 %', amount: '10.00', currency: 'EUR', amountUsd: '10.83', fxRate: '1.0834', earnedAt: '2026-02-01T09:00:00Z', dueAt: '2026-03-01T09:00:00Z', occurrence: i + 1, occurrences: 3, status: 'scheduled', invoiceDate: '2026-03-31', chargeDate: '2026-04-05', payoutDate: '2026-04-15' }));
    expect(viaBytes(rows).toString('utf8')).toBe(serializeReport(report(rows)));
  });
});

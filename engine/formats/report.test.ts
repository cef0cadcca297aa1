/**
 * The streamed report writer (issue 12, item 6): `--trace` of tens of thousands of events made
 * one string past V8's limit (exit 3 "Invalid string length"). The trace is now written one
 * event at a time, and the file stays byte-identical to `serializeReport`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayToLedger } from '../replay/replay';
import { customer, eventSet, program, sale, trigger } from '../test-helpers';
import { parseEventSetText, parseProgramText } from './read';
import { serializeReport, type Report } from './report';
import { writeReport } from './report-write';

const SAMPLES = join(import.meta.dirname, '../../resources/samples');

function streamed(report: Report, rows: Parameters<typeof writeReport>[1]): string[] {
  const chunks: string[] = [];
  writeReport(report, rows, (c) => chunks.push(c));
  return chunks;
}

describe('writeReport with a trace', () => {
  it.each([
    ['demo.program.json', 'demo.events.json'],
    ['demo.program.json', 'rejections.events.json'],
    ['spec-examples/seed-order-recommended.program.json', 'spec-examples/seed-order-recommended.events.json'],
  ])('%s + %s --trace: the streamed file is byte-identical to serializeReport', (p, e) => {
    const prog = parseProgramText(readFileSync(join(SAMPLES, p), 'utf8'), p);
    const events = parseEventSetText(readFileSync(join(SAMPLES, e), 'utf8'), e);
    const { report, ledger } = replayToLedger(prog, events, { trace: true });
    expect(report.trace?.length).toBeGreaterThan(0);
    expect(streamed(report, ledger).join('')).toBe(serializeReport({ ...report, rewards: ledger.rows() }));
  });

  it('writes a trace without rewards, an empty trace, and odd text byte-identically', () => {
    const odd = 'Say "hi" \\ tab\t line\n \u2028 ✓ \u0007';
    const p = program({ triggers: [trigger('pay', { name: odd, action: { type: 'apply_tag', tag: 'vip' } })] });
    const noRewards = replayToLedger(p, eventSet([customer('c1'), sale('c1', '1.00')]), { trace: true });
    expect(noRewards.ledger.length).toBe(0);
    expect(streamed(noRewards.report, noRewards.ledger).join('')).toBe(serializeReport({ ...noRewards.report, rewards: [] }));
    const empty = replayToLedger(p, eventSet([]), { trace: true });
    expect(empty.report.trace).toEqual([]);
    expect(streamed(empty.report, empty.ledger).join('')).toBe(serializeReport({ ...empty.report, rewards: [] }));
  });

  it('hands the trace of many events to the writer in bounded chunks, never as one string', () => {
    const p = program({ triggers: Array.from({ length: 5 }, (_, i) => trigger(`t${i}`, { rules: { all: [{ object: 'transaction', field: 'amount', op: 'greater_than', value: '0.50' }] } })) });
    const many = eventSet([customer('c1'), ...Array.from({ length: 2000 }, () => sale('c1', '12.34'))]);
    const { report, ledger } = replayToLedger(p, many, { trace: true });
    const chunks = streamed(report, ledger);
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const largest = Math.max(...chunks.map((c) => c.length));
    console.log(`[trace] ${report.trace?.length} traced events: ${(total / 1e6).toFixed(1)} M characters in ${chunks.length} chunks, largest ${(largest / 1e6).toFixed(2)} M`);
    expect(total).toBeGreaterThan(4 * 1024 * 1024);
    // About a megabyte per chunk (plus one row or one event's trace): the size of the trace
    // no longer decides the size of any string.
    expect(largest).toBeLessThan(1.5 * 1024 * 1024);
    expect(chunks.join('')).toBe(serializeReport({ ...report, rewards: ledger.rows() }));
  });
});

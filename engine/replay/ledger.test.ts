import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEventSetText, parseProgramText } from '../formats/read';
import { serializeReport } from '../formats/report';
import { writeReport } from '../formats/report-write';
import { parseMinor } from '../money';
import { customer, eventSet, program, run, sale, trigger } from '../test-helpers';
import { Zone } from '../time';
import { RewardLedger } from './ledger';
import { replay, replayToLedger } from './replay';

const SAMPLES = join(import.meta.dirname, '../../resources/samples');
const load = (programFile: string, eventsFile: string) => ({
  program: parseProgramText(readFileSync(join(SAMPLES, programFile), 'utf8'), programFile),
  events: parseEventSetText(readFileSync(join(SAMPLES, eventsFile), 'utf8'), eventsFile),
});

describe('the compact reward ledger', () => {
  it.each([
    ['demo.program.json', 'demo.events.json'],
    ['demo.program.json', 'demo-q2.events.csv'],
    ['demo.program.json', 'currencies.events.json'],
    ['demo.program.json', 'rejections.events.json'],
  ])('%s + %s: rows read from the ledger and the streamed report are byte-identical to the report', (p, e) => {
    const { program: prog, events } = load(p, e);
    const whole = replay(prog, events, { asOf: '2026-12-31T00:00:00Z' });
    const { report, ledger } = replayToLedger(prog, events, { asOf: '2026-12-31T00:00:00Z' });
    expect(whole.rewards.length).toBeGreaterThan(0);
    expect(ledger.length).toBe(whole.rewards.length);
    expect(ledger.rows()).toEqual(whole.rewards);
    expect(ledger.totalUsd()).toBe(whole.rewards.reduce((s, r) => s + (parseMinor(r.amountUsd, 'USD') as number), 0));
    const chunks: string[] = [];
    writeReport(report, ledger, (c) => chunks.push(c));
    expect(chunks.join('')).toBe(serializeReport(whole));
  });

  it('writes a report of no rewards, and one of many rewards in several chunks, like serializeReport', () => {
    const odd = 'Say "hi" \\ tab\t line\n \u2028 ✓ \u0007';
    const p = program({ triggers: [trigger('pay', { action: { type: 'reward', offer: { description: odd, type: 'flat', amount: '1.50', currency: 'USD' } } })] });
    const none = replayToLedger(p, eventSet([customer('c1')]));
    const out: string[] = [];
    writeReport(none.report, none.ledger, (c) => out.push(c));
    expect(out.join('')).toBe(serializeReport(run(p, eventSet([customer('c1')]))));

    const many = eventSet([customer('c1'), ...Array.from({ length: 6000 }, () => sale('c1', '12.34'))]);
    const { report, ledger } = replayToLedger(p, many);
    const chunks: string[] = [];
    writeReport(report, ledger, (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(1);
    expect(ledger.row(0).description).toBe(odd);
    expect(chunks.join('')).toBe(serializeReport(run(p, many)));
  });

  it('truncates (rollback) and drops (streaming) rows; ids go on from the dropped ones', () => {
    const zone = new Zone('UTC');
    const ledger = new RewardLedger(zone, new Map([['USD', { units: 1n, scale: 0 }]]));
    const t = program({ triggers: [trigger('pay', {})] }).triggers[0]!;
    for (let i = 0; i < 3000; i++) ledger.push('reward', 'ana', t, `e${i}`, 'USD', 100 + i, 0, 0, 1, 1, 'pending');
    ledger.truncate(2500);
    expect(ledger.length).toBe(2500);
    expect(() => ledger.row(2500)).toThrow(RangeError);
    ledger.drop();
    ledger.push('drip', 'ana', t, 'x', 'USD', 7, 0, 86_400_000, 2, 3, 'scheduled');
    expect(ledger.row(0)).toMatchObject({ id: 'r2501', kind: 'drip', eventId: 'x', amount: '0.07', dueAt: '1970-01-02T00:00:00Z', occurrence: 2, occurrences: 3, status: 'scheduled' });
  });
});

describe('tracing one event', () => {
  it('stopping after the traced event gives the same trace as replaying everything (demo set, cascades included)', () => {
    const { program: prog, events } = load('demo.program.json', 'demo.events.json');
    const full = replay(prog, events, { trace: true });
    const withCascade = full.trace!.filter((t) => t.cascadeOf !== undefined).map((t) => t.cascadeOf!);
    expect(withCascade.length).toBeGreaterThan(0);
    const ids = [...new Set([...withCascade.slice(0, 3), ...events.events.filter((_, i) => i % 500 === 7).map((e) => e.id!)])];
    for (const id of ids) {
      const want = full.trace!.filter((t) => t.eventId === id || t.cascadeOf === id);
      const got = replay(prog, events, { traceEventIds: new Set([id]), stopAfterTraced: true }).trace!.filter((t) => t.eventId === id || t.cascadeOf === id);
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(want);
    }
    expect(replay(prog, events, { traceEventIds: new Set(['no such event']), stopAfterTraced: true }).trace).toEqual([]);
  });
});

/**
 * Drip periods are bounded (FORMATS; issue 12 item 7): occurrences 1–1000, and delay +
 * (occurrences − 1) × cycle spans at most 100 years. Beyond that the trigger is invalid, named
 * by path; a replay or a preview never meets such a drip with an internal error.
 */
import { describe, expect, it } from 'vitest';
import { customer, eventSet, program, run, sale, trigger, type Json } from './test-helpers';
import { blockingIssues, dripIssues, validateProgram } from './validate';
import type { CalendarUnit } from './time';

const p = (count: number, unit: CalendarUnit) => ({ count, unit });
const dripAction = (drip: Json): Json => ({ type: 'drip', offer: { description: 'd', type: 'flat', amount: '1.00', currency: 'USD' }, drip });

describe('drip bounds', () => {
  it.each([
    ['100 years of delay', { delay: p(100, 'year'), occurrences: 1 }],
    ['1200 months of cycles', { delay: p(0, 'day'), cycle: p(12, 'month'), occurrences: 101 }],
    ['36524 days (100 Gregorian years are 36524.25 days)', { delay: p(36_524, 'day'), occurrences: 1 }],
    ['1000 weekly occurrences', { delay: p(0, 'day'), cycle: p(1, 'week'), occurrences: 1000 }],
    ['mixed: 50 years delay and 600 monthly cycles', { delay: p(50, 'year'), cycle: p(1, 'month'), occurrences: 601 }],
  ])('%s is within the bound', (_label, drip) => {
    expect(dripIssues(drip as never)).toEqual([]);
  });

  it.each([
    ['a delay of 10^15 days', { delay: p(1e15, 'day'), occurrences: 1 }, 'delay.count'],
    ['300,000 years of delay', { delay: p(300_000, 'year'), occurrences: 1 }, 'delay.count'],
    ['36525 days', { delay: p(36_525, 'day'), occurrences: 1 }, 'delay.count'],
    ['101 years of yearly cycles', { delay: p(1, 'year'), cycle: p(1, 'year'), occurrences: 101 }, 'cycle.count'],
    ['a cycle of 10^15 days', { delay: p(0, 'day'), cycle: p(1e15, 'day'), occurrences: 2 }, 'cycle.count'],
    ['1001 occurrences', { delay: p(0, 'day'), cycle: p(1, 'day'), occurrences: 1001 }, 'occurrences'],
  ])('%s is invalid, named by path', (_label, drip, path) => {
    const prog = program({ triggers: [trigger('long', { action: dripAction(drip) })] });
    const issues = blockingIssues(prog, validateProgram(prog));
    expect(issues.map((i) => i.path)).toEqual([`triggers[0].action.drip.${path}`]);
  });

  it('the longest drip allowed replays without an error', () => {
    const prog = program({ triggers: [trigger('long', { action: dripAction({ delay: p(0, 'day'), cycle: p(1, 'month'), occurrences: 1000 }) })] });
    expect(blockingIssues(prog, validateProgram(prog))).toEqual([]);
    const r = run(prog, eventSet([customer('c1'), sale('c1', '5.00', '2026-02-02T00:00:00Z')]));
    expect(r.rewards).toHaveLength(1000);
    expect(r.rewards.at(-1)?.dueAt).toBe('2109-05-02T00:00:00Z');
  });
});

describe('huge periods (fuzz)', () => {
  it('a drip is either within the bounds and schedules without an error, or invalid naming a drip path', async () => {
    const fc = (await import('fast-check')).default;
    const { dripDueTimes } = await import('./drip');
    const { Zone } = await import('./time');
    const zones = ['UTC', 'America/New_York', 'Australia/Lord_Howe'].map((z) => new Zone(z));
    // Counts spread over 0 … 10^16, so both sides of the bound and far past it are drawn.
    const count = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 16 }).chain((e) => fc.integer({ min: 0, max: 9 }).map((m) => m * 10 ** e)), fc.integer({ min: 36_000, max: 37_000 }));
    const unit = fc.constantFrom<CalendarUnit>('day', 'week', 'month', 'year');
    const drip = fc.record({ delay: fc.record({ count, unit }), cycle: fc.record({ count: count.map((c) => Math.max(1, c)), unit }), occurrences: fc.integer({ min: 1, max: 1000 }), split: fc.boolean() });
    const HUNDRED_YEARS_AND_A_DAY = 36_526 * 86_400_000;
    fc.assert(
      fc.property(drip, fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (d, zone, moment) => {
        const issues = dripIssues(d);
        if (issues.length > 0) {
          for (const i of issues) expect(['delay.count', 'cycle.count', 'occurrences']).toContain(i.path);
          return;
        }
        const dues = dripDueTimes(zone, d, moment);
        expect(dues).toHaveLength(d.occurrences);
        for (const due of dues) {
          expect(Number.isFinite(due)).toBe(true);
          expect(due - moment).toBeLessThanOrEqual(HUNDRED_YEARS_AND_A_DAY);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 0) || 300, seed: 7 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { Action } from '@engine/formats/program-schema';
import { countRules, lockedParts, readActivationMoment } from './activation-model';
import { newRule } from './inspector-model';

const rule = newRule('transaction.created');
const reward = { type: 'reward' } as Action;

describe('countRules', () => {
  it('counts the rules inside nested groups, not the groups', () => {
    expect(countRules(undefined)).toBe(0);
    expect(countRules(rule)).toBe(1);
    expect(countRules({ all: [rule, { any: [rule, rule] }, { all: [] }] })).toBe(3);
  });
});

describe('lockedParts', () => {
  it('names the event, the rules and the action type', () => {
    expect(lockedParts({ event: 'transaction.created', rules: { all: [rule, rule] }, action: reward })).toEqual(['The event: A transaction is created', 'The rules: 2 rules, as drawn', 'The action type: Generate a reward']);
  });
  it('says one rule in the singular, and no rules as firing on every such event', () => {
    expect(lockedParts({ event: 'transaction.created', rules: rule, action: reward })[1]).toBe('The rules: 1 rule, as drawn');
    expect(lockedParts({ event: 'transaction.created', action: reward })[1]).toBe('The rules: none (it fires on every such event)');
  });
});

describe('readActivationMoment', () => {
  it('reads a date and a typed time in the zone as a UTC instant', () => {
    expect(readActivationMoment('2026-03-01', '0:00', 'America/New_York')).toEqual({ instant: '2026-03-01T05:00:00Z', note: null });
    expect(readActivationMoment('2026-03-01', '0930', 'UTC')).toEqual({ instant: '2026-03-01T09:30:00Z', note: null });
  });
  it('asks for the date first, then for a time it can read', () => {
    expect(readActivationMoment(null, 'nonsense', 'UTC')).toEqual({ problem: 'Enter the date' });
    expect(readActivationMoment('2026-03-01', '25:00', 'UTC')).toEqual({ problem: 'Enter the time as HH:MM (24-hour), for example 09:30' });
  });
  it('passes on what the zone says of a skipped wall-clock time', () => {
    const r = readActivationMoment('2026-03-08', '02:30', 'America/New_York');
    expect('problem' in r && r.problem).toMatch(/does not exist on 2026-03-08/);
  });
});

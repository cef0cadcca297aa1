import { describe, expect, it } from 'vitest';
import { compare, exceedsIncrease, increasePercent, parseMaxIncrease } from './compare';
import { parseEventSet, parseProgram } from './formats/read';
import { replay } from './replay/replay';
import { compareFixture } from './compare.fixture';

describe('compare', () => {
  const { a, b, events } = compareFixture();
  const pa = parseProgram(a, 'a.json');
  const pb = parseProgram(b, 'b.json');
  const ev = parseEventSet(events, 'events.json');
  const c = compare({ program: pa, report: replay(pa, ev) }, { program: pb, report: replay(pb, ev) });

  it('totals: A pays 10% + $5 per sale, B 20% + $5 (hand-computed)', () => {
    // Sales 100, 50 (p1) and 1000 (p2): A = 15 + 115 = 130.00, B = 35 + 210 = 245.00.
    expect(c.a).toMatchObject({ program: 'A', rewards: 6, rewardsUsd: '130.00', tagsApplied: 0 });
    expect(c.b).toMatchObject({ program: 'B', rewards: 6, rewardsUsd: '245.00', tagsApplied: 2 });
    expect(c.delta).toEqual({ rewards: 0, rewardsUsd: '115.00', groupChanges: 0, tagsApplied: 2, rejected: 0, increasePercent: '88.46' });
  });

  it('matches triggers by id, then by a unique name; the rest stand alone', () => {
    expect(c.triggers.map((t) => [t.matchedBy, t.a?.id ?? null, t.b?.id ?? null, t.deltaUsd])).toEqual([
      ['id', 'pct', 'pct', '115.00'],
      ['name', 'flat', 'flat-v2', '0.00'],
      [null, 'a-only', null, '0.00'],
      [null, null, 'tag-big', '0.00'],
    ]);
    expect(c.triggers[0]?.a).toMatchObject({ rewards: 3, rewardsUsd: '115.00' });
    expect(c.triggers[0]?.b).toMatchObject({ rewards: 3, rewardsUsd: '230.00' });
    expect(c.triggers[3]?.b).toMatchObject({ rewards: 0, tagsApplied: 2 });
  });

  it('per partner: largest move first', () => {
    expect(c.partners).toEqual([
      { partnerKey: 'p2', aUsd: '105.00', bUsd: '205.00', deltaUsd: '100.00', aRewards: 2, bRewards: 2 },
      { partnerKey: 'p1', aUsd: '25.00', bUsd: '40.00', deltaUsd: '15.00', aRewards: 4, bRewards: 4 },
    ]);
  });

  it('per month of due date, in A’s time zone', () => {
    expect(c.months).toEqual([
      { month: '2026-01', aUsd: '15.00', bUsd: '25.00', deltaUsd: '10.00' },
      { month: '2026-02', aUsd: '115.00', bUsd: '220.00', deltaUsd: '105.00' },
    ]);
  });

  it('lists partners whose final tags differ', () => {
    expect(c.partnerStates).toEqual([
      { partnerKey: 'p1', a: { group: 'default', tags: [] }, b: { group: 'default', tags: ['big'] } },
      { partnerKey: 'p2', a: { group: 'default', tags: [] }, b: { group: 'default', tags: ['big'] } },
    ]);
  });

  it('a program against itself has no delta', () => {
    const self = compare({ program: pa, report: replay(pa, ev) }, { program: pa, report: replay(pa, ev) });
    expect(self.delta).toEqual({ rewards: 0, rewardsUsd: '0.00', groupChanges: 0, tagsApplied: 0, rejected: 0, increasePercent: '0.00' });
    expect(self.partners).toEqual([]);
    expect(self.partnerStates).toEqual([]);
  });

  it('--max-increase: exceeded strictly above the limit (115 / 130 = 88.4615…%)', () => {
    const at = (s: string): boolean => exceedsIncrease(c, parseMaxIncrease(s) ?? { units: -1n, scale: 0 });
    expect(at('5%')).toBe(true);
    expect(at('88.46%')).toBe(true);
    expect(at('88.47%')).toBe(false);
    expect(at('100%')).toBe(false);
    for (const bad of ['5', '-5%', '5 %', 'abc%', '']) expect(parseMaxIncrease(bad)).toBeNull();
  });

  it('increasePercent rounds half away from zero and is null from nothing', () => {
    expect(increasePercent(3n, 4n)).toBe('33.33');
    expect(increasePercent(3n, 5n)).toBe('66.67');
    expect(increasePercent(200n, 100n)).toBe('-50.00');
    expect(increasePercent(0n, 100n)).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textDepth, valueDepth } from './depth';

/** The obvious recursive definition, for comparison (fine for the small values generated here). */
function reference(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  const kids = Array.isArray(v) ? v : Object.values(v);
  return 1 + kids.reduce<number>((m, x) => Math.max(m, reference(x)), 0);
}

describe('nesting depth', () => {
  it('valueDepth and textDepth agree with the recursive definition on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), (v) => {
        expect(valueDepth(v, 1000)).toBe(reference(v));
        expect(textDepth(JSON.stringify(v), 1000)).toBe(reference(v));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it('stops past the limit, and counts nothing but containers', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = i % 2 ? [deep] : { k: deep };
    expect(valueDepth(deep, 200)).toBe(201);
    expect(textDepth(`${'[{"k":'.repeat(2500)}1${'}]'.repeat(2500)}`, 200)).toBe(201);
    expect(valueDepth('text', 5)).toBe(0);
    expect(valueDepth({ a: '[[[[', b: [1, 2, { c: null }] }, 5)).toBe(3);
    expect(textDepth('{"a":"[[[[\\"","b":[1,2,{"c":null}]}', 5)).toBe(3);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, textDepth, valueDepth } from './depth';

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

describe('a file nested past the reader\'s limit', () => {
  it('is refused naming the path where the reader stopped', async () => {
    const { parseProgram } = await import('./read');
    const { InputError } = await import('./issues');
    let node: unknown = { object: 'partnership', field: 'group', op: 'equal_to', value: 'g' };
    for (let i = 0; i < 150; i++) node = { all: [node] };
    const value = { format: 'offerflow.program/1', name: 'x', triggers: [{ id: 't', rules: node }] };
    let caught: unknown;
    try {
      parseProgram(value, 'deep.json');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    const issue = (caught as InstanceType<typeof InputError>).issues[0]!;
    // Depth 201 is reached inside rules: root 1, triggers 2, trigger 3, then two levels per block.
    expect(issue.path).toBe(`triggers[0].rules${'.all[0]'.repeat(98)}.all`);
    expect(issue.message).toBe(`is nested more than ${MAX_JSON_DEPTH} levels deep`);
  });
});

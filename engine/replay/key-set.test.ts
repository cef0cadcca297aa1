import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeySet } from './key-set';

describe('KeySet', () => {
  it('behaves like Set<string> under any mix of add, delete and has (growth and deletion markers included)', () => {
    const op = fc.tuple(fc.constantFrom('add', 'add', 'add', 'delete', 'has'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 5000 }).map((n) => `tx${n}`)));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 6000 }), (ops) => {
        const mine = new KeySet();
        const ref = new Set<string>();
        for (const [what, key] of ops) {
          if (what === 'add') {
            const had = ref.has(key);
            ref.add(key);
            expect(mine.add(key)).toBe(!had);
          } else if (what === 'delete') expect(mine.delete(key)).toBe(ref.delete(key));
          else expect(mine.has(key)).toBe(ref.has(key));
          expect(mine.size).toBe(ref.size);
        }
        for (const key of ref) expect(mine.has(key)).toBe(true);
      }),
      { numRuns: 60, seed: 23 },
    );
  });

  it('holds many keys, and keys whose hashes collide stay apart', () => {
    const s = new KeySet();
    for (let i = 0; i < 300_000; i++) expect(s.add(`k${i}`)).toBe(true);
    expect(s.size).toBe(300_000);
    expect(s.add('k299999')).toBe(false);
    expect(s.has('k300000')).toBe(false);
    // Two keys with the same FNV-1a hash (found by search): equal hashes must still compare keys.
    const hash = (key: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
      return h | 0;
    };
    const [a, b] = ['c693596', 'c1170850'];
    expect(hash(a)).toBe(hash(b));
    const t = new KeySet();
    expect(t.add(a)).toBe(true);
    expect(t.has(b)).toBe(false);
    expect(t.add(b)).toBe(true);
    expect(t.delete(a)).toBe(true);
    expect(t.has(b)).toBe(true);
    expect(t.has(a)).toBe(false);
  });
});

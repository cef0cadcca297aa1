// The contract is declared by area and merged by spreading: a channel declared in two areas
// would silently keep only the last one, so the areas must not overlap and together make it.
import { describe, expect, it } from 'vitest';
import { CHANNELS, CONTRACT_AREAS, contract } from './contract';

describe('the contract table', () => {
  it('is exactly the union of its areas, no channel declared twice', () => {
    const declared = Object.values(CONTRACT_AREAS).flatMap((area) => Object.keys(area));
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual([...CHANNELS].sort());
  });

  it('gives every channel an argument schema and a result schema', () => {
    for (const c of CHANNELS) {
      expect(typeof contract[c].args.safeParse, c).toBe('function');
      expect(typeof contract[c].result.safeParse, c).toBe('function');
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Program } from '@engine/formats/program-schema';
import { makeReadable } from './readable';

// The name lookup itself is tested in ui/name-lookup.test.ts; here, that Readable carries it.
const program = {
  triggers: [{ id: 'trigger-1', name: 'Bronze: $5 per sale' }],
  partners: [{ key: 'ana', name: 'Ana Studio' }],
  groups: [{ key: 'enterprise-resellers', name: 'Enterprise resellers' }],
  tiers: [{ key: 'plus', name: 'Plus' }],
  tags: [{ key: 'early-adopter', name: 'Early adopter' }],
} as unknown as Pick<Program, 'triggers' | 'partners' | 'groups' | 'tiers' | 'tags'>;

describe('makeReadable', () => {
  const r = makeReadable(program, 'America/New_York');
  it("reads the program's names, keys falling back to themselves", () => {
    expect([r.trigger('trigger-1'), r.partner('ana'), r.group('enterprise-resellers'), r.tier('plus'), r.tag('early-adopter')]).toEqual(['Bronze: $5 per sale', 'Ana Studio', 'Enterprise resellers', 'Plus', 'Early adopter']);
    expect([r.trigger('deleted-one'), r.group('gone')]).toEqual(['deleted-one', 'gone']);
  });
  it('writes instants in its zone', () => {
    expect(r.instant('2026-02-01T00:07:00Z')).toBe('Jan 31, 2026 19:07 EST');
    expect(makeReadable(program, 'UTC').instant('2026-02-01T00:07:00Z')).toBe('Feb 1, 2026 00:07 UTC');
  });
});

import { describe, expect, it } from 'vitest';
import type { Program } from '@engine/formats/program-schema';
import { makeReadable } from './readable';

const program = {
  triggers: [{ id: 'trigger-1', name: 'Bronze: $5 per sale' }, { id: 'trigger-2', name: '  ' }],
  partners: [{ key: 'ana', name: 'Ana Studio' }, { key: 'bo', name: '' }],
  groups: [{ key: 'enterprise-resellers', name: 'Enterprise resellers' }, { key: 'bare', name: ' ' }],
  tiers: [{ key: 'plus', name: 'Plus' }],
  tags: [{ key: 'early-adopter', name: 'Early adopter' }],
} as unknown as Pick<Program, 'triggers' | 'partners' | 'groups' | 'tiers' | 'tags'>;

describe('makeReadable', () => {
  const r = makeReadable(program, 'America/New_York');
  it('names triggers and partners, falling back to the id when there is no name', () => {
    expect(r.trigger('trigger-1')).toBe('Bronze: $5 per sale');
    expect(r.trigger('trigger-2')).toBe('trigger-2');
    expect(r.trigger('deleted-one')).toBe('deleted-one');
    expect(r.partner('ana')).toBe('Ana Studio');
    expect(r.partner('bo')).toBe('bo');
  });
  it('names groups, tiers and tags, falling back to the key', () => {
    expect([r.group('enterprise-resellers'), r.group('bare'), r.group('gone')]).toEqual(['Enterprise resellers', 'bare', 'gone']);
    expect([r.tier('plus'), r.tier('premier')]).toEqual(['Plus', 'premier']);
    expect([r.tag('early-adopter'), r.tag('vip')]).toEqual(['Early adopter', 'vip']);
  });
  it('writes instants in its zone', () => {
    expect(r.instant('2026-02-01T00:07:00Z')).toBe('Jan 31, 2026 19:07 EST');
    expect(makeReadable(program, 'UTC').instant('2026-02-01T00:07:00Z')).toBe('Feb 1, 2026 00:07 UTC');
  });
});

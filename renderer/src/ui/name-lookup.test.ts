import { describe, expect, it } from 'vitest';
import type { Program } from '@engine/formats/program-schema';
import { nameLookup } from './name-lookup';

const program = {
  triggers: [{ id: 'trigger-1', name: 'Bronze: $5 per sale' }, { id: 'trigger-2', name: '  ' }],
  partners: [{ key: 'ana', name: 'Ana Studio' }, { key: 'bo', name: '' }],
  groups: [{ key: 'enterprise-resellers', name: 'Enterprise resellers' }, { key: 'bare', name: ' ' }],
  tiers: [{ key: 'plus', name: 'Plus' }],
  tags: [{ key: 'early-adopter', name: 'Early adopter' }],
} as unknown as Pick<Program, 'triggers' | 'partners' | 'groups' | 'tiers' | 'tags'>;

describe('nameLookup', () => {
  const r = nameLookup(program);
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
  it('reads every key as itself before the program has loaded', () => {
    const none = nameLookup(undefined);
    expect([none.trigger('t'), none.partner('p'), none.group('g'), none.tier('x'), none.tag('y')]).toEqual(['t', 'p', 'g', 'x', 'y']);
  });
});

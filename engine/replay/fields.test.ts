// Field getters are keyed by the catalogue's own field type: every static catalogue field has
// one (checked at runtime below, and at compile time by the `@ts-expect-error` lines: if the
// getter tables accepted a missing or unknown field, those lines would stop being errors and
// `npm run typecheck` would fail on the unused directive).
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue';
import { Zone } from '../time';
import { contextGetter, objectGetter, OBJECT_GETTERS, type GetterTables } from './fields';
import { emptyContext, type PartnerState } from './state';

describe('catalogue field getters', () => {
  it('has a getter for every static catalogue field, and none for aggregates or unknown names', () => {
    const statics = CATALOGUE.filter((f) => f.kind !== 'aggregate_count' && f.kind !== 'aggregate_sum');
    expect(statics.length).toBeGreaterThan(20);
    for (const f of statics) expect(typeof objectGetter(f.object, f.field), `${f.object}.${f.field}`).toBe('function');
    for (const f of CATALOGUE.filter((x) => x.kind === 'aggregate_count' || x.kind === 'aggregate_sum')) expect(objectGetter(f.object, f.field), `${f.object}.${f.field}`).toBeUndefined();
    expect(objectGetter('partnership', 'constructor')).toBeUndefined();
    expect(objectGetter('deal', 'nope')).toBeUndefined();
  });

  it('reads each object from its place in the evaluation context, null when the event lacks it', () => {
    const zone = new Zone('UTC');
    const get = contextGetter('partnership', 'group', zone);
    const ctx = emptyContext();
    expect(get?.(ctx)).toBeNull();
    ctx.partner = { key: 'ana', group: 'gold', tags: [], tier: null, joinedMs: 0 } as unknown as PartnerState;
    expect(get?.(ctx)).toBe('gold');
    expect(contextGetter('lead', 'group', zone)).toBeNull();
  });

  it('does not compile a table missing a catalogue field, or with a field the catalogue lacks', () => {
    const { tier: _tier, ...withoutTier } = OBJECT_GETTERS.partnership;
    // @ts-expect-error `tier` is a static partnership field of the catalogue: its getter is required.
    const missing: GetterTables['partnership'] = withoutTier;
    const extra: GetterTables['deal'] = {
      ...OBJECT_GETTERS.deal,
      // @ts-expect-error `probability` is no deal field of the catalogue.
      probability: () => null,
    };
    expect(Object.keys(missing)).not.toContain('tier');
    expect(Object.keys(extra)).toContain('probability');
  });
});

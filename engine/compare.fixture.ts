/** Two small programs and an event set whose comparison is computed by hand in compare.test.ts. */
export function compareFixture(): { a: unknown; b: unknown; events: unknown } {
  const partners = [
    { key: 'p1', name: 'P one', group: 'default', tier: null, tags: [], joinedAt: '2025-01-01T00:00:00Z' },
    { key: 'p2', name: 'P two', group: 'default', tier: null, tags: [], joinedAt: '2025-01-01T00:00:00Z' },
  ];
  const pct = (percent: string) => ({ id: 'pct', name: 'Share of sales', event: 'transaction.created', status: 'active', action: { type: 'reward', offer: { description: `${percent}%`, type: 'percentage', percent } } });
  const flat = (id: string) => ({ id, name: 'Five per sale', event: 'transaction.created', status: 'active', action: { type: 'reward', offer: { description: '$5', type: 'flat', amount: '5.00', currency: 'USD' } } });
  const base = { format: 'offerflow.program/1', timeZone: 'UTC', groups: [{ key: 'default', name: 'Default' }], tags: [{ key: 'big', name: 'Big' }], partners };
  const aOnly = { id: 'a-only', name: 'Never fires', event: 'lead.closed', status: 'active', action: { type: 'apply_tag', tag: 'big' } };
  const tagBig = { id: 'tag-big', name: 'Tag buyers', event: 'transaction.created', status: 'active', action: { type: 'apply_tag', tag: 'big' } };
  const a = { ...base, name: 'A', triggers: [pct('10'), flat('flat'), aOnly] };
  const b = { ...base, name: 'B', triggers: [pct('20'), flat('flat-v2'), tagBig] };
  const tx = (id: string, at: string, customerKey: string, amount: string) => ({ id, type: 'transaction.created', at, transaction: { key: id, customerKey, amount, currency: 'USD' } });
  const events = {
    format: 'offerflow.events/1',
    name: 'three sales',
    events: [
      { id: 'c1', type: 'customer.created', at: '2026-01-01T00:00:00Z', customer: { key: 'c1', partnerKey: 'p1' } },
      { id: 'c2', type: 'customer.created', at: '2026-01-01T00:00:00Z', customer: { key: 'c2', partnerKey: 'p2' } },
      tx('t1', '2026-01-15T00:00:00Z', 'c1', '100.00'),
      tx('t2', '2026-02-10T00:00:00Z', 'c1', '50.00'),
      tx('t3', '2026-02-20T00:00:00Z', 'c2', '1000.00'),
    ],
  };
  return { a, b, events };
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { example, testService, type TestService } from '../test-helpers';

let s: TestService;
beforeEach(() => {
  s = testService();
});
afterEach(async () => s.dispose());

describe('programs', () => {
  it('exports what it imported and re-imports it identically', async () => {
    const doc = await s.call('programs.import', { text: example('seed-and-or.program.json'), fileName: 'p.json' });
    const file = await s.call('programs.export', { programId: doc.id });
    expect(file.fileName).toMatch(/\.program\.json$/);
    const again = await s.call('programs.import', { text: file.text, fileName: file.fileName });
    expect(again.program).toEqual(doc.program);
    expect((await s.call('programs.list', {})).length).toBe(2);
  });

  it('stores nothing when the file is invalid, and lists every issue by path', async () => {
    const text = example('seed-and-or.program.json').replace('"equal_to"', '"equals"');
    const r = await s.dispatch('programs.import', { text, fileName: 'bad.json' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0]?.path).toMatch(/^triggers\[0\]\.rules/);
    const broken = await s.dispatch('programs.import', { text: '{ "format": ', fileName: 'broken.json' });
    expect(broken.ok ? null : broken.error.message).toMatch(/invalid JSON/);
    expect(await s.call('programs.list', {})).toEqual([]);
  });

  it('creates, renames, duplicates and deletes', async () => {
    const p = await s.call('programs.create', { name: 'Acme' });
    expect(p.program).toMatchObject({ name: 'Acme', timeZone: 'UTC', triggers: [] });
    await s.call('programs.rename', { programId: p.id, name: 'Acme 2' });
    const d = await s.call('programs.duplicate', { programId: p.id });
    expect(d.program.name).toBe('Acme 2 (copy)');
    await s.call('programs.delete', { programId: p.id });
    expect((await s.call('programs.list', {})).map((x) => x.id)).toEqual([d.id]);
  });

  it('names the argument field that is wrong', async () => {
    const r = await s.dispatch('programs.create', { name: '' });
    expect(r.ok ? null : r.error).toMatchObject({ field: 'name' });
    const u = await s.dispatch('programs.create', { name: 'x', extra: 1 });
    expect(u.ok).toBe(false);
    const c = await s.dispatch('no.such.channel', {});
    expect(c.ok ? null : c.error.field).toBe('channel');
  });

  it('refuses settings that would break an active trigger, and accepts others', async () => {
    const doc = await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
    const r = await s.dispatch('programs.updateSettings', { programId: doc.id, groups: [{ key: 'bronze', name: 'Bronze' }] });
    expect(r.ok ? null : r.error.message).toMatch(/would make the program invalid/);
    const ok = await s.call('programs.updateSettings', { programId: doc.id, timeZone: 'Europe/Paris', fxRates: { EUR: '1.08' } });
    expect(ok.program).toMatchObject({ timeZone: 'Europe/Paris', fxRates: { EUR: '1.08' } });
    const tz = await s.dispatch('programs.updateSettings', { programId: doc.id, timeZone: 'Mars/Olympus' });
    expect(tz.ok ? null : tz.error.field).toBe('settings.timeZone');
  });

  it('upserts, renames and imports partners; CSV problems name line and column', async () => {
    const doc = await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
    await s.call('partners.upsert', { programId: doc.id, partner: { key: 'bo', name: 'Bo', group: 'silver', joinedAt: '2026-01-01T00:00:00Z' } });
    await s.call('partners.upsert', { programId: doc.id, previousKey: 'bo', partner: { key: 'bob', name: 'Bob', group: 'silver', joinedAt: '2026-01-01T00:00:00Z' } });
    const csv = 'key,name,group,tier,tags,joinedAt\ncy,Cy,bronze,,,2026-01-03T00:00:00Z\n';
    expect(await s.call('partners.importCsv', { programId: doc.id, text: csv })).toEqual({ imported: 1 });
    const keys = (await s.call('programs.get', { programId: doc.id })).program.partners.map((p) => p.key);
    expect(keys).toEqual(['ana', 'bob', 'cy']);
    const bad = await s.dispatch('partners.importCsv', { programId: doc.id, text: 'key,name,group,tier,tags,joinedAt\ndee,Dee,,,,yesterday\n' });
    expect(bad.ok ? null : bad.error.issues?.[0]?.path).toBe('line 2, column joinedAt');
    const unknownGroup = await s.dispatch('partners.upsert', { programId: doc.id, partner: { key: 'x', group: 'gold', joinedAt: '2026-01-01T00:00:00Z' } });
    expect(unknownGroup.ok).toBe(false);
  });

  it('previews drips and visibility', async () => {
    const doc = await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
    const drip = await s.call('drip.preview', {
      programId: doc.id,
      drip: { delay: { count: 30, unit: 'day' }, cycle: { count: 1, unit: 'month' }, occurrences: 3, split: true },
      offer: { description: 'x', type: 'flat', amount: '10.00', currency: 'USD' },
      exampleAt: '2026-01-31T12:00:00Z',
    });
    expect(drip.occurrences.map((o) => [o.dueAt.slice(0, 10), o.amount])).toEqual([['2026-03-02', '3.33'], ['2026-04-02', '3.33'], ['2026-05-02', '3.34']]);
    const noRate = await s.dispatch('drip.preview', { programId: doc.id, drip: { delay: { count: 0, unit: 'day' }, occurrences: 1 }, offer: { description: 'x', type: 'flat', amount: '10.00', currency: 'EUR' }, exampleAt: '2026-01-31T12:00:00Z' });
    expect(noRate.ok ? null : noRate.error.field).toBe('offer.currency');
    // Drip bounds and a non-positive offer are refused by field, never an internal error (FORMATS).
    const flat = { description: 'x', type: 'flat', amount: '10.00', currency: 'USD' };
    for (const [drip, offer, field] of [
      [{ delay: { count: 1e15, unit: 'day' }, occurrences: 1 }, flat, 'drip.delay.count'],
      [{ delay: { count: 0, unit: 'day' }, cycle: { count: 300_000, unit: 'year' }, occurrences: 2 }, flat, 'drip.cycle.count'],
      [{ delay: { count: 0, unit: 'day' }, cycle: { count: 1, unit: 'day' }, occurrences: 1001 }, flat, 'drip.occurrences'],
      [{ delay: { count: 0, unit: 'day' }, occurrences: 1 }, { ...flat, amount: '0' }, 'offer.amount'],
    ] as const) {
      const r = await s.dispatch('drip.preview', { programId: doc.id, drip, offer, exampleAt: '2026-01-31T12:00:00Z' });
      expect(r.ok ? null : r.error.field).toBe(field);
    }
    const vis = await s.call('visibility.get', { programId: doc.id });
    expect(vis.partners[0]).toMatchObject({ key: 'ana', visible: ['bronze-offer'] });
  });

  it('imports event sets from JSON and CSV, and stores nothing on error', async () => {
    const doc = await s.call('programs.create', { name: 'x' });
    const csv = 'id,type,at,partnerKey,key\ne1,partner.created,2026-01-01T00:00:00Z,,p1\n';
    const set = await s.call('eventSets.import', { programId: doc.id, fileName: 'e.CSV', text: csv });
    expect(set).toMatchObject({ source: 'csv', eventCount: 1 });
    const bad = await s.dispatch('eventSets.import', { programId: doc.id, fileName: 'e.csv', text: 'id,type,at\ne1,nope,2026-01-01T00:00:00Z\n' });
    expect(bad.ok ? null : bad.error.issues?.[0]?.path).toMatch(/line 2/);
    expect((await s.call('eventSets.list', { programId: doc.id })).length).toBe(1);
  });
});

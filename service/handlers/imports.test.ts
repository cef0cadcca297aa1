/**
 * The app's import (issue 18): files into a draft, a preview that is the importer's own report
 * and stores nothing, then a commit that stores exactly the previewed set (and the PartnerStack
 * skeleton when asked). Malformed files are refused naming the file and the JSON path or line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPartnerStack } from '../../engine/imports/partnerstack';
import { summaryLine } from '../../engine/imports/report';
import { importStripe } from '../../engine/imports/stripe';
import { disposeIfCreated, testService, type TestService } from '../test-helpers';

const SAMPLES = path.resolve(import.meta.dirname, '../../resources/samples/imports');
const filesOf = (dir: string) =>
  fs
    .readdirSync(path.join(SAMPLES, dir))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(SAMPLES, dir, name), 'utf8') }));

let s: TestService | undefined;
afterEach(() => disposeIfCreated(s));

async function started() {
  s = testService();
  const doc = await s.call('programs.import', { text: fs.readFileSync(path.resolve(SAMPLES, '../demo.program.json'), 'utf8'), fileName: 'demo.program.json' });
  return { svc: s, programId: doc.id };
}

async function draftOf(svc: TestService, files: { name: string; text: string }[], role: 'source' | 'partners' = 'source', draftId?: string): Promise<string> {
  let id = draftId;
  for (const f of files) id = (await svc.call('imports.addFile', { ...(id ? { draftId: id } : {}), role, fileName: f.name, text: f.text })).draftId;
  return id ?? '';
}

describe('imports (the app side of offerflow import)', () => {
  it('previews a PartnerStack export with the importer’s report, stores nothing, then commits set and skeleton', async () => {
    const { svc, programId } = await started();
    const files = filesOf('partnerstack');
    const draftId = await draftOf(svc, files);
    const before = { sets: await svc.call('eventSets.list', { programId }), programs: await svc.call('programs.list', {}) };
    const preview = await svc.call('imports.preview', { draftId, source: 'partnerstack' });
    const engine = importPartnerStack(files);
    expect(preview.report).toEqual(engine.report);
    expect(preview.summary).toBe(summaryLine(engine.report));
    expect(preview.eventCount).toBe(engine.events.length);
    expect(preview.skeleton?.partners).toBe((engine.program.partners as unknown[]).length);
    expect(await svc.call('eventSets.list', { programId })).toEqual(before.sets);
    expect(await svc.call('programs.list', {})).toEqual(before.programs);

    const done = await svc.call('imports.commit', { draftId, programId, createProgram: true });
    expect(done.eventSet).toMatchObject({ programId, name: 'Imported from PartnerStack', eventCount: engine.events.length });
    expect(done.program).toMatchObject({ name: 'PartnerStack import', partnerCount: (engine.program.partners as unknown[]).length });
    expect((await svc.call('programs.list', {})).length).toBe(before.programs.length + 1);
    const r = await svc.dispatch('imports.commit', { draftId, programId, createProgram: false });
    expect(r.ok ? null : r.error.field).toBe('draftId');
  });

  it('passes the Stripe options (invoices, partners from a PartnerStack export) to the importer', async () => {
    const { svc, programId } = await started();
    const stripe = filesOf('stripe');
    const partners = filesOf('partnerstack');
    const draftId = await draftOf(svc, partners, 'partners', await draftOf(svc, stripe));
    for (const transactions of ['charges', 'invoices'] as const) {
      const preview = await svc.call('imports.preview', { draftId, source: 'stripe', transactions });
      expect(preview.report).toEqual(importStripe(stripe, { transactions, partnersFrom: partners }).report);
      expect(preview.skeleton).toBeNull();
    }
    const done = await svc.call('imports.commit', { draftId, programId });
    // The last preview (invoices) is what is stored.
    expect(done.eventSet.eventCount).toBe(importStripe(stripe, { transactions: 'invoices', partnersFrom: partners }).events.length);
    expect(done.program).toBeNull();
  });

  it('refuses a malformed file naming it and the path, and stores nothing', async () => {
    const { svc, programId } = await started();
    const files = filesOf('partnerstack').map((f) => (f.name === 'transactions.json' ? { ...f, text: f.text.replace(/"amount": -?\d+/, '"amount": "12.5"') } : f));
    const draftId = await draftOf(svc, files);
    const r = await svc.dispatch('imports.preview', { draftId, source: 'partnerstack' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/^transactions\.json is not a valid PartnerStack export: data\.items\[\d+\]\.amount /);
    expect(r.error.issues?.[0]?.path).toMatch(/^data\.items\[\d+\]\.amount$/);
    const commit = await svc.dispatch('imports.commit', { draftId, programId });
    expect(commit.ok ? '' : commit.error.message).toMatch(/preview the import first/);
    expect(await svc.call('eventSets.list', { programId })).toHaveLength(0);
  });

  it('names the JSON Lines line of a broken Stripe file', async () => {
    const { svc } = await started();
    const draftId = await draftOf(svc, [{ name: 'events.jsonl', text: '{"id":"evt_1","object":"event"}\n{"id": oops}\n' }]);
    const r = await svc.dispatch('imports.preview', { draftId, source: 'stripe' });
    expect(r.ok ? '' : r.error.message).toMatch(/^events\.jsonl is not a valid Stripe export: line 2, column \d+ /);
  });

  it('a discarded draft cannot be committed', async () => {
    const { svc, programId } = await started();
    const draftId = await draftOf(svc, filesOf('stripe'));
    await svc.call('imports.preview', { draftId, source: 'stripe' });
    expect(await svc.call('imports.discard', { draftId })).toEqual({ discarded: true });
    const r = await svc.dispatch('imports.commit', { draftId, programId });
    expect(r.ok ? null : r.error.field).toBe('draftId');
    expect(await svc.call('eventSets.list', { programId })).toHaveLength(0);
  });
});

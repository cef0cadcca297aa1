/**
 * Issue 4's "done when": a person builds the seed's 90-days-and-(3-months-or-enterprise) → 10%
 * trigger on the canvas, activates it, and finds its rewards in a replay of the sample events —
 * and the amounts are what the engine computes for the same inputs.
 */
import fs from 'node:fs';
import { parseEventSetText, parseProgramText } from '../engine/formats/read';
import { replay } from '../engine/replay/replay';
import { expect, test } from './fixtures';
import { EditorPage } from './models/editor-page';
import { buildSeedTrigger } from './models/seed-trigger';
import { WorkbenchModel } from './models/workbench';

const NAME = 'Onboarded partners: 10% (built on the canvas)';

test.use({ viewport: { width: 1280, height: 800 } });

test('a trigger built on the canvas and activated pays in the replay', async ({ page, api }) => {
  test.setTimeout(180_000);
  const ed = new EditorPage(page);
  await buildSeedTrigger(ed, NAME);
  await ed.activate();
  await expect(page.getByText(/^Locked: the trigger is activated/).first()).toBeVisible();

  const [summary] = await api.call('programs.list', {});
  const programId = summary!.id;
  const doc = await api.call('programs.get', { programId });
  const built = doc.program.triggers.find((t) => t.name === NAME)!;
  expect(built).toMatchObject({ status: 'active' });
  expect(built.activatedAt).toBeUndefined(); // fires for every event of a replay

  const wb = new WorkbenchModel(page);
  await wb.open('Replay workbench');
  await wb.pickEventSet(/Northwind, January to June 2026/);
  await wb.runToDone(1, 120_000);
  await page.getByRole('combobox', { name: 'Trigger' }).click();
  await page.getByRole('option', { name: NAME, exact: true }).click();
  // The filtered page loads after the pick: wait for its rows rather than reading at once.
  await expect.poll(async () => (await wb.visibleLedgerRows()).length, { timeout: 15_000 }).toBeGreaterThan(0);

  // The same program and events through the engine: the UI's count and total for this trigger agree.
  const sets = await api.call('eventSets.list', { programId });
  const set = sets.find((s) => /Northwind, January to June 2026/.test(s.name))!;
  const runs = await api.call('replay.runs', { programId });
  const ledger = await api.call('replay.ledger', { runId: runs[0]!.id, triggerId: built.id, limit: 5000 });
  const exported = (await api.call('programs.export', { programId })).text;
  const events = parseEventSetText(fs.readFileSync('resources/samples/demo.events.json', 'utf8'), 'demo.events.json');
  expect(set.eventCount).toBe(events.events.length);
  const report = replay(parseProgramText(exported), events);
  const mine = report.rewards.filter((r) => r.triggerId === built.id);
  expect(mine.length).toBeGreaterThan(0);
  expect(ledger.total).toBe(mine.length);
  expect(ledger.rows.map((r) => [r.eventId, r.amount, r.currency]).sort()).toEqual(mine.map((r) => [r.eventId, r.amount, r.currency]).sort());
  await expect(wb.ledgerTotals).toContainText(String(mine.length));
});

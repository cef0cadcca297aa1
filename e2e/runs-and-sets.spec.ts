/**
 * Runs and event sets as a person keeps them: name and annotate (Escape cancels), delete only
 * after a confirm, a run's program snapshot against the program now, and two runs compared
 * across a program change. Screenshots of the screen at both sizes and themes.
 */
import { expect, test, type Api } from './fixtures';
import { shootScreens } from './models/screens';

async function runDone(api: Api, programId: string, eventSetId: string): Promise<string> {
  const { runId } = await api.call('replay.start', { programId, eventSetId });
  await expect.poll(async () => (await api.call('replay.progress', { runId })).status, { timeout: 60_000 }).toBe('done');
  return runId;
}

test('name, annotate, snapshot, compare and delete runs and event sets', async ({ page, api }) => {
  test.setTimeout(180_000);
  const [program] = await api.call('programs.list', {});
  const programId = program!.id;
  const sets = await api.call('eventSets.list', { programId });
  const demo = sets.find((s) => !s.hasExpectations && s.source === 'json') ?? sets[0]!;
  await runDone(api, programId, demo.id);
  // A design change between the runs: Silver pays $12 instead of $10.
  const doc = await api.call('programs.get', { programId });
  const silver = doc.program.triggers.find((t) => t.id === 'silver-sale')!;
  if (silver.action.type !== 'reward') throw new Error('silver-sale is a reward trigger in the demo program');
  await api.call('triggers.update', { programId, triggerId: silver.id, trigger: { ...silver, action: { ...silver.action, offer: { ...silver.action.offer, amount: '12.00' } } } });
  await runDone(api, programId, demo.id);

  await page.reload();
  await page.getByRole('button', { name: /^Runs & event sets/ }).click();
  await expect(page.getByRole('banner').getByRole('heading', { name: 'Runs & event sets' })).toBeVisible();
  const runs = page.getByRole('table', { name: 'Runs' });
  await expect(runs.getByRole('row')).toHaveCount(3);

  // Escape leaves the name as it was.
  await page.getByRole('button', { name: 'Name or annotate Run 1' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Thrown away');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(runs).not.toContainText('Thrown away');

  await page.getByRole('button', { name: 'Name or annotate Run 1' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Before Silver $12');
  await page.getByRole('dialog').getByLabel('Note').fill('Baseline: Silver paid $10 a sale.');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(runs.getByRole('row', { name: /Before Silver \$12/ })).toContainText('Baseline: Silver paid $10 a sale.');

  // Leave and come back: the name is stored, and the sidebar shows it too.
  await page.getByRole('button', { name: /^Replay workbench/ }).click();
  await page.getByRole('button', { name: /^Runs & event sets/ }).click();
  await expect(runs).toContainText('Before Silver $12');
  await expect(page.getByRole('navigation', { name: 'Navigator' })).toContainText('Before Silver $12', { timeout: 10_000 });

  // The first run's snapshot: Silver was replayed at the version before the change.
  await page.getByRole('button', { name: 'Program snapshot of Before Silver $12' }).click();
  const snap = page.getByRole('region', { name: 'Program snapshot' });
  const v = silver.version ?? 1;
  await expect(snap.getByRole('row', { name: new RegExp(silver.name.replace(/[$]/g, '\\$')) })).toContainText(`v${v} · now v${v + 1}`);
  await expect(snap).toContainText('1 changed and 0 added since');

  // Compare: the trigger change, and the Silver rewards as changed.
  const compare = page.getByRole('region', { name: 'Compare two runs' });
  await expect(compare.getByRole('table', { name: 'Trigger changes' }).getByRole('row', { name: new RegExp(`v${v} · active v${v + 1} · active`) })).toContainText(silver.name);
  await expect(compare.getByRole('status', { name: 'Comparison summary' })).not.toContainText(' 0 changed');

  await shootScreens(page, 'runs-and-sets', test.info().outputDir, async () => {
    await expect(snap).toBeVisible();
  });

  // Rename the event set and give it a note; a blank name is refused on screen.
  const setsTable = page.getByRole('table', { name: 'Event sets' });
  await page.getByRole('button', { name: `Rename or annotate ${demo.name}` }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('  ');
  await expect(page.getByRole('dialog').getByText('A name is required')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Save' })).toBeDisabled();
  await page.getByRole('dialog').getByLabel('Name').fill('Demo Q1 (renamed)');
  await page.getByRole('dialog').getByLabel('Note').fill('Kept for the Silver change');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(setsTable.getByRole('row', { name: /Demo Q1 \(renamed\)/ })).toContainText('Kept for the Silver change');

  // Delete asks first; Cancel keeps it.
  await page.getByRole('button', { name: 'Delete Run 2' }).click();
  await expect(page.getByRole('dialog')).toContainText('cannot be undone');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(runs.getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete Run 2' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(runs.getByRole('row')).toHaveCount(2);
  expect((await api.call('replay.runs', { programId })).length).toBe(1);

  await page.getByRole('button', { name: 'Delete Demo Q1 (renamed)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  const setsRegion = page.getByRole('region', { name: 'Event sets' });
  await expect(setsRegion).toBeVisible();
  await expect(setsRegion).not.toContainText('Demo Q1 (renamed)');
  expect((await api.call('eventSets.list', { programId })).map((s) => s.id)).not.toContain(demo.id);
  // Its run stays, with its results.
  await expect(runs).toContainText('Before Silver $12');
});

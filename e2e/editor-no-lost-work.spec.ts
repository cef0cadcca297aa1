/**
 * Issue #14, "Found 1": unfinished work is never lost. An unfinished trigger survives leaving
 * the screen (nodes, connections, undo) and is saved as a draft as far as it reaches; a settings
 * edit asks before it is thrown away; Escape in "Add partner" asks before discarding the dialog.
 */
import { expect, test } from './fixtures';
import { EditorPage } from './models/editor-page';

test.use({ viewport: { width: 1280, height: 800 } });

test('an unfinished trigger survives leaving the screen, is saved as a draft, and undo still works', async ({ page, api }) => {
  const ed = new EditorPage(page);
  await ed.newTrigger('A transaction is created');
  await ed.inspector.getByLabel('Trigger name (internal)').fill('Half built');
  // Cut the dashed "then" connection, then drop an OR block and a rule that connect to nothing.
  await page.getByTestId('rf__edge-e:n1->action').locator('.react-flow__edge-textbg').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('rf__edge-e:n1->action')).toHaveCount(0);
  await ed.dropFromPalette('OR block', 500, 420);
  await ed.dropFromPalette('Rule', 700, 480);
  await expect(ed.node('n3')).toBeVisible();
  await expect(ed.saveState).toHaveAccessibleName(/^Save state: Draft saved \(not complete yet: Connect the top of the rule tree to the Action/);
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('2 nodes are not connected to the Event');

  // The store holds the draft as far as it reaches (the empty AND block), right away.
  const programId = (await api.call('programs.list', {}))[0]!.id;
  await expect.poll(async () => (await api.call('programs.get', { programId })).program.triggers.find((t) => t.name === 'Half built')?.rules).toEqual({ all: [] });

  await page.getByRole('button', { name: /^Partners/ }).click();
  await expect(page.getByRole('table', { name: 'Sample partners' })).toBeVisible();
  await page.getByRole('list', { name: 'A transaction is created', exact: true }).getByRole('button', { name: /^Half built/ }).click();
  for (const id of ['n1', 'n2', 'n3']) await expect(ed.node(id)).toBeVisible();
  await expect(page.getByTestId('rf__edge-e:event->n1')).toBeAttached();
  await expect(page.getByTestId('rf__edge-e:n1->action')).toHaveCount(0);
  // Undo survives the round trip: the last drop goes, then the one before it.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(ed.node('n3')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(ed.node('n2')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('rf__edge-e:n1->action')).toBeAttached();
  await ed.expectSaved();
});

test('an unsaved settings edit asks before it is thrown away', async ({ page, api }) => {
  const programId = (await api.call('programs.list', {}))[0]!.id;
  await page.getByRole('button', { name: /^Groups, tiers, tags & settings/ }).click();
  const groups = page.getByRole('region', { name: 'Groups' });
  await groups.getByLabel('Groups Name 1').fill('Bronze partners');
  await page.getByRole('button', { name: /^Partners/ }).click();
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(ask).toContainText('Groups has unsaved changes.');
  await ask.getByRole('button', { name: 'Stay' }).click();
  await expect(ask).toHaveCount(0);
  await expect(groups.getByLabel('Groups Name 1')).toHaveValue('Bronze partners');
  await groups.getByRole('button', { name: 'Save groups' }).click();
  await expect.poll(async () => (await api.call('programs.get', { programId })).program.groups[0]?.name).toBe('Bronze partners');
  // Saved: leaving no longer asks.
  await page.getByRole('button', { name: /^Partners/ }).click();
  await expect(page.getByRole('table', { name: 'Sample partners' })).toBeVisible();

  // Discard and leave: the edit is gone, the saved value stays.
  await page.getByRole('button', { name: /^Groups, tiers, tags & settings/ }).click();
  await groups.getByLabel('Groups Name 1').fill('Something else');
  await page.getByRole('button', { name: /^Partners/ }).click();
  await ask.getByRole('button', { name: 'Discard and leave' }).click();
  await expect(page.getByRole('table', { name: 'Sample partners' })).toBeVisible();
  await page.getByRole('button', { name: /^Groups, tiers, tags & settings/ }).click();
  await expect(groups.getByLabel('Groups Name 1')).toHaveValue('Bronze partners');
});

test('Escape in "Add partner" asks before throwing the filled dialog away', async ({ page, api }) => {
  const programId = (await api.call('programs.list', {}))[0]!.id;
  await page.getByRole('button', { name: /^Partners/ }).click();
  await page.getByRole('button', { name: 'Add partner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add sample partner' });
  await dialog.getByLabel('Key (case sensitive)').fill('zoe');
  await dialog.getByLabel('Name').fill('Zoe Referrals');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Discard this new partner?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(ask).toHaveCount(0);
  await expect(dialog.getByLabel('Name')).toHaveValue('Zoe Referrals');
  await dialog.getByRole('button', { name: 'Save partner' }).click();
  await expect(page.getByRole('table', { name: 'Sample partners' }).getByRole('row', { name: /Zoe Referrals/ })).toBeVisible();
  expect((await api.call('programs.get', { programId })).program.partners.some((p) => p.key === 'zoe')).toBe(true);

  // An untouched dialog closes on Escape without asking; a discarded one is really gone.
  await page.getByRole('button', { name: 'Add partner' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Add partner' }).click();
  await dialog.getByLabel('Key (case sensitive)').fill('temp');
  await page.keyboard.press('Escape');
  await ask.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await api.call('programs.get', { programId })).program.partners.some((p) => p.key === 'temp')).toBe(false);
});

test('a settings field with a bad value says so on the field, in words, and cannot be saved', async ({ page }) => {
  await page.getByRole('button', { name: /^Groups, tiers, tags & settings/ }).click();
  const fx = page.getByRole('region', { name: 'FX rates' });
  await fx.getByRole('button', { name: 'Add currency' }).click();
  const rows = await fx.getByLabel(/^FX rates Currency \d+$/).count();
  await fx.getByLabel(`FX rates Currency ${rows}`).fill('EUR');
  await fx.getByLabel(`FX rates USD per unit ${rows}`).fill('1,08');
  await expect(fx.getByText('EUR is already listed above')).toBeVisible();
  await expect(fx.getByText('FX rate for EUR must be a decimal number like 1.08 (a point, not a comma)')).toBeVisible();
  await expect(fx.getByRole('button', { name: 'Save FX rates' })).toBeDisabled();
  await fx.getByLabel(`FX rates Currency ${rows}`).fill('CHF');
  await fx.getByLabel(`FX rates USD per unit ${rows}`).fill('1.12');
  await expect(fx.getByRole('button', { name: 'Save FX rates' })).toBeEnabled();
  const groups = page.getByRole('region', { name: 'Groups' });
  await groups.getByLabel('Groups Key 1').fill('');
  await expect(groups.getByText('Enter a key (letters, digits, - or _)')).toBeVisible();
  await expect(groups.getByRole('button', { name: 'Save groups' })).toBeDisabled();
});

test('a date is typed as digits in the locale order, with the program time zone beside it', async ({ page, api }) => {
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const zone = (await api.call('programs.get', { programId })).program.timeZone;
  await page.getByRole('button', { name: /^Partners/ }).click();
  await page.getByRole('button', { name: 'Add partner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add sample partner' });
  await dialog.getByLabel('Key (case sensitive)').fill('jan31');
  const date = dialog.getByRole('textbox', { name: 'Joined the program on' });
  await expect(dialog.getByText(zone, { exact: true })).toBeVisible();
  await date.fill('');
  await date.pressSequentially('12312026x');
  await expect(dialog.getByText(/^Enter a date as MM\/DD\/YYYY, for example 01\/31\/2026/)).toBeVisible();
  await date.fill('');
  await date.pressSequentially('01312026');
  await date.blur();
  await expect(date).toHaveValue('01/31/2026');
  await dialog.getByRole('button', { name: 'Save partner' }).click();
  await expect(dialog).toHaveCount(0);
  const saved = (await api.call('programs.get', { programId })).program.partners.find((p) => p.key === 'jan31');
  // Midnight of 31 January in the sample's zone (New York, UTC−5 in winter).
  expect(zone).toBe('America/New_York');
  expect(saved?.joinedAt).toBe('2026-01-31T05:00:00Z');
});

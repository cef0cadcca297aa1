/** Programs (create, rename, duplicate, export, import, delete) and program data editors. */
import fs from 'node:fs';
import { expect, test } from './fixtures';

test('programs: create, rename, export, import, duplicate, delete', async ({ page, api }) => {
  const menu = async (item: string) => {
    await page.getByRole('button', { name: 'Program actions' }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  const program = page.getByRole('combobox', { name: 'Program' });
  await menu('New program…');
  await page.getByRole('dialog').getByLabel('Name').fill('Scratch program');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(program).toHaveText('Scratch program');
  await menu('Rename…');
  await page.getByRole('dialog').getByLabel('Name').fill('Renamed program');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(program).toHaveText('Renamed program');

  const download = page.waitForEvent('download');
  await menu('Export program file');
  const file = await (await download).path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; name: string };
  expect(exported).toMatchObject({ format: 'offerflow.program/1', name: 'Renamed program' });

  const chooser = page.waitForEvent('filechooser');
  await menu('Import program file…');
  await (await chooser).setFiles({ name: 'imported.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...exported, name: 'Imported program' })) });
  await expect(program).toHaveText('Imported program');

  await menu('Duplicate…');
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(program).toHaveText('Imported program (copy)');
  await menu('Delete…');
  await expect(page.getByRole('dialog')).toContainText('This cannot be undone.');
  await page.getByRole('button', { name: 'Delete program' }).click();
  await expect(program).not.toHaveText('Imported program (copy)');
  expect((await api.call('programs.list', {})).map((p) => p.name).sort()).toEqual(['Imported program', 'Northwind partner program', 'Renamed program'].sort());
});

test('program data: tags, FX rates and sample partners', async ({ page, api }) => {
  const programId = (await api.call('programs.list', {}))[0]!.id;
  await page.getByRole('button', { name: /^Groups, tiers, tags & settings/ }).click();
  const tags = page.getByRole('region', { name: 'Tags' });
  await tags.getByRole('button', { name: 'Add tag' }).click();
  const n = (await api.call('programs.get', { programId })).program.tags.length + 1;
  await tags.getByLabel(`Tags Key ${n}`).fill('vip');
  await tags.getByLabel(`Tags Name ${n}`).fill('VIP');
  await tags.getByRole('button', { name: 'Save tags' }).click();
  await expect.poll(async () => (await api.call('programs.get', { programId })).program.tags.at(-1)).toEqual({ key: 'vip', name: 'VIP' });
  const fx = page.getByRole('region', { name: 'FX rates' });
  await fx.getByRole('button', { name: 'Add currency' }).click();
  const m = Object.keys((await api.call('programs.get', { programId })).program.fxRates).length + 1;
  await fx.getByLabel(`FX rates Currency ${m}`).fill('chf');
  await fx.getByLabel(`FX rates USD per unit ${m}`).fill('1.12');
  await fx.getByRole('button', { name: 'Save FX rates' }).click();
  await expect.poll(async () => (await api.call('programs.get', { programId })).program.fxRates.CHF).toBe('1.12');

  await page.getByRole('button', { name: /^Partners/ }).click();
  const table = page.getByRole('table', { name: 'Sample partners' });
  // Group, tier and tags read by the names the settings give them; each key is in its tooltip.
  const program = (await api.call('programs.get', { programId })).program;
  const nameOf = (list: { key: string; name: string }[], key: string | null) => list.find((x) => x.key === key)?.name;
  const named = program.partners.find((p) => p.tags.length > 0 && nameOf(program.groups, p.group) !== p.group && nameOf(program.tags, p.tags[0]!) !== p.tags[0]);
  expect(named, 'a sample partner whose group and first tag have names other than their keys').toBeDefined();
  const cells = table.getByRole('row').filter({ has: page.getByRole('button', { name: `Edit ${named!.key}`, exact: true }) }).getByRole('cell');
  await expect(cells.nth(2)).toHaveText(nameOf(program.groups, named!.group)!);
  await expect(cells.nth(2).getByTitle(named!.group!, { exact: true })).toBeVisible();
  await expect(cells.nth(3)).toHaveText(named!.tier === null ? '—' : nameOf(program.tiers, named!.tier)!);
  await expect(cells.nth(4).getByTitle(named!.tags[0]!, { exact: true })).toHaveText(nameOf(program.tags, named!.tags[0]!)!);
  await page.getByRole('button', { name: 'Add partner' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Key (case sensitive)').fill('zed');
  await dialog.getByLabel('Name').fill('Zed Partners');
  await dialog.getByRole('button', { name: 'Save partner' }).click();
  await expect(table.getByRole('row', { name: /Zed Partners/ })).toBeVisible();
  await table.getByRole('button', { name: 'Edit zed' }).click();
  await dialog.getByLabel('Name').fill('Zed & Co');
  await dialog.getByRole('button', { name: 'Save partner' }).click();
  await expect(table.getByRole('row', { name: /Zed & Co/ })).toBeVisible();
  await table.getByRole('button', { name: 'Delete zed' }).click();
  await page.getByRole('button', { name: 'Delete partner' }).click();
  await expect(table.getByRole('row', { name: /Zed/ })).toHaveCount(0);
});

test('a refused import lists every problem by place: CSV line and column, or JSON path; nothing is stored', async ({ page, api }) => {
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const before = (await api.call('programs.get', { programId })).program;
  await page.getByRole('button', { name: /^Partners/ }).click();
  const csv = [
    'key,name,group,tier,tags,joinedAt',
    `fine,Fine,${before.groups[0]!.key},,,2026-01-03T00:00:00Z`,
    'nogroup,No group,platinum-x,,,2026-01-03T00:00:00Z',
    'notag,No tag,,,unheard-of,2026-01-03T00:00:00Z',
  ].join('\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await (await chooser).setFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = page.getByRole('dialog', { name: 'team.csv would make the program invalid: 2 problems, nothing was stored' });
  const list = dialog.getByRole('list', { name: 'Problems' });
  await expect(list.getByRole('listitem')).toHaveText(['line 3, column group: group "platinum-x" is not defined in the program', 'line 4, column tags: tag "unheard-of" is not defined in the program']);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await api.call('programs.get', { programId })).program.partners).toEqual(before.partners);

  const exported = JSON.parse((await api.call('programs.export', { programId })).text) as { name: string; partners: { group: string | null; tags: string[] }[] };
  exported.name = 'Broken copy';
  exported.partners[0]!.group = 'platinum-x';
  exported.partners[1]!.tags = ['unheard-of'];
  const files = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Program actions' }).click();
  await page.getByRole('menuitem', { name: 'Import program file…' }).click();
  await (await files).setFiles({ name: 'broken.program.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  const refused = page.getByRole('dialog', { name: 'broken.program.json is not a valid program: 2 problems, nothing was stored' });
  await page.screenshot({ path: `${process.env.OFFERFLOW_SCREENS ?? 'test-results/screens'}/import-problems.png` });
  await expect(refused.getByRole('listitem')).toHaveText(['partners[0].group: group "platinum-x" is not defined in the program', 'partners[1].tags[0]: tag "unheard-of" is not defined in the program']);
  await refused.getByRole('button', { name: 'Close' }).click();
  expect((await api.call('programs.list', {})).map((p) => p.name)).not.toContain('Broken copy');
});

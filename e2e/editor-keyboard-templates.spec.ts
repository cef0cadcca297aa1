/**
 * Issue #14: the seed's AND/OR trigger built with the keyboard only (palette Enter, inspector
 * fields, node selection by Enter); "New trigger from template" opens an editable draft; copy
 * and paste of a sub-tree with Ctrl+C / Ctrl+V.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EditorPage } from './models/editor-page';

test.use({ viewport: { width: 1280, height: 800 } });

const SEED_RULES = {
  all: [
    { object: 'partnership', field: 'joined_days', op: 'more_than_or_exactly', value: 90 },
    { any: [
      { object: 'customer', field: 'signed_up_days', op: 'more_than_or_exactly', value: 90 },
      { object: 'transaction', field: 'product_key', op: 'equal_to', value: 'enterprise' },
    ] },
  ],
};

/** Opens a select with Enter and walks down its options with the arrow keys to `option`. */
async function chooseByKeyboard(page: Page, field: Locator, option: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('Enter');
  const focused = page.locator('[role="option"]:focus');
  for (let i = 0; i < 60; i += 1) {
    if ((await focused.textContent())?.trim() === option) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(focused).toHaveText(option);
  await page.keyboard.press('Enter');
}

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('the seed AND/OR trigger is built with the keyboard only', async ({ page, api }) => {
  test.setTimeout(240_000);
  const ed = new EditorPage(page);
  await page.getByRole('button', { name: 'New trigger: A transaction is created', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(ed.node('n1')).toContainText('AND block');
  await typeInto(page, ed.inspector.getByLabel('Trigger name (internal)'), 'Keyboard 10%');

  const palette = (item: string) => page.getByRole('button', { name: `Palette: ${item}` });
  await palette('Rule').focus();
  await page.keyboard.press('Enter');
  await typeInto(page, ed.inspector.getByLabel(/^Value/), '90');
  await palette('OR block').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rf__edge-e:n1->n3')).toBeAttached();
  await palette('Rule').focus();
  await page.keyboard.press('Enter');
  await chooseByKeyboard(page, ed.inspector.getByRole('combobox', { name: 'Field', exact: true }), 'Signed up (days ago)');
  await typeInto(page, ed.inspector.getByLabel(/^Value/), '90');
  await palette('Rule').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rf__edge-e:n3->n5')).toBeAttached();
  await chooseByKeyboard(page, ed.inspector.getByRole('combobox', { name: 'Field', exact: true }), 'Product key');
  await typeInto(page, ed.inspector.getByLabel(/^Value/), 'enterprise');

  // The Action: focus its node and press Enter to select it.
  await page.getByTestId('rf__node-action').focus();
  await page.keyboard.press('Enter');
  await expect(ed.inspector).toContainText('Inspector · Action');
  await ed.inspector.getByRole('button', { name: 'Percentage' }).focus();
  await page.keyboard.press('Enter');
  await typeInto(page, ed.inspector.getByLabel('Percent of the transaction'), '10');
  await typeInto(page, ed.inspector.getByLabel('Offer description (partners see this)'), '10% of every sale');
  await ed.expectSaved();

  const programId = (await api.call('programs.list', {}))[0]!.id;
  const saved = (await api.call('programs.get', { programId })).program.triggers.find((t) => t.name === 'Keyboard 10%');
  expect(saved?.rules).toEqual(SEED_RULES);
  expect(saved?.action).toEqual({ type: 'reward', offer: { description: '10% of every sale', type: 'percentage', percent: '10' } });
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems');
});

test('a template opens as an editable draft, and a sub-tree is copied and pasted with Ctrl+C / Ctrl+V', async ({ page, api }) => {
  const ed = new EditorPage(page);
  await page.getByRole('button', { name: 'New trigger', exact: true }).click();
  await page.getByRole('menuitem', { name: '10% for mature partners (AND / OR)' }).click();
  await expect(ed.node('n3')).toContainText('OR block');
  await expect(ed.node('n4')).toContainText('Customer · Signed up · more than or exactly 90 days');
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeEnabled();
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const name = '10% for partners of 90 days (mature customer or Enterprise)';
  const stored = async () => (await api.call('programs.get', { programId })).program.triggers.find((t) => t.name === name);
  expect((await stored())?.status).toBe('draft');
  expect((await stored())?.rules).toEqual(SEED_RULES);

  await ed.select('n3');
  await page.keyboard.press('ControlOrMeta+C');
  await ed.select('n1');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(ed.node('n8')).toBeAttached();
  await ed.expectSaved();
  expect((await stored())?.rules).toEqual({ all: [...SEED_RULES.all, SEED_RULES.all[1]] });
  // Undo takes the paste back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await ed.expectSaved();
  expect((await stored())?.rules).toEqual(SEED_RULES);
});

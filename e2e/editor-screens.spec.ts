/**
 * Screenshots of the shell and editor screens in both themes at 1280×800 and 1920×1080, for a
 * person to look at (test-results/screens/editor-*.png). Also checks each screen renders.
 */
import { expect, test } from './fixtures';
import { canvasSettled, EditorPage, OrderPage } from './models/editor-page';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  test(`editor screens at ${size.width}×${size.height}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const ed = new EditorPage(page);
    const shot = (theme: string, name: string) => page.screenshot({ path: `${process.env.OFFERFLOW_SCREENS ?? 'test-results/screens'}/editor-${size.width}-${theme}-${name}.png` });
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      await page.getByRole('button', { name: /^Groups, tiers, tags & settings/ }).click();
      await expect(page.getByRole('heading', { name: 'Program settings' })).toBeVisible();
      await shot(theme, 'settings');
      await page.getByRole('button', { name: /^Partners/ }).click();
      await expect(page.getByRole('table', { name: 'Sample partners' })).toBeVisible();
      await shot(theme, 'partners');
      await page.getByRole('button', { name: /^10% for onboarded partners/ }).click();
      await expect(page.getByTestId('node-action')).toBeVisible();
      await canvasSettled(page);
      await shot(theme, 'canvas-active');
      await page.getByTestId('node-n2').click();
      await shot(theme, 'canvas-rule-inspector');
      await page.getByRole('button', { name: /^Japan launch/ }).click();
      await expect(page.getByTestId('node-action')).toBeVisible();
      await canvasSettled(page);
      await ed.select('action');
      await shot(theme, 'canvas-draft');
      await page.getByRole('button', { name: /^Enterprise resellers/ }).click();
      await expect(page.getByTestId('node-action')).toContainText('Drip of 15% of the sale');
      await canvasSettled(page);
      await ed.select('action');
      await expect(page.getByRole('alert', { name: 'Drip summary' }).first()).toBeVisible();
      await canvasSettled(page);
      await shot(theme, 'canvas-drip');
      await page.getByRole('button', { name: /^\$50 for every 5th/ }).click();
      await expect(page.getByTestId('node-action')).toBeVisible();
      await canvasSettled(page);
      await ed.select((await page.locator('.react-flow__node', { hasText: 'where' }).first().getAttribute('data-id')) ?? '');
      await expect(page.getByRole('group', { name: 'Where 1' })).toBeVisible();
      await shot(theme, 'canvas-filters');
      // A new trigger from the seed's AND/OR template, and the activation dialog.
      await page.getByRole('button', { name: 'New trigger', exact: true }).click();
      await page.getByRole('menuitem', { name: '10% for mature partners (AND / OR)' }).click();
      await expect(page.getByTestId('node-n5')).toBeAttached();
      await canvasSettled(page);
      await shot(theme, 'canvas-template');
      await page.getByRole('button', { name: 'Activate', exact: true }).click();
      await expect(page.getByRole('dialog', { name: /^Activate “/ })).toBeVisible();
      await expect(page.locator('.MuiDialog-container')).toHaveCSS('opacity', '1');
      await shot(theme, 'activate-dialog');
      await page.getByLabel(/^Only for events received from/).check();
      await ed.typeInto(page.getByLabel(/^Received from \(date\)/), '11012026');
      await ed.typeInto(page.getByLabel('Time (24-hour)'), '0130');
      await expect(page.getByLabel('Activation moment')).toContainText('happens twice');
      await shot(theme, 'activate-dialog-from');
      await page.keyboard.press('Escape');
      await new OrderPage(page).open('A transaction is created');
      await shot(theme, 'order');
      await page.getByRole('button', { name: 'Lanes canvas' }).click();
      await expect(page.getByRole('figure', { name: /^Overview:/ })).toBeVisible();
      await canvasSettled(page);
      await shot(theme, 'order-lanes');
      await page.getByRole('button', { name: 'List', exact: true }).click();
      await page.keyboard.press('?');
      await expect(page.getByRole('table', { name: 'Keyboard shortcuts' })).toBeVisible();
      // The dialog fades in; shoot it once it is fully shown.
      await expect(page.locator('.MuiDialog-container')).toHaveCSS('opacity', '1');
      await shot(theme, 'shortcuts');
      await page.keyboard.press('Escape');
    }
  });
}

import { expect, test } from './fixtures';
import { AppModel } from './models/app';

test('the host serves the app with the sample program on first run', async ({ page, api }) => {
  const programs = await api.call('programs.list', {});
  expect(programs.length).toBe(1);
  await expect(page).toHaveTitle('Offerflow');
  await expect(page.getByText(programs[0]!.name).first()).toBeVisible();
  // The token left the address bar but the page still talks to the host after a reload.
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.getByText(programs[0]!.name).first()).toBeVisible();
  await new AppModel(page).screenshot('first-run');
});

/**
 * At 1280×800, the ledger's last default columns (Payout, Review) and the visibility matrix's
 * "Sees" count are on screen without scrolling sideways, even with more offers than fit; and the
 * payouts view's calendar and invoice table are inside the window.
 */
import { expect, test } from './fixtures';
import { WorkbenchModel } from './models/workbench';
import { shootScreens } from './models/screens';
import type { Locator } from '@playwright/test';

/** Whether `inner` lies horizontally inside `outer`'s visible box. */
async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  if (!a || !b) return false;
  return a.x >= b.x - 1 && a.x + a.width <= b.x + b.width + 1;
}

test('at 1280×800 the ledger shows Payout and Review, and the matrix its Sees column, without sideways scrolling', async ({ page, api }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const wb = new WorkbenchModel(page);
  const [summary] = await api.call('programs.list', {});
  const programId = summary!.id;
  // Four more offers than the demo has: the matrix is wider than the window.
  const doc = await api.call('programs.get', { programId });
  const bronze = doc.program.triggers.find((t) => t.id === 'bronze-sale')!;
  const { id: _i, version: _v, activatedAt: _a, status: _s, ...rest } = bronze;
  for (const name of ['Extra offer one', 'Extra offer two', 'Extra offer three', 'Extra offer four']) await api.call('triggers.create', { programId, trigger: { ...rest, name } });

  await wb.open('Replay workbench');
  await wb.pickEventSet(/with expectations/);
  await wb.runToDone(1);
  const ledger = wb.ledger;
  await expect(ledger.getByRole('rowgroup').getByRole('row').first()).toBeVisible();
  for (const name of ['Payout', 'Review', 'Due']) expect(await inside(ledger.getByRole('columnheader', { name }), ledger), name).toBe(true);
  // The Due cell shows the whole instant, zone included (not cut to "Feb 2, 2026 12:40 E…").
  // Every row's, two-digit days too ("Feb 11, 2026 02:48 EST" was cut where "Feb 2, …" fitted).
  // Latest first (sort by Due twice): the end of June has two-digit days.
  await ledger.getByRole('button', { name: 'Sort by Due' }).click();
  await ledger.getByRole('button', { name: 'Sort by Due' }).click();
  await expect(ledger.getByRole('columnheader', { name: 'Sort by Due' })).toHaveAttribute('aria-sort', 'descending');
  const dues = await ledger.getByRole('rowgroup').getByRole('row').evaluateAll((rows) =>
    rows.flatMap((row) => [5, 6].map((i) => row.querySelectorAll('[role="cell"]')[i])).map((el) => ({ text: el?.textContent ?? '', fits: !!el && el.scrollWidth <= el.clientWidth })));
  expect(dues.some((d) => /^[A-Z][a-z]{2} \d\d, /.test(d.text)), 'a two-digit day is among the rows').toBe(true);
  // And the status beside it ("Scheduled", the longest, was "Sched…").
  expect(dues.some((d) => d.text === 'Scheduled'), 'a scheduled reward is among the rows').toBe(true);
  expect(dues.filter((d) => !d.fits)).toEqual([]);
  // So does the payout day ("Apr 13, 2026"), written as the Due column writes a day.
  const payout = ledger.getByRole('rowgroup').getByRole('row').first().getByRole('cell').nth(7);
  await expect(payout).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  expect(await payout.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  // A partner's name too long for its cell ends in an ellipsis inside the cell, not cut mid-letter
  // past its edge (the link is a button, which does not inherit the cell's overflow).
  const names = ledger.getByRole('rowgroup').getByRole('row').getByRole('cell').nth(1).getByRole('button');
  for (const link of await names.all()) {
    const fit = await link.evaluate((el) => {
      const cell = el.closest('[role="cell"]')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return { inside: box.right <= cell.right + 0.5, ellipsis: getComputedStyle(el).textOverflow };
    });
    expect(fit).toEqual({ inside: true, ellipsis: 'ellipsis' });
  }
  await shootScreens(page, 'ledger', test.info().outputDir);
  await page.setViewportSize({ width: 1280, height: 800 });

  await wb.open('Offer visibility');
  const matrix = page.getByRole('table', { name: 'Offer visibility matrix' });
  await expect(matrix.getByRole('columnheader', { name: 'Sees' })).toBeVisible();
  const container = matrix.locator('xpath=..');
  expect(await container.evaluate((el) => el.scrollWidth > el.clientWidth), 'the matrix is wider than its box').toBe(true);
  expect(await inside(matrix.getByRole('columnheader', { name: 'Sees' }), container)).toBe(true);
  expect(await inside(matrix.getByRole('rowheader').first(), container)).toBe(true);
  // Each partner's group and tier under the name read by their names ("Enterprise resellers · Premier").
  await expect(matrix.getByRole('rowheader').filter({ hasText: 'Enterprise resellers · Premier' }).first()).toBeVisible();

  // Rewards & payouts: the month's calendar and the invoice's whole table are inside the window
  // (side by side, the calendar's Sunday went past the edge, then the table's Statement column).
  await wb.open('Rewards & payouts');
  const calendar = page.getByRole('region', { name: 'Payout calendar of the month' });
  await expect(calendar).toContainText('Su');
  const cal = await calendar.boundingBox();
  expect(cal!.x + cal!.width).toBeLessThanOrEqual(1280);
  const balances = page.getByRole('table', { name: 'Partner balances' });
  await expect(balances.getByRole('columnheader', { name: 'Statement' })).toBeVisible();
  expect(await balances.evaluate((el) => el.parentElement!.scrollWidth <= el.parentElement!.clientWidth), 'the balances table is not cut').toBe(true);
  expect(await inside(balances.getByRole('columnheader', { name: 'Statement' }), page.getByRole('region', { name: 'Invoice' }))).toBe(true);
  await shootScreens(page, 'payouts', test.info().outputDir);
});

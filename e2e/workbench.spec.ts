/**
 * The workbench screens against the real host: drip preview, offer visibility, import / run /
 * cancel / expectations / trace, and reward review with the invoice month.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures';
import { WorkbenchModel, plainUsd } from './models/workbench';
import { brokenEventsCsv } from './models/workbench-events';
import { parseProgramText } from '../engine/formats/read';
import { visibility } from '../engine/visibility';
import { formatMinor } from '../engine/money';
import { displayUsd, usdMinor } from '../renderer/src/workbench/money-format';

const SAMPLE_CSV = path.join(ROOT, 'resources/samples/demo-q2.events.csv');

test('changing drip settings changes the schedule table', async ({ page }) => {
  const wb = new WorkbenchModel(page);
  await wb.open('Drip preview');
  await expect(wb.dripRows).not.toHaveCount(0);
  await wb.setNumber('Occurrences', 5);
  await expect(wb.dripRows).toHaveCount(5);
  await wb.setNumber('Occurrences', 7);
  await expect(wb.dripRows).toHaveCount(7);
  const split = page.getByRole('switch', { name: 'Split the amount' }).or(page.getByRole('checkbox', { name: 'Split the amount' }));
  if (!(await split.isChecked())) await split.check();
  // 15% of 100.00 = 15.00 split 7 ways: six × 2.14 and the remainder on the last (2.16).
  await expect(wb.dripRows.first()).toContainText('$2.14');
  await expect(wb.dripRows.last()).toContainText('$2.16');
  await expect(wb.dripRows.last()).toContainText('+ remainder');
  await expect(page.getByRole('img', { name: 'Timeline of 7 occurrences' })).toBeVisible();
  await expect(wb.dripRows.filter({ hasText: 'Pending' })).toHaveCount(0);
  // The dates are typed as a person types them (digits in the locale's order, no separators),
  // with the program's zone beside them; the schedule follows the typed day.
  const eventDate = page.getByLabel('Example event date');
  await expect(page.getByRole('region', { name: 'Drip preview' }).getByText('America/New_York').first()).toBeVisible();
  await eventDate.press('ControlOrMeta+a');
  await eventDate.pressSequentially('01312026');
  await expect(eventDate).toHaveValue('01312026');
  // 30 days after Jan 31 is Mar 2; then monthly. The table writes days as the ledger does.
  await expect(wb.dripRows.first()).toContainText('Mar 2, 2026');
  await expect(wb.dripRows.nth(1)).toContainText('Apr 2, 2026');
  await eventDate.blur();
  await expect(eventDate).toHaveValue('01/31/2026');
  const asOf = page.getByLabel('Status as of');
  await asOf.press('ControlOrMeta+a');
  await asOf.pressSequentially('03152026');
  await expect(wb.dripRows.filter({ hasText: 'Pending' })).toHaveCount(1);
  // A day that does not exist says how to write one, and the preview says which field is wrong.
  await asOf.press('ControlOrMeta+a');
  await asOf.pressSequentially('02302027');
  await expect(page.getByText('Enter a date as MM/DD/YYYY, for example 01/31/2026 (or type 01312026)')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Enter the date the statuses are judged at' })).toBeVisible();
  // Judged a year later, every occurrence is due (pending) rather than scheduled.
  await asOf.press('ControlOrMeta+a');
  await asOf.pressSequentially('1/31/2027');
  await expect(wb.dripRows.filter({ hasText: 'Pending' })).toHaveCount(7);
  await expect(page.getByText('Enter a date as MM/DD/YYYY')).toHaveCount(0);
  await wb.shot('workbench-drip');
});

test('a hidden visibility cell names the rule that hides it', async ({ page, api }) => {
  const wb = new WorkbenchModel(page);
  const [summary] = await api.call('programs.list', {});
  const exported = await api.call('programs.export', { programId: summary!.id });
  const report = visibility(parseProgramText(exported.text));
  const partner = report.partners.find((p) => p.hidden.some((h) => h.reason.startsWith('rules')))!;
  const hidden = partner.hidden.find((h) => h.reason.startsWith('rules'))!;
  const parsed = parseProgramText(exported.text);
  const partnerName = parsed.partners.find((p) => p.key === partner.key)!.name || partner.key;
  const triggerName = parsed.triggers.find((t) => t.id === hidden.triggerId)!.name;
  await wb.open('Offer visibility');
  // Headers and cells speak in names; the ids are in the tooltip and the "Why" panel's second line.
  await expect(page.getByRole('table', { name: 'Offer visibility matrix' }).getByRole('columnheader', { name: triggerName })).toBeVisible();
  await page.getByRole('button', { name: `${partnerName} × ${triggerName}: hidden` }).click();
  const why = page.getByRole('region', { name: 'Why' });
  await expect(why).toContainText(`${triggerName} is hidden to ${partnerName}`);
  await expect(why).toContainText(`${hidden.triggerId} · ${partner.key}`);
  await expect(why).toContainText(hidden.reason.replace(/^rules[^:]*: /, ''));
  await expect(page.getByRole('region', { name: /^Dashboard of / })).toBeVisible();
  // Filters: only partners of the chosen group stay in the matrix.
  const program = parseProgramText(exported.text);
  const group = program.groups[0]!;
  await page.getByRole('combobox', { name: 'Group' }).click();
  await page.getByRole('option', { name: group.name, exact: true }).click();
  const inGroup = program.partners.filter((p) => p.group === group.key);
  await expect(page.getByRole('table', { name: 'Offer visibility matrix' }).locator('tbody tr')).toHaveCount(inGroup.length);
  await wb.shot('workbench-visibility');
});

test('import shows line errors and imports nothing; the sample CSV runs; expectations pass; a trace opens', async ({ page, api }) => {
  const wb = new WorkbenchModel(page);
  const [summary] = await api.call('programs.list', {});
  const programId = summary!.id;
  const before = await api.call('eventSets.list', { programId });
  await wb.open('Replay workbench');

  await wb.fileInput.setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(brokenEventsCsv()) });
  const errors = page.getByRole('alert', { name: 'Import errors' });
  await expect(errors).toContainText('broken.csv was not imported');
  await expect(errors).toContainText(/line 3/);
  await expect(errors).toContainText(/line 5/);
  expect(await api.call('eventSets.list', { programId })).toHaveLength(before.length);
  await wb.shot('workbench-import-errors');

  await wb.fileInput.setInputFiles(SAMPLE_CSV);
  await expect(page.getByRole('combobox', { name: 'Event set' })).toContainText('1,885 events');
  expect(await api.call('eventSets.list', { programId })).toHaveLength(before.length + 1);
  await wb.runToDone(1);
  await expect(wb.ledgerTotals).toContainText(/rewards · \$[\d,]+\.\d\d total/);

  await wb.pickEventSet(/with expectations/);
  await wb.runToDone(2);
  await wb.tab('Expectations');
  await expect(page.getByRole('alert', { name: 'Expectations result' })).toHaveText('All expectations passed');

  await wb.tab('Ledger');
  await page.getByRole('button', { name: /^Trace event / }).first().click();
  await expect(page.getByRole('tab', { name: 'Trace', selected: true })).toBeVisible();
  const firstTrigger = page.getByRole('region', { name: /^Trigger / }).first();
  await expect(firstTrigger).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/^(Passed|Failed|Skipped)$/).first()).toBeVisible();
  await expect(page.getByText('saw').first()).toBeVisible();
  const passed = page.getByRole('region', { name: /^Trigger / }).filter({ hasText: 'Passed' }).first();
  await passed.getByRole('button', { name: 'Show graph' }).click();
  await expect(passed.getByRole('figure', { name: /^Trace of .*: passed$/ })).toBeVisible();
  await wb.shot('workbench-trace');
});

test('a design change shows up in the run comparison, and the ledger exports as CSV', async ({ page, api }) => {
  const wb = new WorkbenchModel(page);
  const [summary] = await api.call('programs.list', {});
  const programId = summary!.id;
  await wb.open('Replay workbench');
  await wb.pickEventSet(/with expectations/);
  await wb.runToDone(1);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8').trim().split(/\r?\n/);
  const totals = await wb.ledgerTotals.innerText();
  expect(csv.length - 1).toBe(Number(/^([\d,]+) rewards/.exec(totals)?.[1]?.replace(/,/g, '')));

  // Raise the Bronze offer from $5 to $6 (allowed on an active trigger) and replay.
  const doc = await api.call('programs.get', { programId });
  const bronze = doc.program.triggers.find((t) => t.id === 'bronze-sale')!;
  if (bronze.action.type !== 'reward' || bronze.action.offer.type !== 'flat') throw new Error('bronze-sale is a flat reward in the demo');
  const changed = { ...bronze, action: { ...bronze.action, offer: { ...bronze.action.offer, amount: '6.00' } } };
  await api.call('triggers.update', { programId, triggerId: 'bronze-sale', trigger: changed });
  await wb.runToDone(2);
  await wb.tab('Compare runs');
  const headline = page.getByRole('status', { name: 'Comparison summary' });
  await expect(headline).toContainText(/0 added · 0 removed · [1-9][\d,]* changed/);
  const diff = page.getByRole('table', { name: 'Ledger differences' });
  await expect(diff.locator('tbody tr').first()).toContainText(bronze.name);
  await expect(diff.locator('tbody tr').first()).toContainText('$5.00');
  await expect(diff.locator('tbody tr').first()).toContainText('$6.00');
  await wb.shot('workbench-compare');
});

test('failed expectations read as expected vs actual', async ({ page }) => {
  const wb = new WorkbenchModel(page);
  const set = {
    format: 'offerflow.events/1',
    name: 'Wrong on purpose',
    events: [
      { id: 'x1', type: 'customer.created', at: '2026-03-02T15:00:00Z', customer: { key: 'c-x1', partnerKey: 'acme-agency' } },
      { id: 'x2', type: 'transaction.created', at: '2026-03-03T15:00:00Z', transaction: { key: 't-x1', customerKey: 'c-x1', amount: '100.00', currency: 'USD' } },
    ],
    expect: {
      rewards: [{ partnerKey: 'acme-agency', triggerId: 'bronze-sale', amount: '7.00' }],
      exactRewards: false,
      partners: [{ key: 'acme-agency', group: 'gold' }],
    },
  };
  await wb.open('Replay workbench');
  await wb.fileInput.setInputFiles({ name: 'wrong.events.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(set)) });
  await expect(page.getByRole('combobox', { name: 'Event set' })).toContainText('Wrong on purpose');
  await wb.runToDone(1);
  await wb.tab('Expectations');
  await expect(page.getByRole('alert', { name: 'Expectations result' })).toHaveText('2 expectations failed');
  const missing = page.getByRole('region', { name: 'Expected reward not found' });
  await expect(missing).toContainText('Closest reward in the run');
  await expect(missing.getByRole('row', { name: 'amount 7.00 5.00' })).toBeVisible();
  const partner = page.getByRole('region', { name: 'Partner state differs' });
  await expect(partner.getByRole('row', { name: 'group gold bronze' })).toBeVisible();
  await wb.shot('workbench-expectations-failed');
});

test('approving, declining and holding rewards changes the invoice month', async ({ page }) => {
  const wb = new WorkbenchModel(page);
  await wb.open('Replay workbench');
  await wb.pickEventSet(/with expectations/);
  await wb.runToDone(1);
  await wb.open('Rewards & payouts');
  await expect(wb.invoiceTotal).toBeVisible();
  const total0 = plainUsd(await wb.invoiceTotal.innerText());
  const section = page.getByRole('region', { name: 'Review rewards due this month' });
  const rows = section.getByRole('table', { name: 'Reward ledger' }).getByRole('rowgroup').getByRole('row');
  await expect(rows.first().getByRole('checkbox')).toBeVisible();
  const table = section.getByRole('table', { name: 'Reward ledger' });
  const usdOf = async (i: number) => plainUsd((await wb.ledgerCell(table, rows.nth(i), 'USD')) || '0');
  const [b, c] = [await usdOf(1), await usdOf(2)];

  await rows.nth(0).getByRole('checkbox').check();
  await section.getByRole('button', { name: 'Approve' }).click();
  await expect(rows.nth(0)).toContainText('Approved');
  await expect(wb.invoiceTotal).toHaveText(displayUsd(total0));

  await rows.nth(1).getByRole('checkbox').check();
  await section.getByRole('button', { name: 'Decline…' }).click();
  await page.getByLabel('Reason').fill('Customer refunded');
  await page.getByRole('dialog').getByRole('button', { name: 'Decline' }).click();
  await expect(rows.nth(1)).toContainText('Declined');
  await expect(rows.nth(1)).toContainText('Customer refunded');

  await rows.nth(2).getByRole('checkbox').check();
  await section.getByRole('button', { name: 'Hold' }).click();
  await expect(rows.nth(2)).toContainText('On hold');

  // Declined and held rewards leave the invoice; approved ones stay (exact minor units).
  const expected = formatMinor(usdMinor(total0) - usdMinor(b) - usdMinor(c), 'USD');
  await expect(wb.invoiceTotal).toHaveText(displayUsd(expected));
  await expect(page.getByLabel('Left out of the invoice')).toContainText('1 declined');
  await expect(page.getByLabel('Left out of the invoice')).toContainText('1 on hold');
  await wb.shot('workbench-payouts');
});

/**
 * Issue #15's "Found" paths, walked as a person would: names instead of ids, one clock, honest
 * run states, expectations, trace gaps and the event browser, and screens that fit. Screenshots
 * of each changed screen at 1280×800 and 1920×1080 in both themes (`OFFERFLOW_SCREENS`).
 */
import { expect, test } from './fixtures';
import { WorkbenchModel } from './models/workbench';
import { shootScreens } from './models/screens';
import { parseProgramText } from '../engine/formats/read';
import { formatInstant } from '../renderer/src/ui/format-instant';

test('a user-built trigger reads by its name everywhere, and every instant is in the program clock with its zone', async ({ page, api }) => {
  test.setTimeout(240_000);
  const wb = new WorkbenchModel(page);
  const [summary] = await api.call('programs.list', {});
  const programId = summary!.id;
  const doc = await api.call('programs.get', { programId });
  const bronze = doc.program.triggers.find((t) => t.id === 'bronze-sale')!;
  // Built in the app, a trigger gets a generated id ("trigger-1"); people only ever named it.
  const { id: _drop, version: _v, activatedAt: _a, status: _s, ...rest } = bronze;
  const built = await api.call('triggers.create', { programId, trigger: { ...rest, name: 'Spring sale bonus' } });
  await api.call('triggers.activate', { programId, triggerId: built.id, activatedAt: null });
  expect(built.id).not.toBe('Spring sale bonus');
  const program = parseProgramText((await api.call('programs.export', { programId })).text);
  const zone = program.timeZone;

  await wb.open('Replay workbench');
  await wb.pickEventSet(/with expectations/);
  await wb.runToDone(1);

  // Ledger: the Trigger filter lists the name, and the column then shows that same name.
  await page.getByRole('combobox', { name: 'Trigger' }).click();
  await page.getByRole('option', { name: 'Spring sale bonus', exact: true }).click();
  await expect(wb.ledgerTotals).toContainText(/^[1-9][\d,]* rewards?/);
  const rows = await wb.visibleLedgerRows();
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r.Trigger).toBe('Spring sale bonus');
  expect(JSON.stringify(rows)).not.toContain(built.id);
  // Partners the program names read by name; one first seen in the events has only its key.
  const keys = new Set(program.partners.map((p) => p.key));
  for (const r of rows) expect(keys.has(r.Partner ?? '')).toBe(false);
  expect(rows.some((r) => program.partners.some((p) => p.name === r.Partner))).toBe(true);

  // Due is in the program's zone, the zone shown, and agrees with the Due month filter.
  await page.getByRole('combobox', { name: 'Trigger' }).click();
  await page.getByRole('option', { name: 'All triggers' }).click();
  const month = '2026-02';
  await page.getByLabel('Due month').fill(month);
  await expect(wb.ledgerTotals).toContainText('rewards');
  const inMonth = await wb.visibleLedgerRows();
  expect(inMonth.length).toBeGreaterThan(0);
  const abbrev = formatInstant('2026-02-10T12:00:00Z', zone).split(' ').pop()!;
  for (const r of inMonth) {
    expect(r.Due).toMatch(/^Feb \d+, 2026 \d\d:\d\d /);
    expect(r.Due?.endsWith(` ${abbrev}`)).toBe(true);
  }
  await shootScreens(page, 'ledger', test.info().outputDir);

  // Group moves and tags: names, and "At" in the same clock.
  await wb.tab('Group moves');
  const moves = page.getByRole('table', { name: 'Group moves' });
  await expect(moves.locator('tbody tr').first()).toBeVisible();
  const firstAt = await moves.locator('tbody tr').first().locator('td').nth(5).innerText();
  expect(firstAt).toMatch(new RegExp(`^[A-Z][a-z]{2} \\d+, \\d{4} \\d\\d:\\d\\d ${abbrev.replace('+', '\\+')}|[A-Z][a-z]{2} \\d+, \\d{4} \\d\\d:\\d\\d E[SD]T$`));
  await expect(moves).not.toContainText(/\d{4}-\d\d-\d\dT/);

  // The person switches to UTC: every instant says UTC, and back.
  await page.getByRole('button', { name: 'Show times in UTC' }).click();
  await expect(moves.locator('tbody tr').first().locator('td').nth(5)).toHaveText(/ UTC$/);
  await wb.tab('Tags');
  await expect(page.getByRole('table', { name: 'Tags applied' }).locator('tbody tr').first().locator('td').nth(4)).toHaveText(/ UTC$/);
  await page.getByRole('button', { name: 'Show times in the program time zone' }).click();
  await expect(page.getByRole('table', { name: 'Tags applied' }).locator('tbody tr').first().locator('td').nth(4)).not.toHaveText(/ UTC$/);

  // Visibility matrix: the trigger's name as a column header, never its id.
  await wb.open('Offer visibility');
  const matrix = page.getByRole('table', { name: 'Offer visibility matrix' });
  await expect(matrix.getByRole('columnheader', { name: 'Spring sale bonus' })).toBeVisible();
  await expect(matrix.getByRole('columnheader')).not.toContainText([built.id]);
  await shootScreens(page, 'visibility', test.info().outputDir);

  // Invoice: partner names, the key on a second line.
  await wb.open('Rewards & payouts');
  const balances = page.getByRole('table', { name: 'Partner balances' });
  await expect(balances.locator('tbody tr').first()).toBeVisible();
  const first = await balances.locator('tbody tr').first().locator('td').first().innerText();
  const [name, key] = first.split('\n');
  expect(program.partners.find((p) => p.key === key)?.name).toBe(name);
});

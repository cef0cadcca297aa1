/**
 * Issue 18 in the app: the sample PartnerStack and Stripe exports imported through the import
 * dialog (its mapping report before anything is stored, Escape storing nothing, a malformed file
 * named with its line), the imported set replayed, and the demo program compared with the
 * "Northwind 2027 proposal" on it: the chart's, totals', months', triggers' and partners' numbers
 * are checked against `offerflow import` and `offerflow compare` run on the same inputs here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Comparison } from '../engine/compare';
import { displaySignedUsd, displayUsd } from '../renderer/src/workbench/money-format';
import { monthLabel } from '../renderer/src/workbench/month-model';
import { expect, test, type Api } from './fixtures';
import { cliImport, filesIn, ImportDialogModel, offerflow, PS_DIR, SAMPLES, STRIPE_DIR, tableRows } from './models/import-compare';
import { shootScreens } from './models/screens';
import { WorkbenchModel } from './models/workbench';

async function demoProgram(api: Api): Promise<string> {
  const [summary] = await api.call('programs.list', {});
  return summary!.id;
}

test('the import dialog shows the CLI’s mapping report before storing, Escape stores nothing, a malformed file is named', async ({ page, api }) => {
  test.setTimeout(180_000);
  const programId = await demoProgram(api);
  const dir = test.info().outputPath('cli');
  fs.mkdirSync(dir, { recursive: true });
  const cli = cliImport(dir, 'partnerstack', [PS_DIR]);
  const wb = new WorkbenchModel(page);
  const dialog = new ImportDialogModel(page);
  await wb.open('Replay workbench');
  const setsBefore = await api.call('eventSets.list', { programId });

  await dialog.open();
  await dialog.pick('PartnerStack export', filesIn(PS_DIR));
  await expect(dialog.report).toBeVisible();
  const summary = offerflow(['import', 'partnerstack', PS_DIR, '--out', path.join(dir, 'again.json'), '--program', path.join(dir, 'again.program.json')]).err.split('\n')[0];
  await expect(dialog.report.getByLabel('Import summary')).toHaveText(summary!);
  expect(await dialog.counts('Events to store')).toEqual(cli.report.counts.emitted);
  expect(await dialog.counts('Skipped, by reason')).toEqual(cli.report.counts.skipped);
  await expect(dialog.report.getByRole('table', { name: 'Skipped items' }).locator('tbody tr')).toHaveCount(cli.report.skipped.length);
  expect(await api.call('eventSets.list', { programId })).toEqual(setsBefore);

  // Escape closes it, and nothing was stored.
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
  expect(await api.call('eventSets.list', { programId })).toEqual(setsBefore);

  // A malformed export: named by file and line, nothing stored, Store stays off.
  const bad = path.join(dir, 'customers.json');
  fs.writeFileSync(bad, '{"data": {"items": [\n  {"key": "cust_1", "created_at": 17700408\n');
  await dialog.open();
  await dialog.pick('PartnerStack export', [bad]);
  const alert = dialog.dialog.getByRole('alert', { name: 'Import error' });
  await expect(alert).toContainText(/^customers\.json is not a valid PartnerStack export: line \d+, column \d+/);
  await expect(alert).toContainText('Nothing was stored.');
  await expect(dialog.dialog.getByRole('button', { name: /^Store/ })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
  expect(await api.call('eventSets.list', { programId })).toEqual(setsBefore);

  // The screenshots: the report and the error, both sizes, both themes.
  for (const mode of ['light', 'dark'] as const) {
    await theme(page, mode);
    await dialog.open();
    await dialog.pick('PartnerStack export', filesIn(PS_DIR));
    await expect(dialog.report).toBeVisible();
    await shootPair(page, `import-report-${mode}`);
    await dialog.pick('PartnerStack export', [bad]);
    await expect(alert).toBeVisible();
    await shootPair(page, `import-error-${mode}`);
    await page.keyboard.press('Escape');
    await expect(dialog.dialog).toBeHidden();
  }
  await theme(page, 'light');

  // Stored on confirm, with the skeleton program when asked for.
  await dialog.open();
  await dialog.pick('PartnerStack export', filesIn(PS_DIR));
  await dialog.dialog.getByRole('checkbox', { name: /Also create the program “PartnerStack import”/ }).check();
  await dialog.dialog.getByRole('button', { name: `Store ${cli.events.events.length} events` }).click();
  await expect(dialog.dialog).toBeHidden();
  const sets = await api.call('eventSets.list', { programId });
  expect(sets.map((s) => [s.name, s.eventCount])).toContainEqual(['Imported from PartnerStack', cli.events.events.length]);
  expect((await api.call('programs.list', {})).map((p) => p.name)).toContain('PartnerStack import');
  await expect(page.getByRole('combobox', { name: 'Event set' })).toContainText('Imported from PartnerStack');

  // Stripe, invoices mode, partners from the PartnerStack export: the report is the CLI's.
  const stripeCli = offerflow(['import', 'stripe', STRIPE_DIR, '--out', path.join(dir, 'st.json'), '--transactions', 'invoices', '--partners-from', PS_DIR]);
  await dialog.open();
  await dialog.pick('Stripe events', filesIn(STRIPE_DIR));
  await dialog.dialog.getByLabel('Partners from a PartnerStack export').setInputFiles(filesIn(PS_DIR));
  await dialog.dialog.getByRole('button', { name: 'Invoices' }).click();
  await expect(dialog.report.getByLabel('Import summary')).toHaveText(stripeCli.err.split('\n')[0]!);
  await page.keyboard.press('Escape');
});

async function shootPair(page: import('@playwright/test').Page, name: string): Promise<void> {
  const dir = process.env.OFFERFLOW_SCREENS ?? test.info().outputDir;
  for (const s of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(s);
    await page.screenshot({ path: `${dir}/${name}-${s.width}x${s.height}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function theme(page: import('@playwright/test').Page, mode: 'light' | 'dark'): Promise<void> {
  const toggle = page.getByRole('button', { name: `Switch to ${mode} theme` });
  if (await toggle.isVisible()) await toggle.click();
}

test('imported, replayed, then the demo compared with the 2027 proposal: chart and tables are offerflow compare’s numbers', async ({ page, api }) => {
  test.setTimeout(240_000);
  const programId = await demoProgram(api);
  const dir = test.info().outputPath('cli');
  fs.mkdirSync(dir, { recursive: true });
  const cli = cliImport(dir, 'partnerstack', [PS_DIR]);
  const proposal = await api.call('programs.import', { text: fs.readFileSync(path.join(SAMPLES, 'demo-2027.program.json'), 'utf8'), fileName: 'demo-2027.program.json' });
  // The CLI reads the two programs exactly as the app holds them.
  const files = { a: path.join(dir, 'a.program.json'), b: path.join(dir, 'b.program.json'), diff: path.join(dir, 'diff.json') };
  fs.writeFileSync(files.a, (await api.call('programs.export', { programId })).text);
  fs.writeFileSync(files.b, (await api.call('programs.export', { programId: proposal.id })).text);
  const a = JSON.parse(fs.readFileSync(files.a, 'utf8')) as { partners: { key: string; name: string }[] };

  const wb = new WorkbenchModel(page);
  const dialog = new ImportDialogModel(page);
  await wb.open('Replay workbench');
  await dialog.open();
  await dialog.pick('PartnerStack export', filesIn(PS_DIR));
  await dialog.dialog.getByRole('button', { name: `Store ${cli.events.events.length} events` }).click();
  await expect(dialog.dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Event set' })).toContainText('Imported from PartnerStack');
  await wb.runToDone(1);

  const run = offerflow(['compare', files.a, files.b, cli.eventsPath, '--out', files.diff]);
  expect(run.code, run.err).toBe(0);
  const diff = JSON.parse(fs.readFileSync(files.diff, 'utf8')) as Comparison;
  expect(diff.months.length, 'the imported set pays in more than one month').toBeGreaterThan(1);

  await page.getByRole('button', { name: /^Compare with…/ }).click();
  await pickOption(page, 'Compare with (B)', 'Northwind 2027 proposal');
  await pickOption(page, 'On the event set', /^Imported from PartnerStack/);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expectComparison(page, diff, a.partners);

  // The chart: two bars a month, and each month's tooltip says A's and B's payouts.
  const chart = page.getByRole('img', { name: 'Monthly payouts chart, A vs B' });
  const bars = chart.locator('.MuiBarChart-element');
  await expect(bars).toHaveCount(2 * diff.months.length);
  for (const [i, m] of diff.months.entries()) {
    await bars.nth(i).hover({ force: true });
    const tip = page.getByRole('tooltip');
    await expect(tip).toContainText(displayUsd(m.aUsd));
    await expect(tip).toContainText(displayUsd(m.bUsd));
  }

  // A trigger row's traces: the events where it pays differently add up to the row's delta.
  const moved = diff.triggers.find((t) => t.deltaUsd !== '0.00' && t.a && t.b)!;
  await page.getByRole('button', { name: `Traces of ${moved.a!.name === moved.b!.name ? moved.b!.name : `${moved.b!.name} (was ${moved.a!.name})`}` }).click();
  const traces = page.getByRole('dialog', { name: /^Traces of/ });
  const events = traces.getByRole('article');
  await expect(events.first()).toBeVisible();
  let sum = 0;
  for (const e of await events.all()) {
    const paid = (s: 'A' | 'B') => e.getByRole('region', { name: new RegExp(`^${s}: `) }).getByLabel('Paid').innerText();
    const [pa, pb] = [await paid('A'), await paid('B')];
    sum += cents(pb) - cents(pa);
  }
  expect(sum).toBe(cents(displayUsd(moved.deltaUsd)));
  await shootPair(page, 'compare-traces-light');
  await page.keyboard.press('Escape');
  await expect(traces).toBeHidden();

  // Leave and come back: the comparison is still there; a partner's name opens their timeline.
  await wb.open('Replay workbench');
  await page.getByRole('button', { name: /^Compare with…/ }).click();
  await expectComparison(page, diff, a.partners);
  await shootScreens(page, 'compare', test.info().outputDir);
  for (const mode of ['light', 'dark'] as const) {
    await theme(page, mode);
    await page.getByRole('region', { name: 'Per trigger' }).scrollIntoViewIfNeeded();
    await shootPair(page, `compare-tables-${mode}`);
  }
  await theme(page, 'light');
  const top = diff.partners[0]!;
  await page.getByRole('table', { name: 'Per partner' }).getByRole('button', { name: a.partners.find((p) => p.key === top.partnerKey)?.name ?? top.partnerKey }).click();
  await expect(page.getByRole('banner').getByRole('heading', { name: 'Partner timeline' })).toBeVisible();

  // This program as of a date typed by hand, before it existed: B has no triggers and pays nothing.
  await page.getByRole('button', { name: /^Compare with…/ }).click();
  await pickOption(page, 'Compare with (B)', 'This program as of a date…');
  await page.getByRole('textbox', { name: 'As of the end of' }).fill('01012026');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const totals = page.getByRole('table', { name: 'Totals' });
  await expect(totals.locator('tbody tr').first()).toContainText(`Rewards paid${displayUsd(diff.a.rewardsUsd)}$0.00${displaySignedUsd(`-${diff.a.rewardsUsd}`)}`);
  await expect(totals.getByRole('columnheader', { name: /at the end of Jan 1, 2026$/ })).toBeVisible();
  await shootPair(page, 'compare-as-of-light');
});

const cents = (text: string): number => {
  const m = /(-?)\$([\d,]+)\.(\d\d)/.exec(text);
  return m ? (m[1] ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3])) : NaN;
};

async function pickOption(page: import('@playwright/test').Page, field: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option }).click();
}

/** The screen's totals, months, triggers and partners against the CLI's comparison. */
async function expectComparison(page: import('@playwright/test').Page, diff: Comparison, partners: { key: string; name: string }[]): Promise<void> {
  const totals = page.getByRole('table', { name: 'Totals' });
  await expect(totals).toBeVisible();
  const pct = diff.delta.increasePercent === null ? 'A paid nothing' : `${diff.delta.increasePercent.startsWith('-') ? '' : '+'}${diff.delta.increasePercent}%`;
  const count = (x: number, y: number) => [String(x), String(y), `${y - x > 0 ? '+' : ''}${y - x}`];
  expect(await tableRows(totals)).toEqual([
    ['Rewards paid', displayUsd(diff.a.rewardsUsd), displayUsd(diff.b.rewardsUsd), `${displaySignedUsd(diff.delta.rewardsUsd)} (${pct})`],
    ['Rewards', ...count(diff.a.rewards, diff.b.rewards)],
    ['Group moves', ...count(diff.a.groupChanges, diff.b.groupChanges)],
    ['Tags applied', ...count(diff.a.tagsApplied, diff.b.tagsApplied)],
    ['Rejected events', ...count(diff.a.rejected, diff.b.rejected)],
  ]);
  expect(await tableRows(page.getByRole('table', { name: 'Payouts per month' }))).toEqual(diff.months.map((m) => [monthLabel(m.month), displayUsd(m.aUsd), displayUsd(m.bUsd), displaySignedUsd(m.deltaUsd)]));
  const side = (s: { rewardsUsd: string; rewards: number } | null) => (s ? `${displayUsd(s.rewardsUsd)} · ${s.rewards}` : '—');
  const triggerRows = (await tableRows(page.getByRole('table', { name: 'Per trigger' }))).map((r) => [r[2], r[3], r[4]]);
  expect(triggerRows).toEqual(diff.triggers.map((t) => [side(t.a), side(t.b), displaySignedUsd(t.deltaUsd)]));
  const name = (key: string) => partners.find((p) => p.key === key)?.name ?? key;
  expect(await tableRows(page.getByRole('table', { name: 'Per partner' }))).toEqual(diff.partners.map((p) => [name(p.partnerKey), `${displayUsd(p.aUsd)} · ${p.aRewards}`, `${displayUsd(p.bUsd)} · ${p.bRewards}`, displaySignedUsd(p.deltaUsd)]));
}

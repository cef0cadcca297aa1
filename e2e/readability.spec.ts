/**
 * Issue #15's "Found" paths, walked as a person would: names instead of ids, one clock, honest
 * run states, expectations, trace gaps and the event browser, and screens that fit. Screenshots
 * of each changed screen at 1280×800 and 1920×1080 in both themes (`OFFERFLOW_SCREENS`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures';
import { WorkbenchModel } from './models/workbench';
import { bigEventsCsv } from './models/workbench-events';
import { shootScreens } from './models/screens';
import { parseEventSetText, parseProgramText } from '../engine/formats/read';
import { replay } from '../engine/replay/replay';
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
  // The filter offers the run's due months with their counts, and the ledger then holds that many.
  await page.getByRole('combobox', { name: 'Due month' }).click();
  const february = page.getByRole('option', { name: /^February 2026 · [\d,]+ rewards$/ });
  const febCount = (await february.innerText()).split(' · ')[1]!.replace(' rewards', '');
  await expect(page.getByRole('option', { name: 'Any month' })).toBeVisible();
  await february.click();
  await expect(wb.ledgerTotals).toContainText(new RegExp(`^${febCount} rewards? · `));
  await expect(page.getByRole('combobox', { name: 'Due month' })).toHaveText('February 2026');
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

declare global {
  // Snapshots of every indicator, taken by a MutationObserver while a run goes.
  var runStates: { percent: number | null; chip: string; picker: string; summary: string; cancel: boolean }[];
  // Whether the import status shows and whether Run replay is disabled, at every DOM change.
  var importStates: { importing: boolean; runDisabled: boolean | null }[];
}

/** Records what the chip, the picker, the bar, the headline and the Cancel button say, at every DOM change. */
async function recordIndicators(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(() => {
    globalThis.runStates = [];
    const read = () => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Replay progress"]');
      const now = bar?.getAttribute('aria-valuenow');
      const chip = document.querySelector('[aria-label^="Run status: "]')?.getAttribute('aria-label')?.replace('Run status: ', '') ?? '';
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Run');
      const picker = (label?.id && document.querySelector(`[role="combobox"][aria-labelledby~="${label.id}"]`)?.textContent) || '';
      const summary = document.querySelector('[aria-label="Run summary"]')?.textContent ?? '';
      const cancel = [...document.querySelectorAll('button')].some((b) => b.textContent === 'Cancel');
      const s = { percent: now == null ? null : Number(now), chip, picker, summary, cancel };
      const last = globalThis.runStates.at(-1);
      if (!last || JSON.stringify(last) !== JSON.stringify(s)) globalThis.runStates.push(s);
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    read();
  });
}

test('one run state drives every indicator: the bar only fills, Cancel ends in Cancelled everywhere, and an import holds the run button', async ({ page }) => {
  test.setTimeout(420_000);
  const wb = new WorkbenchModel(page);
  await wb.open('Replay workbench');
  await wb.pickEventSet(/with expectations/);
  await wb.runToDone(1);

  // A big file: while it imports, the run button would replay the set it replaces, so it waits.
  const csv = bigEventsCsv(300_000, ['acme-agency', 'cobalt', 'evergreen', 'brightpath']);
  // Watched in the page at every DOM change: a fast import may be over before a poll looks.
  await page.evaluate(() => {
    globalThis.importStates = [];
    const read = () => {
      const importing = [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent.includes('Importing big.events.csv'));
      const run = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Run replay');
      const s = { importing, runDisabled: run?.disabled ?? null };
      const last = globalThis.importStates.at(-1);
      if (!last || last.importing !== s.importing || last.runDisabled !== s.runDisabled) globalThis.importStates.push(s);
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    read();
  });
  await wb.fileInput.setInputFiles({ name: 'big.events.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('combobox', { name: 'Event set' })).toContainText('300,000 events', { timeout: 240_000 });
  await expect(wb.runButton).toBeEnabled();
  const importStates = await page.evaluate(() => globalThis.importStates);
  expect(importStates.some((st) => st.importing), 'the import showed its status').toBe(true);
  expect(importStates.filter((st) => st.importing).every((st) => st.runDisabled === true), 'Run replay was disabled whenever the import status showed').toBe(true);

  await recordIndicators(page);
  await wb.runButton.click();
  await expect(page.getByLabel('Replay caption')).toContainText(/\d+% · replaying/, { timeout: 120_000 });
  // One quick shot only: the run must still be going when Cancel is pressed.
  await page.screenshot({ path: `${process.env.OFFERFLOW_SCREENS ?? test.info().outputDir}/running-1440x900-light.png` });
  await wb.cancelButton.click();
  // Everything says Cancelled: chip, picker, headline; the Cancel button is gone.
  await expect(page.getByLabel('Run status: Cancelled')).toBeVisible({ timeout: 60_000 });
  await expect(wb.runPicker).toContainText(/ · Cancelled$/);
  await expect(wb.runSummary).toContainText(/^Cancelled after [\d,]+ \/ 300,000 events/);
  await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
  await expect(wb.runButton).toBeEnabled();
  await shootScreens(page, 'cancelled', test.info().outputDir);

  await wb.runToDone(3, 300_000);
  await expect(page.getByLabel('Run status: Done')).toBeVisible();
  const states = await page.evaluate(() => globalThis.runStates);
  expect(states.length).toBeGreaterThan(3);
  // The bar never goes backwards within a run (run 2, then run 3 starts again from the empty bar).
  const runs: number[][] = [[]];
  for (const s of states) {
    if (s.percent === null) {
      if ((runs.at(-1) ?? []).length > 0) runs.push([]);
      continue;
    }
    runs.at(-1)!.push(s.percent);
  }
  for (const seq of runs) expect(seq).toEqual([...seq].sort((a, b) => a - b));
  for (const s of states) {
    // While a run goes, no screen reads "0 rewards · $0.00", and no indicator is already at the end.
    if (s.cancel) {
      expect(s.summary).not.toMatch(/rewards · \$/);
      expect(s.chip).not.toMatch(/Done|Cancelled/);
    }
    // The chip and the picker never disagree.
    if (s.chip && s.picker) expect(s.picker.endsWith(` · ${s.chip}`)).toBe(true);
  }
});

test('a set without expectations says so everywhere; this run saved as the expected result; expectations edited in the app', async ({ page }) => {
  test.setTimeout(300_000);
  const wb = new WorkbenchModel(page);
  await wb.open('Replay workbench');
  await wb.fileInput.setInputFiles(path.join(ROOT, 'resources/samples/demo-q2.events.csv'));
  await expect(page.getByRole('combobox', { name: 'Event set' })).toContainText('1,885 events');
  await expect(page.getByRole('combobox', { name: 'Event set' })).not.toContainText('with expectations');
  await wb.runToDone(1);
  await expect(wb.runSummary).toContainText('no expectations');
  await expect(wb.runSummary).not.toContainText('expectations passed');
  await wb.tab('Expectations');
  await expect(page.getByRole('alert', { name: 'Expectations result' })).toHaveText('This event set has no expectations: nothing was checked.');

  const save = page.getByRole('region', { name: 'Save this run as the expected result' });
  // Partner states and rejections only (the thousands of rewards would make a long file to edit by hand below).
  await save.getByRole('checkbox', { name: /^Rewards/ }).uncheck();
  await save.getByRole('button', { name: 'Save as expected result' }).click();
  await expect(page.getByRole('status', { name: 'Saved expectations' })).toContainText(/Saved \d+ partner states, \d+ rejected events as the expectations/);
  await expect(page.getByRole('combobox', { name: 'Event set' })).toContainText('with expectations');
  // The run itself was not checked: it still says so, now pointing at the new ones.
  await expect(page.getByRole('alert', { name: 'Expectations result' })).toContainText('the event set had none when this run was made');
  await shootScreens(page, 'expectations-saved', test.info().outputDir);

  await wb.runToDone(2);
  await expect(wb.runSummary).toContainText('expectations passed');
  await wb.tab('Expectations');
  await expect(page.getByRole('alert', { name: 'Expectations result' })).toHaveText('All expectations passed');

  // Edit by hand: a typo is named by line and column, a bad value by its path; nothing is stored meanwhile.
  await page.getByRole('button', { name: 'Edit expectations' }).click();
  const editor = page.getByLabel('Expectations JSON');
  const json = await editor.inputValue();
  await editor.fill(`${json.slice(0, -1)},}`);
  await page.getByRole('button', { name: 'Save expectations' }).click();
  await expect(page.getByRole('region', { name: 'Edit expectations' })).toContainText(/Expectations are not JSON: line \d+, column \d+/);
  const parsed = JSON.parse(json) as { partners: { key: string; group: string | null }[] };
  const group = parsed.partners[0]!.group;
  parsed.partners[0]!.group = '';
  await editor.fill(JSON.stringify(parsed, null, 2));
  await page.getByRole('button', { name: 'Save expectations' }).click();
  await expect(page.getByRole('region', { name: 'Edit expectations' })).toContainText('expect.partners[0].group');
  parsed.partners[0]!.group = group === 'gold' ? 'silver' : 'gold';
  await editor.fill(JSON.stringify(parsed, null, 2));
  await shootScreens(page, 'expectations-edit', test.info().outputDir);
  await page.getByRole('button', { name: 'Save expectations' }).click();
  await expect(page.getByRole('region', { name: 'Edit expectations' })).toHaveCount(0);
  await wb.runToDone(3);
  await expect(wb.runSummary).toContainText('expectations failed');
  await wb.tab('Expectations');
  await expect(page.getByRole('region', { name: 'Partner state differs' })).toBeVisible();
});

test('a rejected event says why; an event where nothing fired gives one line per trigger, naming the first failing rule and what it saw', async ({ page, api }) => {
  test.setTimeout(240_000);
  const wb = new WorkbenchModel(page);
  const [summary] = await api.call('programs.list', {});
  const program = parseProgramText((await api.call('programs.export', { programId: summary!.id })).text);
  const events = parseEventSetText(fs.readFileSync(path.join(ROOT, 'resources/samples/demo.events.json'), 'utf8'));
  const report = replay(program, events);
  await wb.open('Replay workbench');
  await wb.pickEventSet(/with expectations/);
  await wb.runToDone(1);

  // Rejected: the trace gives the rejection, not "No trigger listens".
  const rejected = report.rejected[0]!;
  await wb.tab('Rejected');
  await page.getByRole('button', { name: `Trace event ${rejected.eventId}` }).click();
  await expect(page.getByRole('alert', { name: 'Rejected' })).toContainText(rejected.message, { timeout: 30_000 });
  await expect(page.getByText(/No trigger listens/)).toHaveCount(0);

  // Nothing fired: a sale no trigger rewarded, moved or tagged.
  const acted = new Set([...report.rewards.map((r) => r.eventId), ...report.groupChanges.map((g) => g.eventId), ...report.tagsApplied.map((t) => t.eventId)]);
  const rejectedIds = new Set(report.rejected.map((r) => r.eventId));
  const quiet = events.events.find((e) => e.type === 'transaction.created' && !acted.has(e.id ?? '') && !rejectedIds.has(e.id ?? ''))!;
  const listening = program.triggers.filter((t) => t.event === 'transaction.created');
  await page.getByLabel('Event id').fill(quiet.id!);
  await page.getByRole('button', { name: 'Show trace' }).click();
  const why = page.getByRole('region', { name: 'Why nothing fired' });
  await expect(why).toBeVisible({ timeout: 30_000 });
  await expect(why.getByRole('listitem')).toHaveCount(listening.length);
  for (const line of await why.getByRole('listitem').allInnerTexts()) expect(line).toMatch(/ did not (fire: “.+” saw .+|run: .+)\./);
  // No wall of red "Failed" cards: a trigger's rules open from its line.
  await expect(page.getByRole('region', { name: /^Trigger / })).toHaveCount(0);
  const firstFailing = listening.find((t) => t.status === 'active')!;
  await why.getByRole('button', { name: `Rules of ${firstFailing.name}` }).click();
  await expect(page.getByRole('region', { name: `Trigger ${firstFailing.id}` })).toBeVisible();
  await shootScreens(page, 'trace-nothing-fired', test.info().outputDir);
});

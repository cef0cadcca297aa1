/**
 * The event browser, walked as a QA person would: the run's events listed with what the run did
 * with each, filtered by type, outcome, partner, days typed by hand and text, and a row opening
 * its trace. Its counts are checked against the engine's own replay of the same inputs.
 * Screenshots at 1280×800 and 1920×1080 in both themes (`OFFERFLOW_SCREENS`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures';
import { WorkbenchModel } from './models/workbench';
import { shootScreens } from './models/screens';
import { parseEventSetText, parseProgramText } from '../engine/formats/read';
import { replay } from '../engine/replay/replay';
import { parseInstant } from '../engine/time';
import { Temporal } from 'temporal-polyfill';

test('the event browser lists the run\'s events with their outcomes, filters them as the engine counts, and a row opens its trace', async ({ page, api }) => {
  test.setTimeout(240_000);
  const wb = new WorkbenchModel(page);
  const [summary] = await api.call('programs.list', {});
  const program = parseProgramText((await api.call('programs.export', { programId: summary!.id })).text);
  const events = parseEventSetText(fs.readFileSync(path.join(ROOT, 'resources/samples/demo.events.json'), 'utf8')).events;
  const report = replay(program, { format: 'offerflow.events/1', name: '', events });
  await wb.open('Replay workbench');
  await wb.pickEventSet(/with expectations/);
  await wb.runToDone(1);
  await wb.tab('Events');

  const count = page.getByRole('status', { name: 'Event count' });
  const table = page.getByRole('table', { name: 'Events' });
  const n = (x: number): string => x.toLocaleString('en-US');
  await expect(count).toHaveText(new RegExp(`^${n(events.length)} events · times in ${program.timeZone}`), { timeout: 30_000 });
  await expect(table.getByRole('rowgroup').getByRole('row').first()).toBeVisible();
  await shootScreens(page, 'event-browser', test.info().outputDir);

  // By type: the engine's count of that type.
  const sales = events.filter((e) => e.type === 'transaction.created').length;
  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Transaction', exact: true }).click();
  await expect(count).toHaveText(new RegExp(`^${n(sales)} of ${n(events.length)} events match`));
  // Rows say the type in words, the type itself in the tooltip.
  await expect(table.getByRole('rowgroup').getByRole('row').first().getByRole('cell').nth(1)).toHaveText('Transaction');
  await expect(table.getByRole('rowgroup').getByRole('row').first().getByRole('cell').nth(1)).toHaveAttribute('title', 'transaction.created');

  // Sales nothing fired for: the engine's quiet sales.
  const acted = new Set([...report.rewards.map((r) => r.eventId), ...report.groupChanges.map((g) => g.eventId), ...report.tagsApplied.map((t) => t.eventId)]);
  const rejectedAt = new Set(report.rejected.map((r) => r.index));
  const quiet = events.filter((e, i) => e.type === 'transaction.created' && !rejectedAt.has(i) && !acted.has(e.id ?? `#${i + 1}`));
  expect(quiet.length).toBeGreaterThan(0);
  await page.getByRole('combobox', { name: 'What the run did' }).click();
  await page.getByRole('option', { name: 'Nothing fired' }).click();
  await expect(count).toHaveText(new RegExp(`^${n(quiet.length)} of ${n(events.length)} events match`));
  const firstRow = table.getByRole('rowgroup').getByRole('row').first();
  await expect(firstRow).toContainText('Nothing fired');
  await shootScreens(page, 'event-browser-filtered', test.info().outputDir);

  // A row opens its trace: one line per listening trigger, saying why it did not fire.
  await firstRow.click();
  await expect(page.getByRole('tab', { name: 'Trace' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Why nothing fired' })).toBeVisible({ timeout: 30_000 });

  // Back to the events: the filters are as they were left.
  await wb.tab('Events');
  await expect(count).toHaveText(new RegExp(`^${n(quiet.length)} of ${n(events.length)} events match`));
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(new RegExp(`^${n(events.length)} events`));

  // Rejected events, each opening a trace that says why.
  await page.getByRole('combobox', { name: 'What the run did' }).click();
  await page.getByRole('option', { name: 'Rejected' }).click();
  await expect(count).toHaveText(new RegExp(`^${n(report.rejected.length)} of ${n(events.length)} events match`));
  const rejectedRow = table.getByRole('rowgroup').getByRole('row').first();
  await expect(rejectedRow).toContainText('Rejected');
  await rejectedRow.getByRole('button', { name: /^Trace event / }).click();
  await expect(page.getByRole('alert', { name: 'Rejected' })).toBeVisible({ timeout: 30_000 });

  // Days typed by hand, in the program's clock, the last day included.
  await wb.tab('Events');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  const zone = program.timeZone;
  const dayOf = (at: string): string => Temporal.Instant.fromEpochMilliseconds(parseInstant(at)!).toZonedDateTimeISO(zone).toPlainDate().toString();
  const days = [...new Set(events.map((e) => dayOf(e.at)))].sort();
  const [from, to] = [days[Math.floor(days.length / 3)]!, days[Math.floor((days.length * 2) / 3)]!];
  const inRange = events.filter((e) => dayOf(e.at) >= from && dayOf(e.at) <= to).length;
  const typed = (iso: string): string => `${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(0, 4)}`;
  await page.getByLabel('From day').fill(typed(from));
  await page.getByLabel('Last day').fill(typed(to));
  await expect(count).toHaveText(new RegExp(`^${n(inRange)} of ${n(events.length)} events match`));
  // The wrong way round is said plainly, and asks nothing.
  await page.getByLabel('From day').fill(typed(to));
  await page.getByLabel('Last day').fill(typed(from));
  await expect(page.getByText('The last day is before the first ("From") day.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(new RegExp(`^${n(events.length)} events`));
  const partner = program.partners[0]!;
  await page.getByRole('combobox', { name: 'Partner' }).click();
  await page.getByRole('option', { name: partner.name, exact: true }).click();
  await expect(count).toHaveText(/ of .* events match/);
  const rows = table.getByRole('rowgroup').getByRole('row');
  await expect(rows.first()).toContainText(partner.name);
});

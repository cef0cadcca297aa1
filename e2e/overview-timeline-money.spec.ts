/**
 * The new screens of issue 15 walked as a person would, their numbers checked against the
 * engine's own report for the same inputs (the stored demo program and the demo event set,
 * replayed here by the engine directly): program overview (per trigger and per partner),
 * partner timeline and statement, money out (invoice CSV, print page, 12-month calendar).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, ROOT } from './fixtures';
import { replay } from '../engine';
import { formatMinor } from '../engine/money';
import { parseEventSetText, parseProgramText } from '../engine/formats/read';
import type { Report, RewardRow } from '../engine/formats/report';
import { printShots, shootScreens } from './models/screens';
import { displayUsd } from '../renderer/src/workbench/money-format';

const ASOF = '2026-07-01T00:00:00Z';

function cents(usd: string): number {
  const [i = '0', f = '00'] = usd.replace('-', '').split('.');
  return (usd.startsWith('-') ? -1 : 1) * (Number(i) * 100 + Number(f.padEnd(2, '0')));
}

function tally(rows: readonly RewardRow[], key: (r: RewardRow) => string): Map<string, { count: number; usd: string }> {
  const m = new Map<string, { n: number; c: number }>();
  for (const r of rows) {
    const t = m.get(key(r)) ?? { n: 0, c: 0 };
    t.n++;
    t.c += cents(r.amountUsd);
    m.set(key(r), t);
  }
  return new Map([...m].map(([k, t]) => [k, { count: t.n, usd: formatMinor(t.c, 'USD') }]));
}

test('program overview, partner timeline, statement and money out agree with the engine', async ({ page, api }) => {
  test.setTimeout(300_000);
  const [summary] = await api.call('programs.list', {});
  const programId = summary!.id;
  const sets = await api.call('eventSets.list', { programId });
  const demo = sets.find((s) => s.source === 'json' && s.eventCount > 1000)!;
  const { runId } = await api.call('replay.start', { programId, eventSetId: demo.id, asOf: ASOF });
  await expect.poll(async () => (await api.call('replay.progress', { runId })).status, { timeout: 120_000 }).toBe('done');

  const exported = await api.call('programs.export', { programId });
  const program = parseProgramText(exported.text);
  const engine: Report = replay(program, parseEventSetText(fs.readFileSync(path.join(ROOT, 'resources/samples/demo.events.json'), 'utf8'), 'demo.events.json'), { asOf: ASOF });
  expect(engine.rewards.length).toBe((await api.call('replay.progress', { runId })).rewardCount);
  const perTrigger = tally(engine.rewards, (r) => r.triggerId);
  const perPartner = tally(engine.rewards, (r) => r.partnerKey);

  // ----- program overview -----
  await page.getByRole('button', { name: /^Program overview/ }).click();
  await expect(page.getByRole('banner').getByRole('heading', { name: 'Program overview' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Triggers' });
  await expect(table.locator('tbody tr')).toHaveCount(program.triggers.length);
  for (const t of program.triggers) {
    const row = table.locator('tbody tr').filter({ hasText: t.id });
    const want = perTrigger.get(t.id) ?? { count: 0, usd: '0.00' };
    const cells = row.first().getByRole('cell');
    await expect(cells.nth(4), t.id).toHaveText(want.count.toLocaleString('en-US'));
    await expect(cells.nth(5), t.id).toHaveText(displayUsd(want.usd));
  }
  // A group move and a tag read by the names the program gives them, not by their keys.
  for (const t of program.triggers) {
    const a = t.action;
    if (a.type !== 'change_group' && a.type !== 'apply_tag') continue;
    const named = a.type === 'change_group' ? program.groups.find((g) => g.key === a.group) : program.tags.find((g) => g.key === a.tag);
    expect(named, t.id).toBeDefined();
    const offer = table.locator('tbody tr').filter({ hasText: t.id }).first().getByRole('cell').nth(3);
    await expect(offer, t.id).toHaveText(a.type === 'change_group' ? `moves to group ${named!.name}` : `tags “${named!.name}”`);
  }
  // The demo names its tags apart from their keys ("High value" for high-value), so the check above can tell them apart.
  expect(program.tags.some((g) => g.name.toLowerCase() !== g.key.toLowerCase())).toBe(true);
  const partnerTable = page.getByRole('table', { name: 'Run summary per partner table' });
  for (const [key, want] of perPartner) {
    const name = program.partners.find((p) => p.key === key)?.name || key;
    const row = partnerTable.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
    await expect(row.getByRole('cell').nth(1), key).toHaveText(want.count.toLocaleString('en-US'));
    await expect(row.getByRole('cell').nth(2), key).toHaveText(displayUsd(want.usd));
  }
  await expect(page.getByRole('img', { name: 'Run summary per trigger chart' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Run summary per partner chart' }).locator('svg rect').first()).toBeVisible();

  // Search and filters narrow the table; clearing brings every trigger back.
  await page.getByLabel('Search triggers').fill('milestone');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('Search triggers').fill('');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Draft' }).click();
  const drafts = program.triggers.filter((t) => t.status === 'draft').length;
  await expect(page.getByRole('status', { name: 'Triggers shown' })).toContainText(`${drafts} of ${program.triggers.length} triggers`);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Any status' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(program.triggers.length);

  // The status toggle deactivates and reactivates a trigger (its start kept).
  const kicker = program.triggers.find((t) => t.id === 'europe-kicker')!;
  await page.getByRole('switch', { name: `Deactivate ${kicker.name}` }).click();
  await expect(page.getByRole('switch', { name: `Activate ${kicker.name}` })).not.toBeChecked();
  expect((await api.call('programs.get', { programId })).program.triggers.find((t) => t.id === kicker.id)?.status).toBe('inactive');
  await page.getByRole('switch', { name: `Activate ${kicker.name}` }).click();
  await expect(page.getByRole('switch', { name: `Deactivate ${kicker.name}` })).toBeChecked();
  const back = (await api.call('programs.get', { programId })).program.triggers.find((t) => t.id === kicker.id)!;
  expect([back.status, back.activatedAt]).toEqual(['active', kicker.activatedAt]);

  await shootScreens(page, 'program-overview', test.info().outputDir, async () => {
    await expect(table).toBeVisible();
  });

  // ----- partner timeline, from a partner link -----
  const [topKey, topWant] = [...perPartner].sort((a, b) => cents(b[1].usd) - cents(a[1].usd))[0]!;
  const topName = program.partners.find((p) => p.key === topKey)?.name || topKey;
  await partnerTable.getByRole('button', { name: topName, exact: true }).click();
  await expect(page.getByRole('banner').getByRole('heading', { name: 'Partner timeline' })).toBeVisible();
  const totals = page.getByRole('status', { name: 'Timeline totals' });
  await expect(totals).toContainText(`${topWant.count.toLocaleString('en-US')} rewards · ${displayUsd(topWant.usd)}`, { timeout: 30_000 });
  const moves = engine.groupChanges.filter((g) => g.partnerKey === topKey).length;
  const tags = engine.tagsApplied.filter((g) => g.partnerKey === topKey).length;
  await expect(totals).toContainText(`${moves} group moves · ${tags} tags`);
  // The partner's group and tier read by their names, as the program's settings name them.
  const top = program.partners.find((p) => p.key === topKey);
  const groupName = program.groups.find((g) => g.key === top?.group)?.name;
  const tierName = program.tiers.find((t) => t.key === top?.tier)?.name;
  expect([groupName, tierName], 'the top partner has a named group and tier').toEqual([expect.any(String), expect.any(String)]);
  await expect(page.getByLabel('Partner details')).toContainText(`group ${groupName!} · tier ${tierName!} · `);
  const rows = page.getByRole('table', { name: 'Partner timeline' }).locator('tbody tr');
  await page.getByRole('button', { name: 'Latest' }).click();
  await expect(rows.last().getByRole('cell').nth(6)).toHaveText(`${displayUsd(topWant.usd)} · ${topWant.count}`);
  await expect(page.getByRole('img', { name: 'Earnings per month chart' })).toBeVisible();
  // Only drip payments: as many as the engine's drip rows for the partner.
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'drip payments' }).click();
  const drips = engine.rewards.filter((r) => r.partnerKey === topKey && r.kind === 'drip').length;
  if (drips === 0) await expect(page.getByText('Nothing of this kind for this partner.')).toBeVisible();
  else await expect(rows).toHaveCount(Math.min(200, drips));
  if (drips > 0) await expect(page.getByLabel('Timeline page')).toContainText(`of ${drips.toLocaleString('en-US')}`);
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Everything' }).click();
  await shootScreens(page, 'partner-timeline', test.info().outputDir, async () => {
    await expect(totals).toBeVisible();
  });

  // ----- statement, printable -----
  await page.getByRole('tab', { name: 'Statement' }).click();
  const statement = page.getByRole('region', { name: 'Partner statement' });
  await expect(statement.getByLabel('Statement totals')).toContainText(`${topWant.count.toLocaleString('en-US')} rewards · ${displayUsd(topWant.usd)} in all`);
  await expect(statement.getByRole('table', { name: 'Statement rewards' }).locator('tbody tr')).toHaveCount(topWant.count);
  await shootScreens(page, 'partner-statement', test.info().outputDir, async () => {
    await expect(statement).toBeVisible();
  });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Navigator' })).toBeHidden();
  await expect(statement.getByRole('heading', { name: `Statement · ${topName}` })).toBeVisible();
  await expect(statement.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  // Printed, the statement holds every reward (the on-screen scroll box does not clip it), over pages.
  const rewardsBox = statement.getByRole('table', { name: 'Statement rewards' }).locator('xpath=..');
  expect(await rewardsBox.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  const printed = await printShots(page, 'statement', test.info().outputDir);
  expect(printed.pages).toBeGreaterThan(Math.ceil(topWant.count / 60));
  await page.emulateMedia({ media: 'screen' });

  // Leave and come back: the partner stays chosen.
  await page.getByRole('button', { name: /^Replay workbench/ }).click();
  await page.getByRole('button', { name: /^Partner timeline/ }).click();
  await page.getByRole('combobox', { name: 'Partner' }).click();
  await page.getByRole('option', { name: topName, exact: true }).click();
  await expect(totals).toContainText(displayUsd(topWant.usd));

  // ----- money out -----
  await page.getByRole('button', { name: /^Rewards & payouts/ }).click();
  const inv = await api.call('payouts.month', { runId });
  await expect(page.getByLabel('Invoice total')).toHaveText(displayUsd(inv.totalUsd));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export invoice CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8').trimEnd().split('\r\n');
  expect(csv[0]).toBe('partnerKey,partnerName,rewards,balanceUsd,approvedUsd,canCashOut');
  expect(csv).toHaveLength(inv.lines.length + 2);
  expect(csv.at(-1)).toContain(`,${inv.totalUsd},`);
  const invoiced = engine.rewards.filter((r) => (r.status === 'pending' || r.status === 'approved') && r.invoiceDate === inv.invoiceDate);
  expect(inv.totalUsd).toBe(formatMinor(invoiced.reduce((a, r) => a + cents(r.amountUsd), 0), 'USD'));
  const year = page.getByRole('table', { name: 'Payout calendar' });
  await expect(year.locator('tbody tr')).toHaveCount(12);
  await expect(page.getByRole('img', { name: 'Monthly payouts chart' })).toBeVisible();
  await shootScreens(page, 'money-out', test.info().outputDir, async () => {
    await expect(page.getByLabel('Invoice total')).toBeVisible();
  });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('region', { name: 'Invoice' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payout calendar, 12 months' })).toBeHidden();
  expect((await printShots(page, 'invoice', test.info().outputDir)).pages).toBeGreaterThanOrEqual(1);
  // The on-screen "Statement" links are not printed, nor their column.
  await expect(page.getByRole('table', { name: 'Partner balances' }).getByRole('columnheader', { name: 'Statement' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // A balance's partner link and its statement link reach the partner screen.
  const line = inv.lines[0]!;
  const lineName = program.partners.find((p) => p.key === line.partnerKey)?.name || line.partnerKey;
  await page.getByRole('table', { name: 'Partner balances' }).getByRole('button', { name: lineName, exact: true }).click();
  await expect(page.getByRole('banner').getByRole('heading', { name: 'Partner timeline' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Partner' })).toHaveText(lineName);
});

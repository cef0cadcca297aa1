/**
 * The replay workbench at scale and against the engine: a big event set replays with live
 * progress while the window stays usable, can be cancelled, and its ledger opens and scrolls to
 * its last row; and every number the screens show for the demo set matches the engine's report.
 * The suite walks the big set at 200,000 events (the paths are the same: a file past the host's
 * 4 MiB call limit through the import job, paged ledger, progress, cancel); `npm run bench:ui`
 * walks it at 1,000,000 with OFFERFLOW_BENCH=1 and holds the < 1 s ledger target there. How fast
 * the ledger opens is measured, never asserted, in the suite (a loaded machine must not fail it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures';
import { WorkbenchModel, plainUsd } from './models/workbench';
import { bigEventsCsv } from './models/workbench-events';
import { parseEventSetText, parseProgramText } from '../engine/formats/read';
import { replay } from '../engine/replay/replay';
import { visibility } from '../engine/visibility';
import { displayUsd, groupDigits, sumUsd } from '../renderer/src/workbench/money-format';
import { formatInstant } from '../renderer/src/ui/format-instant';
import { shortDayLabel } from '../renderer/src/workbench/month-model';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

declare global {
  function whenShown(selector: string, act: () => void): Promise<number>;
}

// The bench's size, or the suite's: OFFERFLOW_BIG_EVENTS overrides both (e.g. to walk 1e6 by hand).
const BIG = Number(process.env.OFFERFLOW_BIG_EVENTS ?? (process.env.OFFERFLOW_BENCH ? 1_000_000 : 200_000));

test('a big event set (a million in the bench): live progress, a usable window, cancel, and a ledger that opens and scrolls to the end', async ({ page }) => {
  test.setTimeout(600_000);
  const wb = new WorkbenchModel(page);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-big-')), 'big.events.csv');
  fs.writeFileSync(file, bigEventsCsv(BIG, ['acme-agency', 'cobalt', 'evergreen', 'brightpath', 'fjord-labs']));
  // Past the host's 4 MiB call limit, so the set goes through the import job like a real file.
  expect(fs.statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);

  await page.addInitScript(() => {
    // Milliseconds from `act` until `selector` is in the DOM.
    globalThis.whenShown = (selector, act) =>
      new Promise((resolve) => {
        const start = performance.now();
        const done = () => document.querySelector(selector) !== null;
        const obs = new MutationObserver(() => {
          if (done()) {
            obs.disconnect();
            resolve(performance.now() - start);
          }
        });
        obs.observe(document.body, { childList: true, subtree: true, attributes: true });
        act();
        if (done()) {
          obs.disconnect();
          resolve(performance.now() - start);
        }
      });
  });
  await page.reload();
  await wb.open('Replay workbench');
  await wb.fileInput.setInputFiles(file);
  await expect(page.getByRole('combobox', { name: 'Event set' })).toContainText(`${BIG.toLocaleString('en-US')} events`, { timeout: 240_000 });

  await wb.runButton.click();
  await expect(wb.progress).toBeVisible();
  const first = Number(await wb.progress.getAttribute('aria-valuenow'));
  // The window answers while the worker replays: open another view and come back.
  await wb.open('Offer visibility');
  await expect(page.getByRole('table', { name: 'Offer visibility matrix' })).toBeVisible();
  await wb.open('Replay workbench');
  await expect(wb.progress).toBeVisible();
  await expect.poll(async () => Number(await wb.progress.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(first);
  await wb.shot('workbench-big-running');
  await wb.cancelButton.click();
  await expect(wb.runPicker).toContainText(/^Run 1 · .* · Cancelled$/, { timeout: 30_000 });

  await wb.runToDone(2, 400_000);
  await wb.tab('Group moves');
  // Timed in the page (click → first row in the DOM), so Playwright's polling does not count.
  const openMs = await page.evaluate(() => whenShown('input[aria-label="Select reward r1"]', () => {
    const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === 'Ledger');
    tab?.click();
  }));
  await expect(wb.ledgerRow('r1')).toBeVisible();
  await expect(wb.ledgerTotals).toContainText('rewards');
  const totals = await wb.ledgerTotals.innerText();
  const count = Number(/^([\d,]+) rewards/.exec(totals)?.[1]?.replace(/,/g, ''));
  const endMs = await page.evaluate((n) => whenShown(`input[aria-label="Select reward r${n}"]`, () => {
    const el = document.querySelector('[data-testid="ledger-scroll"]');
    el?.scrollTo(0, el.scrollHeight);
  }), count);
  await expect(wb.ledger.getByRole('checkbox', { name: `Select reward r${count}`, exact: true })).toBeVisible();
  test.info().annotations.push({ type: 'ledger-open-ms', description: String(openMs) }, { type: 'ledger-scroll-to-end-ms', description: String(endMs) }, { type: 'ledger-rows', description: String(count) });
  console.log(`ledger of ${count} rewards: opened in ${Math.round(openMs)} ms, scrolled to the end in ${Math.round(endMs)} ms`);
  await wb.shot('workbench-big-ledger');
  // The target is the bench's (`npm run bench:ui`), never a timed assertion in the suite.
  if (process.env.OFFERFLOW_BENCH) expect(openMs, `ledger of a ${BIG.toLocaleString('en-US')}-event run opens in under a second`).toBeLessThan(1000);
});

test('every number on the screens matches the engine report for the same inputs', async ({ page, api }) => {
  // Many screens in one walk; the shared 2-core machine needs more than the default minute.
  test.setTimeout(180_000);
  const wb = new WorkbenchModel(page);
  const [summary] = await api.call('programs.list', {});
  const program = parseProgramText((await api.call('programs.export', { programId: summary!.id })).text);
  const events = parseEventSetText(fs.readFileSync(path.join(ROOT, 'resources/samples/demo.events.json'), 'utf8'));
  const report = replay(program, events);
  const rewards = report.rewards;

  await wb.open('Replay workbench');
  await wb.pickEventSet(/with expectations/);
  await wb.runToDone(1);

  // Headline: count, USD total, rejections, expectations.
  await expect(wb.ledgerTotals).toHaveText(`${groupDigits(String(rewards.length))} rewards · ${displayUsd(sumUsd(rewards.map((r) => r.amountUsd)))} total`);
  await expect(wb.runSummary).toContainText(`${groupDigits(String(report.rejected.length))} rejected`);
  await expect(wb.runSummary).toContainText(report.expectations.passed ? 'expectations passed' : 'expectations failed');

  // Rows: every visible ledger row equals the report's reward with the same id.
  await expect(wb.ledgerRow('r1')).toBeVisible();
  const byId = new Map(rewards.map((r) => [r.id, r]));
  // The reward id is an optional column: show it for this check, then go back to the defaults.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Reward' }).click();
  await page.keyboard.press('Escape');
  const rows = await wb.visibleLedgerRows();
  expect(rows.length).toBeGreaterThan(5);
  // People read names and the program's clock; the ids behind them are the report's.
  const triggerName = new Map(program.triggers.map((t) => [t.id, t.name]));
  const partnerName = new Map(program.partners.map((p) => [p.key, p.name || p.key]));
  for (const cells of rows) {
    const r = byId.get(cells.Reward ?? '');
    expect(r, `reward ${cells.Reward}`).toBeDefined();
    expect([cells.Partner, cells.Trigger, cells.Event, plainUsd(cells.USD ?? ''), cells.Due, cells.Payout]).toEqual([
      partnerName.get(r!.partnerKey), triggerName.get(r!.triggerId), r!.eventId, r!.amountUsd, formatInstant(r!.dueAt, program.timeZone), shortDayLabel(r!.payoutDate),
    ]);
  }
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitem', { name: 'Default columns' }).click();
  await page.keyboard.press('Escape');
  expect(await wb.ledgerHeaders()).toEqual(['', 'Partner', 'Trigger', 'Event', 'USD', 'Due', 'Status', 'Payout', 'Review']);

  // A filter: one partner's rewards and total.
  const partner = rewards[0]!.partnerKey;
  await page.getByRole('combobox', { name: 'Partner' }).click();
  await page.getByRole('option', { name: partnerName.get(partner), exact: true }).click();
  const mine = rewards.filter((r) => r.partnerKey === partner);
  await expect(wb.ledgerTotals).toHaveText(`${groupDigits(String(mine.length))} reward${mine.length === 1 ? '' : 's'} · ${displayUsd(sumUsd(mine.map((r) => r.amountUsd)))} total`);

  // Group moves and final partner states.
  await wb.tab('Group moves');
  const moves = page.getByRole('table', { name: 'Group moves' }).locator('tbody tr');
  if (report.groupChanges.length === 0) await expect(page.getByText('No partner changed group.')).toBeVisible();
  else await expect(moves).toHaveCount(Math.min(500, report.groupChanges.length));
  // Groups read by their names, as the program's settings name them.
  const groupName = new Map(program.groups.map((g) => [g.key, g.name]));
  await wb.tab('Partners');
  for (const p of report.partners) {
    const name = partnerName.get(p.key) ?? p.key;
    const head = name === p.key ? p.key : `${name} ${p.key}`;
    await expect(page.getByRole('table', { name: 'Final partner states' }).getByRole('row', { name: new RegExp(`^${escapeRe(head)} ${escapeRe(p.group === null ? '—' : groupName.get(p.group) ?? p.group)} `) })).toBeVisible();
  }

  // The invoice of the first month: pending/approved rewards due that month.
  await wb.open('Rewards & payouts');
  const month = [...new Set(rewards.map((r) => r.invoiceDate))].sort()[0]!;
  const due = rewards.filter((r) => r.invoiceDate === month && (r.status === 'pending' || r.status === 'approved'));
  await expect(wb.invoiceTotal).toHaveText(displayUsd(sumUsd(due.map((r) => r.amountUsd))));

  // Visibility: each partner sees as many offers as the engine says.
  await wb.open('Offer visibility');
  const vis = visibility(program);
  const matrix = page.getByRole('table', { name: 'Offer visibility matrix' });
  for (const p of vis.partners) {
    const row = matrix.getByRole('row').filter({ has: page.getByRole('button', { name: new RegExp(`^${escapeRe(partnerName.get(p.key) ?? p.key)} × `) }) }).first();
    await expect(row.getByRole('cell').last()).toHaveText(`${p.visible.length}/${vis.offers.length}`);
  }
});

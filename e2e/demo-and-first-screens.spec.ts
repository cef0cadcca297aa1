/**
 * Issue 15, "Found" 6 and the demo path: a `serve --demo` tab survives a host restart (same
 * token, the page reconnects and fills its sidebar again), the page has an icon (no 404 in the
 * console), an empty program's first screen does not talk about a demo event set, "can cash
 * out" shows only for approved balances, and a one-time bonus is not "for each sale".
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { launchHost } from './host';
import { WorkbenchModel } from './models/workbench';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

test('a --demo tab reconnects after the host restarts, with its sidebar, and the page has an icon', async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-demo-e2e-'));
  const port = await freePort();
  let host = await launchHost(dir, { build: false, port, args: ['--demo'] });
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  try {
    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Navigator' });
    await expect(nav.getByText('Partners', { exact: true })).toBeVisible();
    const icon = await page.request.get(`${host.origin}/favicon.ico`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/x-icon');
    expect(problems).toEqual([]);

    const firstUrl = host.url;
    await host.stop();
    await expect(page.getByRole('status', { name: 'Connection to the host' })).toContainText('reconnecting');
    host = await launchHost(dir, { build: false, port, args: ['--demo'] });
    expect(host.url).toBe(firstUrl);
    await expect(page.getByRole('status', { name: 'Connection to the host' })).toHaveCount(0, { timeout: 20_000 });
    await expect(nav.getByText('Partners', { exact: true })).toBeVisible();
    await expect(page.getByText('missing or wrong token')).toHaveCount(0);
    // The tab never reloaded: the same page talks to the new host.
    await page.getByRole('button', { name: /^Replay workbench/ }).click();
    await expect(page.getByRole('combobox', { name: 'Event set' })).toBeVisible();
  } finally {
    await context.close();
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an empty program does not talk about the demo event set', async ({ page, api }) => {
  const doc = await api.call('programs.create', { name: 'Blank program' });
  await page.evaluate((id) => localStorage.setItem('offerflow.lastProgram', id), doc.id);
  await page.reload();
  const hint = page.getByRole('note', { name: 'Where to start' });
  await expect(hint).toContainText('Add a trigger');
  await expect(hint).not.toContainText(/demo/i);
  await expect(page.locator('body')).not.toContainText('the demo event set');
});

test('"can cash out" only for approved balances of $5.00 or more; a milestone is a one-time bonus', async ({ page, api }) => {
  const wb = new WorkbenchModel(page);
  const [program] = await api.call('programs.list', {});
  const sets = await api.call('eventSets.list', { programId: program!.id });
  const { runId } = await api.call('replay.start', { programId: program!.id, eventSetId: sets.find((s) => !s.hasExpectations)?.id ?? sets[0]!.id });
  await expect.poll(async () => (await api.call('replay.progress', { runId })).status, { timeout: 60_000 }).toBe('done');
  await wb.open('Rewards & payouts');
  const balances = page.getByRole('table', { name: 'Partner balances' });
  await expect(balances.getByRole('row').nth(1)).toBeVisible();
  // Nothing is approved yet: nobody can cash out, whatever their pending balance.
  await expect(balances.getByText('can cash out', { exact: true })).toHaveCount(0);
  await expect(balances.getByText('awaiting approval').first()).toBeVisible();

  const inv = await api.call('payouts.month', { runId });
  const big = inv.lines.find((l) => Number(l.amountUsd) >= 5);
  expect(big, 'a partner with $5.00 or more due').toBeDefined();
  const rows = await api.call('replay.ledger', { runId, partnerKey: big!.partnerKey, month: inv.month, limit: 5000 });
  await api.call('rewards.review', { runId, rewardIds: rows.rows.filter((r) => r.status === 'pending').map((r) => r.id), decision: 'approved' });
  await page.reload();
  await wb.open('Rewards & payouts');
  const line = balances.getByRole('row').filter({ hasText: big!.partnerKey }).first();
  await expect(line).toContainText('can cash out');
  await expect(balances.getByText('can cash out', { exact: true })).toHaveCount(1);

  await wb.open('Offer visibility');
  // The milestone has no partner rule: every partner's dashboard lists it (the first by default).
  const dash = page.getByRole('region', { name: /^Dashboard of / });
  const milestone = dash.locator('.MuiCard-root').filter({ hasText: 'once, when transaction amount sum becomes greater than $10,000.00' });
  await expect(milestone).toHaveCount(1);
  await expect(milestone).not.toContainText('for each sale');
  await expect(dash.locator('.MuiCard-root').filter({ hasText: 'for each sale' }).first()).toBeVisible();
});

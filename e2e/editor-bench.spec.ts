/**
 * Frame times of the lanes overview with 100 triggers (600 nodes) while panning and zooming,
 * in Debian Chromium (software rendering, --disable-gpu). Prints the figures and writes them to
 * test-results/editor-bench.json; fails only if panning is unusably slow (median > 50 ms).
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TRIGGERS = 100;

function bigProgram(): string {
  const triggers = Array.from({ length: TRIGGERS }, (_, i) => ({
    id: `t${i + 1}`,
    name: `Tiered reward ${i + 1}`,
    event: 'transaction.created',
    status: 'active',
    rules: { all: [
      { object: 'partnership', field: 'joined_days', op: 'more_than_or_exactly', value: i },
      { object: 'transaction', field: 'product_key', op: 'equal_to', value: `p${i}` },
    ] },
    action: { type: 'reward', offer: { description: `$${i + 1} per sale`, type: 'flat', amount: `${i + 1}.00`, currency: 'USD' } },
  }));
  return JSON.stringify({ format: 'offerflow.program/1', name: 'Benchmark: 100 triggers', triggers });
}

async function measure(page: Page, act: () => Promise<void>): Promise<{ frames: number; median: number; p95: number; max: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __run: boolean };
    w.__frames = [];
    w.__run = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__run) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await act();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __run: boolean };
    w.__run = false;
    return w.__frames.slice(1);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { frames: frames.length, median: at(0.5), p95: at(0.95), max: at(1) };
}

test('500+ node overview pans and zooms smoothly', async ({ page, api }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const doc = await api.call('programs.import', { text: bigProgram(), fileName: 'bench.json' });
  await page.reload();
  await page.getByRole('combobox', { name: 'Program' }).click();
  await page.getByRole('option', { name: doc.program.name }).click();
  await page.getByRole('list', { name: 'A transaction is created', exact: true }).getByRole('button', { name: 'Evaluation order' }).click();
  await page.getByRole('button', { name: 'Lanes canvas' }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const label = (await page.getByRole('figure', { name: /^Overview:/ }).getAttribute('aria-label')) ?? '';
  const count = Number(/(\d+) nodes/.exec(label)?.[1] ?? 0);
  const rendered = await page.locator('.react-flow__node').count();
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  const pan = await measure(page, async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 60; i += 1) await page.mouse.move(cx + Math.sin(i / 6) * 300, cy + i * 4);
    await page.mouse.up();
  });
  const zoom = await measure(page, async () => {
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 30; i += 1) await page.mouse.wheel(0, i < 15 ? -120 : 120);
    await page.waitForTimeout(300);
  });
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.waitForTimeout(500);
  const renderedAll = await page.locator('.react-flow__node').count();
  const panAll = await measure(page, async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 60; i += 1) await page.mouse.move(cx + Math.sin(i / 6) * 300, cy + i * 2);
    await page.mouse.up();
  });
  const result = { nodes: count, renderedAtStart: rendered, renderedAtFit: renderedAll, panAll, triggers: TRIGGERS, viewport: '1920x1080', pan, zoom };
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync('test-results/editor-bench.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
  await page.screenshot({ path: 'test-results/screens/editor-1920-light-lanes-100.png' });
  expect(count).toBeGreaterThanOrEqual(500);
  expect(pan.median).toBeLessThan(50);
});

/**
 * Issue #14, "Found 5" at 1280×800: node text at least 12 px at the default zoom, the minimap
 * clear of the nodes, the whole seed tree one click away when it is wider than the view, the
 * trigger's whole name in the top bar, full names on hover and in what screen readers hear.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EditorPage, OrderPage } from './models/editor-page';

test.use({ viewport: { width: 1280, height: 800 } });

type Box = { left: number; right: number; top: number; bottom: number };
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The canvas as drawn: its zoom, the least node text size on screen, and where things are. */
async function drawn(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const viewport = document.querySelector('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    let least = Infinity;
    for (const el of document.querySelectorAll('.react-flow__node *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (own) least = Math.min(least, parseFloat(getComputedStyle(el).fontSize) * zoom);
    }
    return {
      zoom,
      leastTextPx: least,
      pane: box(document.querySelector('.react-flow')!),
      minimap: box(document.querySelector('.react-flow__minimap')!),
      nodes: [...document.querySelectorAll('.react-flow__node')].map(box),
    };
  });
}

test('the seed trigger at 1280×800: readable text, minimap clear, the whole tree one click away, the whole name in the top bar', async ({ page, api }) => {
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const { program } = await api.call('programs.get', { programId });
  const seed = program.triggers.find((t) => t.name.startsWith('10% for onboarded partners'))!;
  expect(seed.name.length).toBeGreaterThan(50);
  const ed = new EditorPage(page);
  await page.getByRole('button', { name: seed.name }).click();
  await expect(ed.node('action')).toBeVisible();

  const hint = page.getByRole('status', { name: 'Part of the tree is outside the view' });
  await expect(hint).toBeVisible();
  const first = await drawn(page);
  expect(first.zoom).toBe(1);
  expect(first.leastTextPx).toBeGreaterThanOrEqual(12);
  for (const n of first.nodes) expect(overlaps(n, first.minimap)).toBe(false);
  // The tree is wider than the canvas here: it starts at the Event, the rest is to the right.
  expect(Math.max(...first.nodes.map((n) => n.right))).toBeGreaterThan(first.pane.right);

  await hint.getByRole('button', { name: 'Show the whole tree' }).click();
  await expect(hint).toBeHidden();
  await expect
    .poll(async () => {
      const d = await drawn(page);
      return d.nodes.every((n) => n.left >= d.pane.left && n.right <= d.pane.right && n.top >= d.pane.top && n.bottom <= d.pane.bottom);
    })
    .toBe(true);
  const all = await drawn(page);
  expect(all.zoom).toBeLessThan(1);
  for (const n of all.nodes) expect(overlaps(n, all.minimap)).toBe(false);

  // The top bar shows the whole name (wrapped, not cut), and says it on hover.
  const title = page.getByRole('banner').getByRole('heading', { level: 1 });
  await expect(title).toHaveText(seed.name);
  await expect(title).toHaveAttribute('title', seed.name);
  expect(await title.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)).toBe(true);

  // Nodes are announced by their words, not "Draggable item n3".
  const labels = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(labels.some((l) => /Joined the program/.test(l))).toBe(true);
  expect(labels.every((l) => l.length > 0 && !/^Draggable item/.test(l))).toBe(true);
  // A cut name in the navigator has its whole name on hover.
  await expect(page.getByRole('navigation').getByRole('button', { name: seed.name })).toHaveAttribute('title', seed.name);
  await page.screenshot({ path: `${process.env.OFFERFLOW_SCREENS ?? 'test-results/screens'}/editor-1280-whole-tree.png` });
});

test('at 1920×1080 the whole seed tree shows at the default zoom, readable, with no hint', async ({ page, api }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const { program } = await api.call('programs.get', { programId });
  const seed = program.triggers.find((t) => t.name.startsWith('10% for onboarded partners'))!;
  await page.getByRole('button', { name: seed.name }).click();
  await expect(new EditorPage(page).node('action')).toBeVisible();
  await expect
    .poll(async () => {
      const d = await drawn(page);
      return d.nodes.every((n) => n.left >= d.pane.left && n.right <= d.pane.right && !overlaps(n, d.minimap));
    })
    .toBe(true);
  const d = await drawn(page);
  expect(d.zoom).toBeGreaterThanOrEqual(1);
  expect(d.leastTextPx).toBeGreaterThanOrEqual(12);
  await expect(page.getByRole('status', { name: 'Part of the tree is outside the view' })).toHaveCount(0);
});

test('moving a trigger in the evaluation order is announced by its name and place, not "Draggable item"', async ({ page, api }) => {
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const view = new OrderPage(page);
  await view.open('A transaction is created');
  const names = await view.names();
  const handle = view.handle(names[1]!);
  await handle.focus();
  await expect(page.locator(`#${await handle.getAttribute('aria-describedby')}`)).toContainText('press Space or Enter, move it with the arrow keys');
  const live = page.locator('[id^="DndLiveRegion"]');
  await page.keyboard.press('Space');
  // dnd-kit says "Picked up …" and at once where it is over; either names the trigger and place.
  const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const picked = `Picked up ${names[1]}, at place 2 of ${names.length}.`;
  const over = `${names[1]} is over place 2 of ${names.length}.`;
  await expect(live).toHaveText(new RegExp(`^(${literal(picked)}|${literal(over)})$`));
  await page.keyboard.press('Escape');
  await expect(live).toHaveText(`Moving ${names[1]} was cancelled; it stays at place 2 of ${names.length}.`);
  await expect(live).not.toContainText('Draggable item');
  expect((await api.call('programs.get', { programId })).program.evaluationOrder['transaction.created']?.length ?? names.length).toBe(names.length);
  expect(await view.names()).toEqual(names);
});

test('a copy of a long-named trigger is told apart in the navigator: its "(copy)" is never cut', async ({ page, api }) => {
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const { program } = await api.call('programs.get', { programId });
  const seed = program.triggers.find((t) => t.name.startsWith('10% for onboarded partners'))!;
  const copy = await api.call('triggers.duplicate', { programId, triggerId: seed.id });
  await page.reload();
  const nav = page.getByRole('navigation');
  const item = nav.getByTitle(copy.name, { exact: true });
  await expect(item).toBeVisible();
  const tail = item.getByText('(copy)', { exact: true });
  await expect(tail).toBeVisible();
  const [t, n] = [(await tail.boundingBox())!, (await item.boundingBox())!];
  expect(t.x + t.width).toBeLessThanOrEqual(n.x + n.width);
  // The original's row has no such tail: the two look different.
  await expect(nav.getByTitle(seed.name, { exact: true })).toBeVisible();
  await expect(nav.getByTitle(seed.name, { exact: true }).getByText('(copy)', { exact: true })).toHaveCount(0);
});

test('a rule on a date is typed as digits in the locale order, with the program zone beside it, and saved as the day', async ({ page, api }) => {
  const ed = new EditorPage(page);
  await ed.newTrigger('A customer is created');
  await ed.inspector.getByLabel('Trigger name (internal)').fill('Signed up before spring');
  await page.getByRole('button', { name: 'Palette: Rule' }).click();
  await ed.setRule('n2', 'Signed up (date)', 'before 12am on', null);
  const value = ed.inspector.getByRole('textbox', { name: 'Value' });
  await expect(ed.inspector.getByText('America/New_York', { exact: true })).toBeVisible();
  await ed.typeInto(value, '03202026');
  await value.blur();
  await expect(value).toHaveValue('03/20/2026');
  await ed.expectSaved();
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const saved = (await api.call('programs.get', { programId })).program.triggers.find((t) => t.name === 'Signed up before spring');
  expect(saved?.rules).toMatchObject({ all: [{ object: 'customer', field: 'signed_up_date', op: 'before', value: '2026-03-20' }] });
  await expect(ed.node('n2')).toContainText('2026');
});

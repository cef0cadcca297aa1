/**
 * The trigger editor end to end: build the seed's "90 days and (3 months or enterprise) → 10%"
 * trigger from the palette by mouse, set its rules in the inspector, activate it and see the
 * locks, reorder its event type's triggers by keyboard and by mouse, and reload to see it all.
 */
import { expect, test } from './fixtures';
import { doubleRewardWarnings } from '../engine/validate';
import { canvasSettled, EditorPage, OrderPage } from './models/editor-page';
import { buildSeedTrigger } from './models/seed-trigger';

const NAME = 'Mature partners: 10%';
const EVENT = 'A transaction is created';

test.use({ viewport: { width: 1280, height: 800 } });
// The host fixture's teardown can wait for the API client's keep-alive socket; leave it room.
test.describe.configure({ timeout: 120_000 });

test('build, activate, reorder and reload the seed trigger', async ({ page, api }) => {
  test.setTimeout(300_000);
  const ed = new EditorPage(page);
  await buildSeedTrigger(ed, NAME);

  const doc = await api.call('programs.get', { programId: (await api.call('programs.list', {}))[0]!.id });
  const saved = doc.program.triggers.find((t) => t.name === NAME);
  expect(saved?.rules).toEqual({
    all: [
      { object: 'partnership', field: 'joined_days', op: 'more_than_or_exactly', value: 90 },
      { any: [
        { object: 'customer', field: 'signed_up_days', op: 'more_than_or_exactly', value: 90 },
        { object: 'transaction', field: 'product_key', op: 'equal_to', value: 'enterprise' },
      ] },
    ],
  });
  expect(saved?.action).toEqual({ type: 'reward', offer: { description: '10% of every sale', type: 'percentage', percent: '10' } });

  // Activate: event, rules and action type lock; the offer stays editable.
  await expect(page.getByRole('complementary', { name: 'Palette' })).toBeVisible();
  await ed.activate();
  await expect(page.getByText(/^Locked: the trigger is activated/).first()).toBeVisible();
  // Nothing can be added to a locked tree: the palette is gone, the banner says why.
  await expect(page.getByRole('complementary', { name: 'Palette' })).toHaveCount(0);
  await ed.select('n4');
  await expect(ed.inspector.getByRole('combobox', { name: 'Field', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await ed.select('action');
  await expect(ed.inspector.getByRole('combobox', { name: 'Action', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await ed.inspector.getByLabel('Percent of the transaction').fill('12');
  await ed.expectSaved();
  await page.keyboard.press('Escape');

  // Evaluation order: last place → up two by keyboard, then back down by mouse.
  const order = new OrderPage(page);
  await order.open(EVENT);
  const before = await order.names();
  expect(before.at(-1)).toBe(NAME);
  await order.moveByKeyboard(NAME, -2);
  await expect.poll(() => order.names()).toEqual([...before.slice(0, -3), NAME, ...before.slice(-3, -1)]);
  const third = before.at(-3)!;
  await order.dragOnto(third, before.at(-2)!);
  await expect.poll(() => order.names()).toEqual([...before.slice(0, -3), NAME, before.at(-2)!, third]);
  const expected = await order.names();
  await expect.poll(async () => (await api.call('programs.get', { programId: doc.id })).program.evaluationOrder['transaction.created']?.slice(-3)).toEqual(expected.slice(-3).map((n) => doc.program.triggers.find((t) => t.name === n)?.id ?? saved?.id));

  // Reload: everything is still there.
  await page.reload();
  await order.open(EVENT);
  await expect.poll(() => order.names()).toEqual(expected);
  await page.getByRole('list', { name: EVENT, exact: true }).getByRole('button', { name: new RegExp(`^${NAME}`) }).click();
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Active', { exact: true })).toBeChecked();
  await expect(ed.node('n2')).toContainText('more than or exactly 90');
  await expect(ed.node('n5')).toContainText('Product key · equal to enterprise');
  await expect(ed.node('action')).toContainText('Reward 12% of the sale');
});

test('problems show on their node, block activation, and a trigger can be duplicated and deleted', async ({ page, api }) => {
  const ed = new EditorPage(page);
  await ed.newTrigger('A customer is created');
  await ed.select('action');
  // Percentage needs transaction.created: offered disabled, with the reason.
  await expect(ed.inspector.getByRole('button', { name: 'Percentage' })).toBeDisabled();
  await expect(ed.inspector.getByText('A percentage reward needs the "A transaction is created" event.')).toBeVisible();
  // The new draft starts Event → AND block → Action: a click on the palette adds a rule inside it.
  await page.getByRole('button', { name: 'Palette: Rule' }).click();
  await expect(page.getByTestId('rf__edge-e:n1->n2')).toBeAttached();
  await ed.setRule('n2', 'Group', 'equal to', null);
  // The rule has no value yet: the engine would reject it, so it says so on the node and in the list.
  await expect(ed.node('n2').getByRole('img', { name: /Partnership · Group equal to needs a value/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problems' }).getByText('Partnership · Group equal to needs a value')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeDisabled();
  await expect(page.getByText(/^Cannot activate: fix 1 error first/)).toBeVisible();
  await ed.choose('Value', 'Gold');
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeEnabled();
  await ed.expectSaved();

  // Undo brings the problem back; redo fixes it again.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeEnabled();

  await page.getByRole('button', { name: 'Duplicate as new draft' }).click();
  await expect(page.getByText('Duplicated as a new draft')).toBeVisible();
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const before = (await api.call('programs.get', { programId })).program.triggers.length;
  await page.getByRole('button', { name: 'Delete trigger' }).click();
  await expect(page.getByRole('dialog')).toContainText('cannot be undone');
  await page.getByRole('button', { name: 'Delete trigger' }).last().click();
  await expect(page.getByText('Trigger deleted')).toBeVisible();
  expect((await api.call('programs.get', { programId })).program.triggers.length).toBe(before - 1);
});

test('the evaluation order warns beside a group move that runs before a reward for its destination', async ({ page, api }) => {
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const { program } = await api.call('programs.get', { programId });
  const list = program.evaluationOrder['transaction.created'] ?? program.triggers.filter((t) => t.event === 'transaction.created').map((t) => t.id);
  const mover = program.triggers.find((t) => t.event === 'transaction.created' && t.status === 'active' && t.action.type === 'change_group');
  test.skip(!mover, 'the sample has no group move on transactions');
  const order = [mover!.id, ...list.filter((id) => id !== mover!.id)];
  const warnings = doubleRewardWarnings({ ...program, evaluationOrder: { ...program.evaluationOrder, 'transaction.created': order } });
  expect(warnings.length).toBeGreaterThan(0);
  await api.call('triggers.reorder', { programId, event: 'transaction.created', order });
  await page.reload();
  const view = new OrderPage(page);
  await view.open('A transaction is created');
  const victim = program.triggers.find((t) => t.id === warnings[0]!.triggerId)!;
  const row = view.list.getByRole('listitem').filter({ hasText: victim.name });
  await expect(row.getByRole('alert')).toContainText(`"${mover!.name}" moves partners to`);
  // Moving the group move down, past the rewards, clears the warning; saved at once.
  await view.moveByKeyboard(mover!.name, order.length - 2);
  await expect(view.list.getByRole('alert')).toHaveCount(0);
  await expect
    .poll(async () => {
      const saved = (await api.call('programs.get', { programId })).program.evaluationOrder['transaction.created'] ?? [];
      return saved.indexOf(mover!.id) > saved.indexOf(victim.id);
    })
    .toBe(true);
});

test('the dragged trigger keeps its own size over rows of another height (no stretched preview)', async ({ page, api }) => {
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const { program } = await api.call('programs.get', { programId });
  const list = program.evaluationOrder['transaction.created'] ?? [];
  const mover = program.triggers.find((t) => t.event === 'transaction.created' && t.status === 'active' && t.action.type === 'change_group')!;
  // The group move first: the rows after it carry a warning, so the rows differ in height.
  await api.call('triggers.reorder', { programId, event: 'transaction.created', order: [mover.id, ...list.filter((id) => id !== mover.id)] });
  await page.reload();
  const view = new OrderPage(page);
  await view.open('A transaction is created');
  const rows = view.list.getByRole('listitem');
  const tall = rows.filter({ has: page.getByRole('alert') }).first();
  const short = rows.filter({ hasNot: page.getByRole('alert') }).first();
  const tallBox = (await tall.boundingBox())!;
  const shortBox = (await short.boundingBox())!;
  expect(tallBox.height).toBeGreaterThan(shortBox.height + 20);
  const handle = tall.getByRole('button', { name: /^Reorder / });
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2 + (shortBox.y > tallBox.y ? 10 : -10), { steps: 4 });
  await page.mouse.move(h.x + h.width / 2, shortBox.y + shortBox.height / 2, { steps: 12 });
  // While it is held over the short row, it is moved, never scaled: as tall as before.
  await expect.poll(async () => (await tall.evaluate((el) => getComputedStyle(el).transform)) !== 'none').toBe(true);
  const matrix = await tall.evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform));
  expect([matrix.a, matrix.d]).toEqual([1, 1]);
  expect((await tall.boundingBox())!.height).toBeCloseTo(tallBox.height, 0);
  await page.screenshot({ path: `${process.env.OFFERFLOW_SCREENS ?? 'test-results/screens'}/order-dragging.png` });
  await page.keyboard.press('Escape');
  await page.mouse.up();
});

test('the lanes canvas reorders triggers by dragging a lane header', async ({ page, api }) => {
  const programId = (await api.call('programs.list', {}))[0]!.id;
  const view = new OrderPage(page);
  await view.open('A transaction is created');
  const before = await view.names();
  await page.getByRole('button', { name: 'Lanes canvas' }).click();
  await expect(page.getByRole('figure', { name: /^Overview:/ })).toBeVisible();
  // Let the canvas fit its first lanes before measuring where the headers are.
  await canvasSettled(page);
  const first = page.getByLabel(`Lane 1: ${before[0]}`);
  const second = page.getByLabel(`Lane 2: ${before[1]}`);
  const a = await first.boundingBox();
  const b = await second.boundingBox();
  if (!a || !b) throw new Error('lane headers not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + 5, { steps: 2 });
  // Past the second header by more than half a lane.
  const target = b.y + (b.y - a.y) * 0.6;
  for (let i = 1; i <= 20; i += 1) {
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + ((target - a.y) * i) / 20);
  }
  await page.mouse.up();
  await expect(page.getByLabel(`Lane 1: ${before[1]}`)).toBeVisible();
  const firstTwo = async () => {
    const { program } = await api.call('programs.get', { programId });
    return (program.evaluationOrder['transaction.created'] ?? []).slice(0, 2).map((id) => program.triggers.find((t) => t.id === id)?.name);
  };
  await expect.poll(firstTwo).toEqual([before[1], before[0]]);
});

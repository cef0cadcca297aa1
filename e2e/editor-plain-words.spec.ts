/**
 * Issue #14, "Found 2" and "Found 3": building a rule tree is direct (the new draft starts
 * Event → AND block → Action, palette clicks arrive connected, handles are large enough), rules
 * and the trigger read as sentences, and lint warns about a rule that can never pass and a
 * stale offer description, in Problems that select the node and show no JSON path.
 */
import { expect, test } from './fixtures';
import { EditorPage } from './models/editor-page';

test.use({ viewport: { width: 1280, height: 800 } });

test('a new trigger starts Event → AND block → Action; the palette adds connected nodes; handles are at least 12 px', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.newTrigger('A transaction is created');
  await expect(ed.node('n1')).toContainText('AND block');
  await expect(page.getByTestId('rf__edge-e:event->n1')).toBeAttached();
  await expect(page.getByTestId('rf__edge-e:n1->action')).toBeAttached();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).not.toContainText('Connect the top of the rule tree');

  // Click adds inside the AND block; Enter on a focused item does too.
  await page.getByRole('button', { name: 'Palette: Rule' }).click();
  await expect(page.getByTestId('rf__edge-e:n1->n2')).toBeAttached();
  await ed.select('n1');
  await page.getByRole('button', { name: 'Palette: OR block' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rf__edge-e:n1->n3')).toBeAttached();

  for (const handle of await ed.node('n1').locator('.react-flow__handle').all()) {
    const box = await handle.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(12);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(12);
  }

  // Deleting the AND block and drawing Event → a new block: it becomes the tree's top and feeds the Action.
  await ed.select('n1');
  await page.keyboard.press('Delete');
  await expect(ed.node('n1')).toHaveCount(0);
  await expect(problems).toContainText('Connect the Event to an AND block, a rule, or straight to the Action.');
  await ed.dropFromPalette('AND block', 420, 60);
  await ed.connect('event', 'n4');
  await expect(page.getByTestId('rf__edge-e:n4->action')).toBeAttached();
  await expect(page.getByText('The Event already starts a rule tree')).toHaveCount(0);
  // A refused connection says what to do instead.
  await ed.dropFromPalette('Rule', 180, 420);
  await ed.connect('n4', 'n5');
  await expect(page.getByTestId('rf__edge-e:n4->n5')).toBeAttached();
  await ed.connect('n5', 'n4');
  await expect(page.getByRole('alert').filter({ hasText: 'A rule holds no other rules: add an AND or OR block from the palette and connect both rules into it.' })).toBeVisible();
});

test('rules read as sentences; lint warns about an impossible rule and a stale description; Problems select the node', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.newTrigger('A transaction is created');
  await page.getByRole('button', { name: 'Palette: Rule' }).click();
  // A new rule does not start on an impossible condition.
  await expect(ed.node('n2')).toContainText('Partnership · Joined the program · more than or exactly 30 days');
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('No problems');
  await expect(ed.inspector.getByLabel('Rule in words')).toHaveText('Partnership · Joined the program · more than or exactly 30 days');

  await ed.choose('Operator', 'less than');
  await ed.inspector.getByLabel(/^Value/).fill('0');
  await expect(ed.node('n2')).toContainText('Partnership · Joined the program · less than 0 days');
  await expect(ed.node('n2').getByRole('img', { name: /can never pass/ })).toBeVisible();
  const warning = problems.getByRole('button', { name: /can never pass/ });
  await expect(warning).toContainText('Rule: Partnership · Joined the program · less than 0 days');
  // Warnings never block a draft.
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeEnabled();

  await ed.select('action');
  await ed.inspector.getByRole('button', { name: 'Percentage' }).click();
  const stale = problems.getByRole('button', { name: /The offer description “\$10 per conversion” names an amount/ });
  await expect(stale).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('When a transaction is created, if partnership joined the program less than 0 days, reward 10% of the transaction.');

  // A problem selects its node; no JSON path anywhere in the list.
  await warning.click();
  await expect(ed.inspector).toContainText('Inspector · Rule');
  await expect(problems).not.toContainText('triggers[');
  await expect(problems).not.toContainText('rules.');
  await ed.inspector.getByLabel(/^Value/).fill('90');
  await expect(warning).toHaveCount(0);
  await ed.select('action');
  await ed.inspector.getByLabel('Offer description (partners see this)').fill('10% of every sale');
  await expect(stale).toHaveCount(0);
  await expect(problems).toContainText('No problems');
  await ed.expectSaved();
});

test('activation asks first, lists what locks, can start from an instant; the toggle and banner follow the state; no zoom jump', async ({ page, api }) => {
  const ed = new EditorPage(page);
  await ed.newTrigger('A customer is created');
  await ed.inspector.getByLabel('Trigger name (internal)').fill('Deliberate');
  await page.getByRole('button', { name: 'Palette: Rule' }).click();
  await ed.expectSaved();
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');

  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Activate “Deliberate”?' });
  await expect(dialog.getByRole('list', { name: 'What locks' })).toContainText('The event: A customer is created');
  await expect(dialog.getByRole('list', { name: 'What locks' })).toContainText('The rules: 1 rule, as drawn');
  await expect(dialog.getByRole('list', { name: 'What locks' })).toContainText('The action type: Generate a reward');
  // Cancel changes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeVisible();

  // "From" is typed in the program's zone (America/New_York), shown beside the fields, and said
  // back in both clocks. A time the spring-forward change skips is refused in words.
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await dialog.getByLabel(/^Only for events received from/).check();
  const from = dialog.getByRole('group', { name: 'Received from' });
  await expect(from.getByText('America/New_York').first()).toBeVisible();
  await ed.typeInto(dialog.getByLabel(/^Received from \(date\)/), '03082026');
  await ed.typeInto(dialog.getByLabel('Time (24-hour)'), '0230');
  await expect(from).toContainText('02:30 does not exist on 2026-03-08 in America/New_York: the clocks jump from 02:00 to 03:00');
  await expect(dialog.getByRole('button', { name: 'Activate trigger' })).toBeDisabled();
  await ed.typeInto(dialog.getByLabel('Time (24-hour)'), '0300');
  await expect(dialog.getByLabel('Activation moment')).toHaveText('Events received before Mar 8, 2026 03:00 EDT (Mar 8, 2026 07:00 UTC) do not fire it.');
  // Escape leaves it as it was: still a draft.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeVisible();

  await ed.activate({ date: '03012026', time: '0:00' });
  await expect(page.getByText(/^Locked: the trigger is activated/).first()).toBeVisible();
  const programId = (await api.call('programs.list', {}))[0]!.id;
  // Midnight in New York on Mar 1 (EST) is 05:00 UTC.
  await expect.poll(async () => (await api.call('programs.get', { programId })).program.triggers.find((t) => t.name === 'Deliberate')).toMatchObject({ status: 'active', activatedAt: '2026-03-01T05:00:00Z' });
  expect(await viewport.getAttribute('style')).toBe(before);

  const toggle = page.getByRole('switch', { name: 'Active' }).or(page.getByLabel('Active', { exact: true }));
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(page.getByLabel('Inactive', { exact: true })).not.toBeChecked();
  await expect(page.getByText(/^Locked: the trigger was activated and is switched off now/).first()).toBeVisible();
  expect(await viewport.getAttribute('style')).toBe(before);
});

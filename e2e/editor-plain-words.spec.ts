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

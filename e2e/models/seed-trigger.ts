/**
 * Builds the seed's "partner ≥ 90 days AND (customer ≥ 90 days OR enterprise) → 10%" trigger on
 * the canvas by mouse: palette drops, drawn connections, rules set in the inspector.
 */
import { expect } from '@playwright/test';
import type { EditorPage } from './editor-page';

export async function buildSeedTrigger(ed: EditorPage, name: string): Promise<void> {
  const page = ed.page;
  await ed.newTrigger('A transaction is created');
  await ed.inspector.getByLabel('Trigger name (internal)').fill(name);
  // A new draft runs Event → Action; cut that and build the rule tree from the palette.
  await page.locator('.react-flow__edge').first().click();
  await page.keyboard.press('Delete');
  await ed.dropFromPalette('AND block', 220, 30);
  await ed.dropFromPalette('Rule', 400, 20);
  await ed.dropFromPalette('OR block', 400, 140);
  await ed.dropFromPalette('Rule', 200, 470);
  await ed.dropFromPalette('Rule', 400, 470);
  for (const [from, to] of [['event', 'n3'], ['n3', 'n4'], ['n3', 'n5'], ['n5', 'n6'], ['n5', 'n7']] as const) await ed.connect(from, to);
  // A rule inside a block cannot feed the Action: refused as it is drawn.
  await ed.connect('n4', 'action');
  await expect(page.getByText('Only the top of the rule tree connects to the Action.')).toBeVisible();
  await ed.connect('n3', 'action');
  await ed.layout();
  await ed.setRule('n4', 'Joined the program (days ago)', 'more than or exactly', '90');
  await ed.setRule('n6', 'Signed up (days ago)', 'more than or exactly', '90');
  await ed.setRule('n7', 'Product key', 'equal to', 'enterprise');
  await ed.select('action');
  await ed.inspector.getByRole('button', { name: 'Percentage' }).click();
  await ed.inspector.getByLabel('Percent of the transaction').fill('10');
  await ed.inspector.getByLabel('Offer description (partners see this)').fill('10% of every sale');
  await ed.expectSaved();
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeEnabled();
}

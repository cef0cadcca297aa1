/**
 * Builds the seed's "partner ≥ 90 days AND (customer ≥ 90 days OR enterprise) → 10%" trigger on
 * the canvas by mouse: palette drops into the new draft's AND block, drawn connections, rules
 * set in the inspector.
 */
import { expect } from '@playwright/test';
import type { EditorPage } from './editor-page';

export async function buildSeedTrigger(ed: EditorPage, name: string): Promise<void> {
  const page = ed.page;
  await ed.newTrigger('A transaction is created');
  await ed.inspector.getByLabel('Trigger name (internal)').fill(name);
  // A new draft runs Event → AND block (n1) → Action; drop the rest from the palette.
  await expect(ed.node('n1')).toContainText('AND block');
  await ed.dropFromPalette('Rule', 400, 20);
  await ed.dropFromPalette('OR block', 400, 140);
  await ed.dropFromPalette('Rule', 200, 470);
  await ed.dropFromPalette('Rule', 400, 470);
  for (const [from, to] of [['n1', 'n2'], ['n1', 'n3'], ['n3', 'n4'], ['n3', 'n5']] as const) await ed.connect(from, to);
  // A rule inside a block cannot feed the Action: refused as it is drawn.
  await ed.connect('n2', 'action');
  await expect(page.getByText('Only the top of the rule tree connects to the Action').first()).toBeVisible();
  await ed.layout();
  await ed.setRule('n2', 'Joined the program (days ago)', 'more than or exactly', '90');
  await ed.setRule('n4', 'Signed up (days ago)', 'more than or exactly', '90');
  await ed.setRule('n5', 'Product key', 'equal to', 'enterprise');
  await ed.select('action');
  await ed.inspector.getByRole('button', { name: 'Percentage' }).click();
  await ed.inspector.getByLabel('Percent of the transaction').fill('10');
  await ed.inspector.getByLabel('Offer description (partners see this)').fill('10% of every sale');
  await ed.expectSaved();
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeEnabled();
}

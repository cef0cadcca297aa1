/** Page model of the trigger editor: palette, canvas, inspector, lifecycle and evaluation order. */
import { expect, type Locator, type Page } from '@playwright/test';

export type PaletteItem = 'AND block' | 'OR block' | 'Rule';

export class EditorPage {
  constructor(readonly page: Page) {}

  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  get canvas(): Locator {
    return this.page.locator('.react-flow__pane');
  }

  get inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }

  get saveState(): Locator {
    return this.page.getByRole('status', { name: /Save state/ });
  }

  async newTrigger(eventLabel: string): Promise<void> {
    await this.page.getByRole('button', { name: `New trigger: ${eventLabel}` }).click();
    await expect(this.node('event')).toBeVisible();
  }

  /** Drags a palette item onto the canvas at (x, y) relative to the canvas. */
  async dropFromPalette(item: PaletteItem, x: number, y: number): Promise<void> {
    await this.page.getByRole('button', { name: `Palette: ${item}` }).dragTo(this.canvas, { targetPosition: { x, y } });
  }

  /** Draws a connection with the mouse from one node's output handle to another's input. */
  async connect(from: string, to: string): Promise<void> {
    const source = this.node(from).locator('.react-flow__handle.source');
    const target = this.node(to).locator('.react-flow__handle.target');
    const a = await source.boundingBox();
    const b = await target.boundingBox();
    if (!a || !b) throw new Error(`handles of ${from} → ${to} are not visible`);
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  async select(id: string): Promise<void> {
    await this.node(id).click();
  }

  async choose(label: string, option: string): Promise<void> {
    await this.inspector.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async setRule(id: string, field: string, operator: string, value: string | null): Promise<void> {
    await this.select(id);
    await this.choose('Field', field);
    await this.choose('Operator', operator);
    if (value !== null) await this.inspector.getByLabel(/^Value/).fill(value);
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveState).toHaveAccessibleName('Save state: All changes saved', { timeout: 10_000 });
  }

  async layout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Auto-layout' }).click();
  }
}

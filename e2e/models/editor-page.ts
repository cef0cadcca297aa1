/** Page model of the trigger editor: palette, canvas, inspector, lifecycle and evaluation order. */
import { expect, type Locator, type Page } from '@playwright/test';

export type PaletteItem = 'AND block' | 'OR block' | 'Rule';

/**
 * Waits until the canvas has stopped moving: its viewport transform unchanged for ten animation
 * frames in a row (fit-view and zoom-to-node animate for a few hundred ms). A state wait, so a
 * slow machine waits longer and a fast one not at all.
 */
export async function canvasSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const el = document.querySelector('.react-flow__viewport');
        if (!el) {
          resolve(false);
          return;
        }
        let last = getComputedStyle(el).transform;
        let still = 0;
        const tick = () => {
          const now = getComputedStyle(el).transform;
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 10) resolve(true);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

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
    await this.page.getByRole('button', { name: `New trigger: ${eventLabel}`, exact: true }).click();
    await expect(this.node('event')).toBeVisible();
  }

  /** Drags a palette item onto the canvas at (x, y) relative to the canvas. */
  async dropFromPalette(item: PaletteItem, x: number, y: number): Promise<void> {
    await this.page.getByRole('button', { name: `Palette: ${item}` }).dragTo(this.canvas, { targetPosition: { x, y } });
  }

  /** Draws a connection with the mouse from one node's output handle to another's input. */
  async connect(from: string, to: string): Promise<void> {
    const source = this.node(from).locator('.react-flow__handle.source.react-flow__handle-right');
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

  /**
   * Clicks a node. The editor keeps node text readable (zoom ≥ 1), so a large tree does not fit
   * at 1280×800: a node out of view is first brought into view by dragging the canvas, as a
   * person would.
   */
  async select(id: string): Promise<void> {
    await this.reveal(id);
    await this.node(id).click();
  }

  async reveal(id: string): Promise<void> {
    const pane = await this.page.locator('.react-flow').boundingBox();
    const box = await this.node(id).boundingBox();
    if (!pane || !box) throw new Error(`node ${id} or the canvas is not drawn`);
    const inside = box.x >= pane.x + 150 && box.y >= pane.y && box.x + box.width <= pane.x + pane.width && box.y + box.height <= pane.y + pane.height - 100;
    if (inside) return;
    const dx = pane.x + pane.width / 2 - (box.x + box.width / 2);
    const dy = pane.y + pane.height / 2 - (box.y + box.height / 2);
    // Grab the background near the bottom middle, where no node sits after a layout.
    const start = { x: pane.x + pane.width / 2, y: pane.y + pane.height - 12 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + dx, start.y + dy, { steps: 8 });
    await this.page.mouse.up();
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

  /**
   * Activate → the confirm dialog → "fire for every event" (default) or "only from" a moment
   * typed as a person types it in the program's zone (`date` as digits in the locale's order).
   */
  async activate(from?: { date: string; time: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Activate', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Activate “/ });
    if (from) {
      await dialog.getByLabel(/^Only for events received from/).check();
      await this.typeInto(dialog.getByLabel(/^Received from \(date\)/), from.date);
      await this.typeInto(dialog.getByLabel('Time (24-hour)'), from.time);
    }
    await dialog.getByRole('button', { name: 'Activate trigger' }).click();
  }

  /** Replaces a field's text by typing, key by key. */
  async typeInto(field: Locator, text: string): Promise<void> {
    await field.press('ControlOrMeta+a');
    await field.pressSequentially(text);
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveState).toHaveAccessibleName('Save state: All changes saved', { timeout: 10_000 });
  }

  async layout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Auto-layout' }).click();
  }
}

/** Page model of the evaluation order view. */
export class OrderPage {
  constructor(readonly page: Page) {}

  async open(eventLabel: string): Promise<void> {
    await this.page.getByRole('list', { name: eventLabel, exact: true }).getByRole('button', { name: 'Evaluation order' }).click();
    await expect(this.list).toBeVisible();
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: /^Evaluation order of/ });
  }

  handle(name: string): Locator {
    return this.page.getByRole('button', { name: `Reorder ${name}`, exact: true });
  }

  /** The trigger names, top to bottom. */
  async names(): Promise<string[]> {
    return this.list.locator('li p.MuiTypography-noWrap').allTextContents();
  }

  /** What dnd-kit's live region last told a screen reader (the list announces every step). */
  get announcement(): Locator {
    return this.page.locator('[id^="DndLiveRegion"]');
  }

  /**
   * Moves a trigger `by` places (negative: up) with the keyboard. Each key waits for the step's
   * announcement: once dnd-kit has measured the list after the pick-up it says the trigger is
   * over its own place, then "over place K" for each move it took, so no key is pressed into a
   * half-started drag.
   */
  async moveByKeyboard(name: string, by: number): Promise<void> {
    const names = await this.names();
    const from = names.indexOf(name);
    if (from < 0) throw new Error(`no trigger named ${name} in the list`);
    await this.handle(name).scrollIntoViewIfNeeded();
    await this.handle(name).focus();
    await this.page.keyboard.press('Space');
    await expect(this.announcement).toContainText(`${name} is over place ${from + 1} of ${names.length}`);
    for (let i = 1; i <= Math.abs(by); i += 1) {
      await this.page.keyboard.press(by < 0 ? 'ArrowUp' : 'ArrowDown');
      const place = from + 1 + (by < 0 ? -i : i);
      await expect(this.announcement).toContainText(`${name} is over place ${place} of ${names.length}`);
    }
    await this.page.keyboard.press('Space');
    await expect(this.announcement).toContainText(`${name} dropped at`);
  }

  /** Drags a trigger's handle onto another trigger's handle with the mouse. */
  async dragOnto(name: string, other: string): Promise<void> {
    const a = await this.handle(name).boundingBox();
    const b = await this.handle(other).boundingBox();
    if (!a || !b) throw new Error('handles not visible');
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + (b.y > a.y ? 10 : -10), { steps: 4 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    // Dropped only once the list says the dragged trigger is over the other one's place.
    const place = (await this.names()).indexOf(other) + 1;
    await expect(this.announcement).toContainText(`${name} is over place ${place} of`);
    await this.page.mouse.up();
  }
}

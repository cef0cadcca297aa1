/** Page model of the app shell: navigator, top bar, views. Selects by role and label first. */
import type { Locator, Page } from '@playwright/test';

export class AppModel {
  constructor(readonly page: Page) {}

  /** The navigation entry (button, link or tab) with this name. */
  nav(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name }).or(this.page.getByRole('link', { name })).or(this.page.getByRole('tab', { name })).first();
  }

  async screenshot(name: string): Promise<string> {
    const file = `test-results/screens/${name}.png`;
    await this.page.screenshot({ path: file, fullPage: false });
    return file;
  }
}

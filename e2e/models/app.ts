/** Page model of the app shell: navigator, top bar, views. Selects by role and label first. */
import { test, type Locator, type Page } from '@playwright/test';

export class AppModel {
  constructor(readonly page: Page) {}

  /** The navigation entry (button, link or tab) with this name. */
  nav(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name }).or(this.page.getByRole('link', { name })).or(this.page.getByRole('tab', { name })).first();
  }

  /** A named screenshot kept with the test's artifacts (and attached to the report). */
  async screenshot(name: string): Promise<string> {
    const file = test.info().outputPath(`${name}.png`);
    await this.page.screenshot({ path: file, fullPage: false });
    await test.info().attach(name, { path: file, contentType: 'image/png' });
    return file;
  }
}

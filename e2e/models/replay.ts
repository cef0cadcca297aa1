/** Page model of the replay workbench: event sets, run, progress, ledger. */
import type { Locator, Page } from '@playwright/test';

export class ReplayModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Navigator' }).getByText('Replay workbench').click();
  }

  /** Imports an event-set file through the workbench's file input. */
  async importEventSet(file: string): Promise<void> {
    await this.page.getByLabel('Event set file').setInputFiles(file);
  }

  eventSetPicker(): Locator {
    return this.page.getByRole('combobox', { name: 'Event set' });
  }

  async run(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run replay' }).click();
  }

  ledger(): Locator {
    return this.page.getByRole('table', { name: 'Reward ledger' });
  }

  totals(): Locator {
    return this.page.getByRole('status', { name: 'Ledger totals' });
  }
}

/** Page model of the program switcher and its actions menu. */
import type { Page } from '@playwright/test';

export class ProgramsModel {
  constructor(readonly page: Page) {}

  async openActions(): Promise<void> {
    await this.page.getByRole('button', { name: 'Program actions' }).click();
  }

  /** Program actions › New program…, then the name dialog. */
  async create(name: string): Promise<void> {
    await this.openActions();
    await this.page.getByRole('menuitem', { name: 'New program…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Create' }).click();
  }

  /** Program actions › Import program file…, answering the file chooser. */
  async importFile(file: string): Promise<void> {
    await this.openActions();
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('menuitem', { name: 'Import program file…' }).click();
    await (await chooser).setFiles(file);
  }

  /** Opens a program through the picker. */
  async pick(name: string): Promise<void> {
    await this.current().click();
    await this.page.getByRole('option', { name }).click();
  }

  /** The program picker's current value. */
  current() {
    return this.page.getByRole('combobox', { name: 'Program' });
  }
}

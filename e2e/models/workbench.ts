/** Page model of the workbench views: drip preview, visibility, replay workbench, payouts. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppModel } from './app';

export class WorkbenchModel {
  readonly app: AppModel;
  constructor(readonly page: Page) {
    this.app = new AppModel(page);
  }

  async open(view: 'Drip preview' | 'Offer visibility' | 'Replay workbench' | 'Rewards & payouts'): Promise<void> {
    await this.app.nav(new RegExp(`^${view.replace('&', '\\&')}`)).click();
    await expect(this.page.getByRole('banner').getByRole('heading', { name: view })).toBeVisible();
  }

  /** A screenshot for people to look at; `OFFERFLOW_SCREENS` moves them out of test-results. */
  async shot(name: string): Promise<void> {
    const dir = process.env.OFFERFLOW_SCREENS;
    if (dir) await this.page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
    else await this.app.screenshot(name);
  }

  // ----- drip preview -----
  get dripRows(): Locator {
    return this.page.getByRole('table', { name: 'Drip occurrences' }).locator('tbody tr');
  }

  async setNumber(label: string, value: number): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(String(value));
  }

  // ----- replay -----
  get fileInput(): Locator {
    return this.page.getByLabel('Event set file');
  }

  get runButton(): Locator {
    return this.page.getByRole('button', { name: 'Run replay' });
  }

  get cancelButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel' });
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Replay progress' });
  }

  get runSummary(): Locator {
    return this.page.getByLabel('Run summary');
  }

  get ledgerTotals(): Locator {
    return this.page.getByRole('status', { name: 'Ledger totals' });
  }

  get ledger(): Locator {
    return this.page.getByRole('table', { name: 'Reward ledger' });
  }

  ledgerRow(rewardId: string): Locator {
    return this.ledger.getByRole('row').filter({ has: this.page.getByRole('checkbox', { name: `Select reward ${rewardId}`, exact: true }) });
  }

  async pickEventSet(name: RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Event set' }).click();
    await this.page.getByRole('option', { name }).click();
  }

  async tab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  get runPicker(): Locator {
    return this.page.getByRole('combobox', { name: 'Run', exact: true });
  }

  /** Runs the chosen event set and waits until run number `n` is shown as done. */
  async runToDone(n: number, timeout = 60_000): Promise<void> {
    await this.runButton.click();
    await expect(this.runPicker).toContainText(new RegExp(`^Run ${n} · .* · Done$`), { timeout });
    await expect(this.page.getByRole('tab', { name: 'Ledger' })).toBeVisible();
  }

  /** The ledger's column headers in order (the first, the selection column, is empty). */
  async ledgerHeaders(table: Locator = this.ledger): Promise<string[]> {
    return (await table.getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
  }

  /** The ledger's visible rows as cells by column header (header row excluded). */
  async visibleLedgerRows(table: Locator = this.ledger): Promise<Record<string, string>[]> {
    const headers = await this.ledgerHeaders(table);
    const rows = table.getByRole('rowgroup').getByRole('row');
    const out: Record<string, string>[] = [];
    for (const r of await rows.all()) {
      const cells = await r.getByRole('cell').allInnerTexts();
      out.push(Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])));
    }
    return out;
  }

  /** The text of one ledger row's cell under `header`. */
  async ledgerCell(table: Locator, row: Locator, header: string): Promise<string> {
    const i = (await this.ledgerHeaders(table)).indexOf(header);
    if (i < 0) throw new Error(`the ledger has no column ${header}`);
    return row.getByRole('cell').nth(i).innerText();
  }

  // ----- payouts -----
  get invoiceTotal(): Locator {
    return this.page.getByLabel('Invoice total');
  }
}

/** "$1,234.50" → "1234.50" (display back to the report's decimal string). */
export function plainUsd(text: string): string {
  return text.trim().replace(/[$,]/g, '');
}

/**
 * Page model of the import dialog (PartnerStack / Stripe) and the "Compare with…" screen, and the
 * `offerflow` command run on the same inputs, so the spec checks the screens against the CLI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { ROOT } from '../host';

export const SAMPLES = path.join(ROOT, 'resources/samples');
export const PS_DIR = path.join(SAMPLES, 'imports/partnerstack');
export const STRIPE_DIR = path.join(SAMPLES, 'imports/stripe');

export const filesIn = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .sort()
    .map((n) => path.join(dir, n));

/** Runs the built CLI (`npm run build` made dist/node/cli.mjs); returns stdout, stderr and the code. */
export function offerflow(args: readonly string[]): { out: string; err: string; code: number } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/offerflow.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { out: r.stdout, err: r.stderr, code: r.status ?? -1 };
}

/** `offerflow import <source> <inputs> --out --report [--program]` in `dir`: the event set, the report and the stderr summary. */
export function cliImport(dir: string, source: 'partnerstack' | 'stripe', inputs: readonly string[]) {
  const out = path.join(dir, `${source}.events.json`);
  const report = path.join(dir, `${source}.report.json`);
  const extra = source === 'partnerstack' ? ['--program', path.join(dir, `${source}.program.json`)] : [];
  const r = offerflow(['import', source, ...inputs, '--out', out, '--report', report, ...extra]);
  expect(r.code, r.err).toBe(0);
  return {
    eventsPath: out,
    events: JSON.parse(fs.readFileSync(out, 'utf8')) as { events: unknown[] },
    report: JSON.parse(fs.readFileSync(report, 'utf8')) as { counts: { emitted: Record<string, number>; skipped: Record<string, number> }; skipped: unknown[] },
  };
}

export class ImportDialogModel {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import from PartnerStack or Stripe' });
  }

  get report(): Locator {
    return this.dialog.getByRole('region', { name: 'Mapping report' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import from PartnerStack or Stripe…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async pick(source: 'PartnerStack export' | 'Stripe events', files: readonly string[]): Promise<void> {
    await this.dialog.getByRole('button', { name: source }).click();
    const label = source === 'PartnerStack export' ? 'PartnerStack export files' : 'Stripe export files';
    await this.dialog.getByLabel(label).setInputFiles([...files]);
  }

  /** The rows of one of the report's count tables, as { key: count }. */
  async counts(table: 'Events to store' | 'Skipped, by reason'): Promise<Record<string, number>> {
    const rows = this.report.getByRole('table', { name: table }).locator('tbody tr');
    const out: Record<string, number> = {};
    for (const row of await rows.all()) {
      const [key = '', n = ''] = await row.getByRole('cell').allInnerTexts();
      out[key.trim().replace(/ /g, '_')] = Number(n.replace(/,/g, ''));
    }
    return out;
  }
}

/** The cells of a table's body rows, as text. */
export async function tableRows(table: Locator): Promise<string[][]> {
  const out: string[][] = [];
  for (const row of await table.locator('tbody tr').all()) out.push((await row.getByRole('cell').allInnerTexts()).map((t) => t.trim()));
  return out;
}

/** Screenshots of one screen at the two sizes people use, in light and dark theme. */
import type { Page } from '@playwright/test';

export const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** Theme toggles by the top bar's button, so the shots show what a person's click shows. */
async function theme(page: Page, mode: 'light' | 'dark'): Promise<void> {
  const toDark = page.getByRole('button', { name: 'Switch to dark theme' });
  const toLight = page.getByRole('button', { name: 'Switch to light theme' });
  if (mode === 'dark' && (await toDark.isVisible())) await toDark.click();
  if (mode === 'light' && (await toLight.isVisible())) await toLight.click();
}

/**
 * `name`-WxH-light/dark.png in `OFFERFLOW_SCREENS` (else the test's output folder). `settle`
 * runs after each resize (a virtualised table re-measures), then the window goes back to 1440×900.
 */
export async function shootScreens(page: Page, name: string, outDir: string, settle?: () => Promise<void>): Promise<void> {
  const dir = process.env.OFFERFLOW_SCREENS ?? outDir;
  for (const mode of ['light', 'dark'] as const) {
    await theme(page, mode);
    for (const s of SIZES) {
      await page.setViewportSize(s);
      if (settle) await settle();
      await page.screenshot({ path: `${dir}/${name}-${s.width}x${s.height}-${mode}.png` });
    }
  }
  await theme(page, 'light');
  await page.setViewportSize({ width: 1440, height: 900 });
}

/**
 * What printing shows (the page already in print media): `name`-print.png of the whole page and
 * `name`.pdf as the browser's "Save as PDF" makes it, in `OFFERFLOW_SCREENS` (else `outDir`).
 */
export async function printShots(page: Page, name: string, outDir: string): Promise<{ pages: number }> {
  const dir = process.env.OFFERFLOW_SCREENS ?? outDir;
  // The first sheet as A4 lays it out (210 × 297 mm at 96 dpi), for a person to look at.
  const before = page.viewportSize();
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: `${dir}/${name}-print-a4.png` });
  if (before) await page.setViewportSize(before);
  const pdf = await page.pdf({ path: `${dir}/${name}.pdf`, format: 'A4', printBackground: false });
  // The page tree's /Count: how many pages the PDF has.
  const counts = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count (\d+)/g)].map((m) => Number(m[1]));
  return { pages: Math.max(0, ...counts) };
}

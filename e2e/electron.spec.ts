/**
 * The desktop app itself, through Playwright's Electron driver. Runs where Electron's binary is
 * installed (`node node_modules/electron/install.js`) and the app is built (`npm run build`,
 * `npm run rebuild:electron`); skips with the reason where it is not, as on machines without
 * network access to download Electron.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ROOT } from './host';

function electronBinary(): string | null {
  const txt = path.join(ROOT, 'node_modules/electron/path.txt');
  if (!fs.existsSync(txt)) return null;
  const bin = path.join(ROOT, 'node_modules/electron/dist', fs.readFileSync(txt, 'utf8').trim());
  return fs.existsSync(bin) ? bin : null;
}

const bin = electronBinary();
const built = fs.existsSync(path.join(ROOT, 'dist/electron/main.cjs')) && fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'));
const native = fs.existsSync(path.join(ROOT, 'native/electron/better_sqlite3.node'));

test.describe('Electron shell', () => {
  test.skip(!bin, "Electron's binary is not installed here (it is downloaded by node_modules/electron/install.js, which needs network access)");
  test.skip(!built, 'the app is not built: run `npm run build` first');
  test.skip(!native, 'better-sqlite3 is not built for Electron: run `npm run rebuild:electron` first');

  test('opens the hardened window with the sample program', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-electron-'));
    const app = await electron.launch({ executablePath: bin ?? undefined, args: [ROOT, `--user-data-dir=${userData}`], cwd: ROOT });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle('Offerflow');
      // The page sees the bridge, not Node or ipcRenderer.
      const globals = await page.evaluate(() => {
        const w = window as unknown as { require?: unknown; process?: unknown; ipcRenderer?: unknown };
        return [typeof window.offerflow?.send, typeof w.require, typeof w.process, typeof w.ipcRenderer];
      });
      expect(globals).toEqual(['function', 'undefined', 'undefined', 'undefined']);
      // Navigation away from the app page is refused.
      await page.evaluate(() => (window.location.href = 'https://example.com/'));
      await expect(page).toHaveTitle('Offerflow');
      const list = await page.evaluate(() => window.offerflow!.send('programs.list', {}));
      expect(list.ok).toBe(true);
      const refused = await page.evaluate(() => window.offerflow!.send('not.a.channel', {}));
      expect(refused.ok).toBe(false);
      await page.screenshot({ path: test.info().outputPath('electron.png') });
    } finally {
      await app.close();
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });
});

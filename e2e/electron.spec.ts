/**
 * The packaged desktop app itself (release/linux-unpacked, made by `npm run pack`: the real
 * Electron binary with its fuses, app.asar, the Electron build of better-sqlite3), through
 * Playwright's Electron driver. Skips with the reason where it cannot exist, as on machines
 * without network access to download Electron; electron/packaged.test.ts covers the same
 * layout there with a stand-in binary.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ROOT } from './host';

function electronInstalled(): boolean {
  const txt = path.join(ROOT, 'node_modules/electron/path.txt');
  return fs.existsSync(txt) && fs.existsSync(path.join(ROOT, 'node_modules/electron/dist', fs.readFileSync(txt, 'utf8').trim()));
}

/** The packaged executable for this platform, when `npm run pack` made it. */
function packagedBinary(): string | null {
  const candidates = { linux: 'release/linux-unpacked/offerflow', darwin: 'release/mac/Offerflow.app/Contents/MacOS/Offerflow', win32: 'release/win-unpacked/Offerflow.exe' } as Partial<Record<NodeJS.Platform, string>>;
  const rel = candidates[process.platform];
  return rel && fs.existsSync(path.join(ROOT, rel)) ? path.join(ROOT, rel) : null;
}

const bin = packagedBinary();

test.describe('Electron shell (packaged)', () => {
  test.skip(!electronInstalled(), "Electron's binary is not installed here (node_modules/electron/install.js downloads it, which needs network access), so the app cannot be packaged");
  test.skip(!bin, 'the packaged app is missing: run `npm run pack` first (electron-builder --dir into release/)');

  test('opens the hardened window with the sample program', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-electron-'));
    // The packaged app loads only its own app.asar (onlyLoadAppFromAsar): no app path argument.
    const app = await electron.launch({ executablePath: bin ?? undefined, args: [`--user-data-dir=${userData}`] });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle('Offerflow');
      expect(page.url()).toBe('app://offerflow/index.html');
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
      // A script in the page is not held to the types: the preload refuses the channel itself.
      // @ts-expect-error -- the bridge's `send` takes contract channels only
      const refused = await page.evaluate(() => window.offerflow!.send('not.a.channel', {}));
      expect(refused.ok).toBe(false);
      await page.screenshot({ path: test.info().outputPath('electron.png') });
    } finally {
      await app.close();
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });
});

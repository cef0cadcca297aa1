/**
 * Where Offerflow keeps its data by default: the desktop app's folder (Electron's `userData` for
 * the product name Offerflow), so the browser host (`npm run serve`) shows the same programs and
 * runs unless told otherwise with `--data-dir`.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Offerflow';

/** Electron's `app.getPath('userData')` for Offerflow on this OS (see its `appData` rules). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const join = (...parts: string[]): string => (platform === 'win32' ? path.win32 : path.posix).join(...parts);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}

/** The folder the browser host used by default before it shared the desktop app's. */
export function legacyDataDir(home: string = os.homedir()): string {
  return path.join(home, '.offerflow');
}

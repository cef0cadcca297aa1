import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir';

describe('default data folder', () => {
  it("is the desktop app's folder (Electron's userData for Offerflow) on each OS", () => {
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Offerflow');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe('/cfg/Offerflow');
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Offerflow');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Offerflow');
  });
});

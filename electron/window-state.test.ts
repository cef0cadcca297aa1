import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, fitToDisplays, loadWindowState, saveWindowState } from './window-state';

describe('window state', () => {
  it('round-trips through the file and falls back on a damaged one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-win-'));
    expect(loadWindowState(dir)).toEqual(DEFAULT_STATE);
    saveWindowState(dir, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(dir)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{"width": 5');
    expect(loadWindowState(dir)).toEqual(DEFAULT_STATE);
    fs.rmSync(dir, { recursive: true });
  });

  it('keeps a window on a visible display', () => {
    const display = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(fitToDisplays({ x: 100, y: 100, width: 1200, height: 800, maximized: false }, display)).toEqual({ x: 100, y: 100, width: 1200, height: 800, maximized: false });
    expect(fitToDisplays({ x: 3000, y: 100, width: 1200, height: 800, maximized: false }, display)).toEqual({ width: 1200, height: 800, maximized: false });
    expect(fitToDisplays({ width: 5000, height: 3000, maximized: false }, display)).toEqual({ width: 1920, height: 1080, maximized: false });
  });
});

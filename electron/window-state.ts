/**
 * Window size and position, remembered between launches in `window-state.json`. A saved
 * position that is no longer on any display (a monitor unplugged) falls back to centred.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_STATE: WindowState = { width: 1440, height: 900, maximized: false };

/** Reads the saved state; the default when missing or damaged. */
export function loadWindowState(dir: string): WindowState {
  try {
    const r = WindowState.safeParse(JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8')));
    return r.success ? r.data : DEFAULT_STATE;
  } catch {
    return DEFAULT_STATE;
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'window-state.json');
  // Write then rename, so a crash mid-write never leaves half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
  fs.renameSync(`${file}.tmp`, file);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Keeps the window on a visible display and no larger than the largest one. */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const maxW = Math.max(800, ...workAreas.map((d) => d.width));
  const maxH = Math.max(600, ...workAreas.map((d) => d.height));
  const width = Math.min(state.width, maxW);
  const height = Math.min(state.height, maxH);
  const { x, y } = state;
  if (x === undefined || y === undefined) return { ...state, width, height };
  const visible = workAreas.some((d) => overlaps({ x, y, width, height }, d));
  return visible ? { ...state, width, height } : { width, height, maximized: state.maximized };
}

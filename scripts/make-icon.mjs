#!/usr/bin/env node
/**
 * Draws the app icon (resources/icon.png, 512×512): an indigo rounded square with three white
 * nodes joined by edges (Event → Rules → Action). Plain Node (zlib PNG encoder), no image deps.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const px = new Uint8Array(SIZE * SIZE * 4);

function blend(x, y, [r, g, b], a) {
  if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || a <= 0) return;
  const i = (y * SIZE + x) * 4;
  const k = Math.min(1, a);
  px[i] = Math.round(px[i] * (1 - k) + r * k);
  px[i + 1] = Math.round(px[i + 1] * (1 - k) + g * k);
  px[i + 2] = Math.round(px[i + 2] * (1 - k) + b * k);
  px[i + 3] = Math.max(px[i + 3], Math.round(255 * k));
}

/** Coverage of a signed distance (antialiased edge of about one pixel). */
const cover = (d) => Math.max(0, Math.min(1, 0.5 - d));

function roundedRect(m, radius, color) {
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      const dx = Math.max(m + radius - x - 0.5, 0, x + 0.5 - (SIZE - m - radius));
      const dy = Math.max(m + radius - y - 0.5, 0, y + 0.5 - (SIZE - m - radius));
      const t = y / SIZE;
      const c = [Math.round(color[0] * (1 - t) + 40 * t), Math.round(color[1] * (1 - t) + 30 * t), Math.round(color[2] * (1 - t) + 140 * t)];
      blend(x, y, c, cover(Math.hypot(dx, dy) - radius));
    }
}

function circle(cx, cy, r, color) {
  for (let y = Math.floor(cy - r - 2); y <= cy + r + 2; y++)
    for (let x = Math.floor(cx - r - 2); x <= cx + r + 2; x++) blend(x, y, color, cover(Math.hypot(x + 0.5 - cx, y + 0.5 - cy) - r));
}

function line(x1, y1, x2, y2, w, color) {
  const len = Math.hypot(x2 - x1, y2 - y1);
  for (let y = Math.floor(Math.min(y1, y2) - w); y <= Math.max(y1, y2) + w; y++)
    for (let x = Math.floor(Math.min(x1, x2) - w); x <= Math.max(x1, x2) + w; x++) {
      const t = Math.max(0, Math.min(1, ((x + 0.5 - x1) * (x2 - x1) + (y + 0.5 - y1) * (y2 - y1)) / (len * len)));
      const d = Math.hypot(x + 0.5 - (x1 + t * (x2 - x1)), y + 0.5 - (y1 + t * (y2 - y1)));
      blend(x, y, color, cover(d - w / 2));
    }
}

const WHITE = [255, 255, 255];
roundedRect(24, 96, [92, 80, 230]);
line(136, 176, 256, 336, 22, WHITE);
line(256, 336, 376, 176, 22, WHITE);
circle(136, 176, 52, WHITE);
circle(256, 336, 52, WHITE);
circle(376, 176, 52, [255, 200, 80]);

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) Buffer.from(px.buffer, y * SIZE * 4, SIZE * 4).copy(raw, y * (SIZE * 4 + 1) + 1);
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '../resources/icon.png');
fs.writeFileSync(out, png);
console.error(`wrote ${out} (${png.length} bytes)`);

/** Serves the built renderer: no directory traversal, no dot-files, SPA fallback to index.html. */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a served file, by its extension (also the desktop shell's `app://`). */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a URL path names, or null when the path tries to leave `root`,
 * names a dot-file or is malformed. Paths without an extension fall back to index.html.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  if (segments.length === 0 || path.extname(file) === '') return path.join(base, 'index.html');
  return insideRealRoot(base, file) ? file : null;
}

/** A symlink inside the folder may point anywhere: judge where the path really leads. */
function insideRealRoot(base: string, file: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return true; // missing: sendFile answers 404
  }
  const realBase = fs.realpathSync(base);
  return real.startsWith(realBase + path.sep);
}

/** Streams a file with its content type; 404 when it is not a regular file. */
export function sendFile(res: ServerResponse, file: string, headOnly: boolean): void {
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const type = contentTypeOf(file);
    const hashed = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': st.size,
      // Vite's hashed assets can be cached for good; the page itself must pick up a rebuild.
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    if (headOnly) res.end();
    // The file may vanish between stat and open (a rebuild): end the answer, never crash the host.
    else fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
}

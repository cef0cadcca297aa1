/**
 * The renderer is served from `app://offerflow/`, a privileged custom scheme answered from the
 * app's own files, never from `file://`: with the grantFileProtocolExtraPrivileges fuse off (as
 * it must be) a `file://` page inside app.asar gets no asar-aware loader, and Vite's
 * `<script type="module" crossorigin>` is CORS-blocked there, so the window would stay empty.
 * A standard, secure scheme gives the page a real origin (`app://offerflow`), so module scripts,
 * fetch and the CSP's `'self'` behave as on https.
 */
import fs from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import { SECURITY_HEADERS } from '../service/host/csp';
import { contentTypeOf, resolveStatic } from '../service/host/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'offerflow';
/** The one page the window shows. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The scheme's privileges, for `protocol.registerSchemesAsPrivileged` (before `ready`):
 * standard (a host, relative URLs, an origin), secure (a secure context, like https) and
 * fetch support. No `bypassCSP`, no `corsEnabled`: the page only loads from its own origin.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Reads a file; in Electron's main process `fs` reads inside app.asar. */
export type ReadFile = (file: string) => Promise<Uint8Array<ArrayBuffer>>;

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * The `protocol.handle` handler for `app://offerflow/…`: GET/HEAD of a file under
 * `rendererRoot` (the built renderer folder, inside app.asar when packaged) with its MIME type
 * and the security headers (CSP included) on every answer. A path that leaves the folder —
 * `..` in any encoding, backslashes, NUL, dot-files, symlinks out — is refused with 403; another
 * host or a method other than GET/HEAD too; a missing file is 404. Paths without an extension
 * get index.html (as the browser host does).
 */
export function appProtocolHandler(rendererRoot: string, readFile: ReadFile = (f) => fs.readFile(f)): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refusal(400, 'bad URL');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
    // The raw path, not URL's normalised one alone: Chromium hands over what the page asked for.
    const file = resolveStatic(rendererRoot, url.pathname);
    if (!file) return refusal(403, 'refused: outside the app');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(file);
    } catch {
      return refusal(404, 'not found');
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Content-Length': String(body.byteLength), 'Cache-Control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

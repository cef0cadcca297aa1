import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../service/host/csp';
import { APP_SCHEME_PRIVILEGES, appProtocolHandler } from './app-protocol';

let dir: string;
let root: string;
let handle: (r: Request) => Promise<Response>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-appproto-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Offerflow</title>');
  fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'export {}');
  fs.writeFileSync(path.join(root, 'assets', 'a.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'f.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(root, '.secret'), 'dot');
  fs.writeFileSync(path.join(dir, 'package.json'), '{"secret":true}');
  fs.symlinkSync(path.join(dir, 'package.json'), path.join(root, 'assets', 'link.json'));
  handle = appProtocolHandler(root);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET'): Promise<Response> => handle(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('is registered standard, secure and with fetch support, and no CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('answers the page and its assets with their MIME type and the CSP', async () => {
    for (const [p, type] of [
      ['/index.html', 'text/html; charset=utf-8'],
      ['/assets/a.js', 'text/javascript; charset=utf-8'],
      ['/assets/a.css', 'text/css; charset=utf-8'],
      ['/assets/f.woff2', 'font/woff2'],
    ] as const) {
      const r = await get(`app://offerflow${p}`);
      expect(r.status, p).toBe(200);
      expect(r.headers.get('content-type'), p).toBe(type);
      expect(r.headers.get('content-security-policy'), p).toBe(APP_CSP);
      expect(r.headers.get('x-content-type-options'), p).toBe('nosniff');
    }
    expect(await (await get('app://offerflow/index.html')).text()).toContain('<title>Offerflow</title>');
    // A route without an extension is the page (reload on a deep link).
    expect(await (await get('app://offerflow/programs/p1')).text()).toContain('<title>Offerflow</title>');
    const head = await get('app://offerflow/assets/a.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses every way out of the renderer folder, dot-files and symlinks out', async () => {
    for (const p of ['/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e%2fpackage.json', '/..%5cpackage.json', '/assets/%2e%2e%5c%2e%2e%5cpackage.json', '/.secret', '/assets/link.json', '/a%00.js']) {
      const r = await get(`app://offerflow${p}`);
      expect(r.status, p).toBe(403);
      expect(await r.text(), p).not.toContain('secret');
      expect(r.headers.get('content-security-policy'), p).toBe(APP_CSP);
    }
    // Plain dot segments are removed by the URL parser before the handler: they end inside.
    expect((await get('app://offerflow/assets/../../package.json')).status).toBe(404);
  });

  it('answers 404 for a missing file, and refuses other hosts and methods', async () => {
    expect((await get('app://offerflow/assets/missing.js')).status).toBe(404);
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://offerflow/index.html', 'POST')).status).toBe(405);
  });
});

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../service/service';
import type { Host } from '../service/host/server';
import { browserDemo, isOwnHostUrl } from './browser-demo';

const dirs: string[] = [];
const services: Service[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-demo-'));
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-static-'));
  dirs.push(dataDir, staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Offerflow</title>');
  const service = createService({ dataDir });
  services.push(service);
  return { dataDir, staticDir, service };
}

async function call(url: string, channel: string): Promise<unknown> {
  const u = new URL(url);
  const res = await fetch(`${u.origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-offerflow-token': u.searchParams.get('token') ?? '' }, body: '{}' });
  return res.json();
}

describe('Open in Browser', () => {
  it("serves the app's own service on 127.0.0.1 with the token kept in the data folder (0600), started once", async () => {
    const { dataDir, staticDir, service } = setup();
    const opened: string[] = [];
    const demo = browserDemo({ dataDir, staticDir, dispatch: service.dispatch, openExternal: (u) => (opened.push(u), Promise.resolve()), port: 0 });
    const url = await demo.open();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32,}$/);
    expect(opened).toEqual([url]);
    const file = path.join(dataDir, 'demo-token');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(new URL(url).searchParams.get('token'));
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // The same service answers: what the desktop app sees.
    expect(await call(url, 'programs.list')).toEqual({ ok: true, value: await service.handlers['programs.list']({}) });
    // A second click opens the same URL, no second host.
    expect(await demo.open()).toBe(url);
    expect(opened).toEqual([url, url]);
    await demo.close();
    // At the next launch the token is the same, so on the usual port the URL a tab holds is too.
    const again = browserDemo({ dataDir, staticDir, dispatch: service.dispatch, openExternal: () => Promise.resolve(), port: 0 });
    const url2 = await again.open();
    expect(new URL(url2).searchParams.get('token')).toBe(new URL(url).searchParams.get('token'));
    await again.close();
  });

  it('takes another port when the usual one is taken, keeping the token', async () => {
    const { dataDir, staticDir, service } = setup();
    const busy = http.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    try {
      const demo = browserDemo({ dataDir, staticDir, dispatch: service.dispatch, openExternal: () => Promise.resolve(), port });
      const url = await demo.open();
      expect(new URL(url).port).not.toBe(String(port));
      expect(await call(url, 'programs.list')).toMatchObject({ ok: true });
      await demo.close();
    } finally {
      await new Promise<void>((r) => busy.close(() => r()));
    }
  });

  it('hands the system nothing but its own host on 127.0.0.1 (electronegativity: openExternal)', async () => {
    const { dataDir, staticDir, service } = setup();
    for (const url of ['https://example.com/?token=x', 'file:///etc/passwd', 'http://127.0.0.1.example.com:5178/', 'http://localhost:5178/', 'http://u:p@127.0.0.1:5178/', 'javascript:alert(1)']) {
      const opened: string[] = [];
      const fake = { url, port: 5178, close: () => Promise.resolve() } as unknown as Host;
      const demo = browserDemo({ dataDir, staticDir, dispatch: service.dispatch, openExternal: (u) => (opened.push(u), Promise.resolve()), start: () => Promise.resolve(fake) });
      await expect(demo.open(), url).rejects.toThrow(/only opens the app's own host/);
      expect(opened, url).toEqual([]);
    }
    expect(isOwnHostUrl('http://127.0.0.1:5178/?token=abc')).toBe(true);
  });
});

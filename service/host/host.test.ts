import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testService, type TestService } from '../test-helpers';
import { startHost, type Host } from './server';
import { resolveStatic } from './static-files';

let s: TestService;
let host: Host;
let staticDir: string;
const token = 'test-token-123';

beforeAll(async () => {
  s = testService();
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Offerflow</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'offerflow-secret.txt'), 'secret');
  host = await startHost({ dispatch: s.dispatch, token, staticDir, port: 0, maxBody: 1024 });
});
afterAll(async () => {
  await host.close();
  await s.dispose();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: string;
}

/** A raw request, so tests control Host, Origin and the path exactly (fetch would normalise them). */
function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve({ status: 413, body: 'reset' }) : reject(e)));
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

function api(channel: string, args: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request({ method: 'POST', path: `/api/${channel}`, headers: { 'content-type': 'application/json', 'x-offerflow-token': token, ...headers }, body: JSON.stringify(args) });
}

describe('local host', () => {
  it('answers a call with the token', async () => {
    const r = await api('programs.list', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses a call without the token or with a wrong one', async () => {
    expect((await api('programs.list', {}, { 'x-offerflow-token': '' })).status).toBe(401);
    expect((await api('programs.list', {}, { 'x-offerflow-token': 'test-token-124' })).status).toBe(401);
  });

  it('refuses a foreign Origin and accepts its own', async () => {
    expect((await api('programs.list', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('programs.list', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    expect((await api('programs.list', {}, { host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await request({ path: '/', headers: { host: 'rebind.attacker.test' } })).status).toBe(421);
    expect((await api('programs.list', {}, { host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses an oversized body with 413', async () => {
    const r = await api('programs.create', { name: 'x'.repeat(5000) });
    expect(r.status).toBe(413);
  });

  it('refuses non-JSON calls', async () => {
    expect((await request({ method: 'POST', path: '/api/programs.list', headers: { 'x-offerflow-token': token, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
  });

  it('serves the page and refuses ../ traversal, encoded or not', async () => {
    expect((await request({ path: '/' })).body).toContain('<title>Offerflow</title>');
    expect((await request({ path: '/some/view' })).body).toContain('<title>Offerflow</title>');
    for (const p of ['/../offerflow-secret.txt', '/%2e%2e/offerflow-secret.txt', '/assets/..%2f..%2fofferflow-secret.txt', '/..%5c..%5cofferflow-secret.txt']) {
      const r = await request({ path: p });
      expect(r.body).not.toContain('secret');
      expect(r.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('resolves static paths inside the root only', () => {
    expect(resolveStatic('/srv/app', '/assets/a.js')).toBe('/srv/app/assets/a.js');
    expect(resolveStatic('/srv/app', '/a/../../etc/passwd')).toBeNull();
    expect(resolveStatic('/srv/app', '/.env')).toBeNull();
    expect(resolveStatic('/srv/app', '/%E0%A4%A')).toBeNull();
  });
});

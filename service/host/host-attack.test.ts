/**
 * Attacks on the local host (issue 6), beyond host.test.ts: each test tries a way in and checks
 * it fails. Loopback only; the token is required on every call (a token in the URL alone does
 * not do); DNS-rebinding Host names and cross-site Origins are refused, including look-alikes;
 * CORS never grants another origin; CSRF-style simple requests are refused before any work;
 * streamed bodies past the limit are cut off; no traversal by dot-segments in any encoding,
 * absolute paths, dot-files or symlinks pointing out of the served folder.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testService, type TestService } from '../test-helpers';
import { startHost, type Host } from './server';

const token = 'attack-token-abcdef';
let s: TestService;
let host: Host;
let staticDir: string;
let secretDir: string;

beforeAll(async () => {
  s = testService();
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-attack-static-'));
  secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-attack-secret-'));
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Offerflow</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(secretDir, 'secret.txt'), 'TOP-SECRET');
  fs.writeFileSync(path.join(staticDir, '.env'), 'TOP-SECRET');
  // Links inside the served folder that point out of it: a file and a directory.
  fs.symlinkSync(path.join(secretDir, 'secret.txt'), path.join(staticDir, 'assets', 'leak.txt'));
  fs.symlinkSync(secretDir, path.join(staticDir, 'outside'));
  host = await startHost({ dispatch: s.dispatch, token, staticDir, port: 0, maxBody: 4096 });
});
afterAll(async () => {
  await host.close();
  await s.dispose();
  for (const d of [staticDir, secretDir]) fs.rmSync(d, { recursive: true, force: true });
});

/** Raw HTTP over a socket: the test controls the request line and every header byte. */
function raw(request: string, body = ''): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(host.port, '127.0.0.1');
    let data = '';
    sock.on('data', (c: Buffer) => (data += c.toString('latin1')));
    sock.on('error', reject);
    sock.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1] ?? 0), head, body: rest.join('\r\n\r\n') });
    });
    // write, not end: a half-closed socket lets Node drop an answer still being prepared.
    sock.write(`${request}\r\nConnection: close\r\n\r\n${body}`);
    sock.setTimeout(5000, () => sock.destroy());
  });
}

const hostLine = (): string => `Host: 127.0.0.1:${host.port}`;
const apiCall = (extra: string, body = '{}'): Promise<{ status: number; head: string; body: string }> =>
  raw(`POST /api/programs.list HTTP/1.1\r\n${extra}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}`, body);

describe('host attacks that must fail', () => {
  it('listens on loopback only: no other interface of this machine reaches it', async () => {
    expect((host.server.address() as net.AddressInfo).address).toBe('127.0.0.1');
    const others = Object.values(os.networkInterfaces()).flat().filter((i) => i && !i.internal && i.family === 'IPv4');
    for (const nic of others) {
      const reached = await new Promise<boolean>((resolve) => {
        const sock = net.connect(host.port, nic!.address);
        sock.on('connect', () => {
          sock.destroy();
          resolve(true);
        });
        sock.on('error', () => resolve(false));
      });
      expect(reached, nic!.address).toBe(false);
    }
  });

  it('a call needs the token header: not in the URL, not duplicated, not case-mangled', async () => {
    expect((await raw(`POST /api/programs.list?token=${token} HTTP/1.1\r\n${hostLine()}\r\nContent-Type: application/json\r\nContent-Length: 2`, '{}')).status).toBe(401);
    expect((await apiCall(`${hostLine()}\r\nX-Offerflow-Token: ${token}\r\nX-Offerflow-Token: ${token}`)).status).toBe(401);
    expect((await apiCall(`${hostLine()}\r\nX-Offerflow-Token: ${token.toUpperCase()}`)).status).toBe(401);
    expect((await apiCall(`${hostLine()}\r\nX-Offerflow-Token: ${token}`)).status).toBe(200);
  });

  it('refuses Host names of a DNS rebinding, look-alikes and a missing Host', async () => {
    const p = host.port;
    for (const h of [`127.0.0.1`, `localhost.:${p}`, `127.0.0.1.nip.io:${p}`, `evil.example:${p}`, `127.0.0.1:${p}@evil.example`, `[::1]:${p}`, `0.0.0.0:${p}`, `127.1:${p}`]) {
      const r = await apiCall(`Host: ${h}\r\nX-Offerflow-Token: ${token}`);
      expect(r.status, h).toBe(421);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false });
    }
    expect((await raw('GET / HTTP/1.0')).status).toBe(421);
    expect((await apiCall(`Host: LOCALHOST:${p}\r\nX-Offerflow-Token: ${token}`)).status).toBe(200);
  });

  it('refuses cross-site Origins, look-alikes included, and never grants CORS', async () => {
    const p = host.port;
    for (const o of ['null', `http://127.0.0.1:${p}.evil.example`, `https://127.0.0.1:${p}`, `http://localhost:${p + 1}`, `http://127.0.0.1:${p}/`, 'file://']) {
      expect((await apiCall(`${hostLine()}\r\nOrigin: ${o}\r\nX-Offerflow-Token: ${token}`)).status, o).toBe(403);
    }
    const preflight = await raw(`OPTIONS /api/programs.list HTTP/1.1\r\n${hostLine()}\r\nOrigin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: x-offerflow-token`);
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    const ok = await apiCall(`${hostLine()}\r\nX-Offerflow-Token: ${token}`);
    expect(ok.head.toLowerCase()).not.toContain('access-control-allow');
  });

  it('refuses CSRF-style simple requests (form or text bodies) before doing anything', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const r = await raw(`POST /api/programs.create HTTP/1.1\r\n${hostLine()}\r\nContent-Type: ${type}\r\nContent-Length: 15`, '{"name":"CSRF"}');
      expect(r.status, type).toBeGreaterThanOrEqual(400);
    }
    expect(await s.call('programs.list', {})).toEqual([]);
  });

  it('cuts off a chunked body that grows past the limit (no Content-Length to trust)', async () => {
    const chunk = 'x'.repeat(1000);
    const chunks = Array.from({ length: 10 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const r = await raw(`POST /api/programs.list HTTP/1.1\r\n${hostLine()}\r\nX-Offerflow-Token: ${token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked`, `${chunks}0\r\n\r\n`);
    expect(r.status).toBe(413);
  });

  it('never serves a file outside the folder: dot-segments in any encoding, absolute paths, dot-files, symlinks', async () => {
    const attempts = [
      '/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2f..%2fsecret.txt', '/%252e%252e/secret.txt',
      '/%c0%ae%c0%ae/secret.txt', '/..%5csecret.txt', '/..\\secret.txt', `/${secretDir}/secret.txt`, `//${secretDir}/secret.txt`, '/etc/passwd', '/.env', '/%2eenv',
      '/assets/leak.txt', '/outside/secret.txt', '/assets/app.js%00.html',
    ];
    for (const p of attempts) {
      const r = await raw(`GET ${p} HTTP/1.1\r\n${hostLine()}`);
      expect(r.body, p).not.toContain('TOP-SECRET');
      expect(r.body, p).not.toMatch(/root:.*:0:0:/);
      // Either refused, or the app page (paths without an extension are the app's own routes).
      if (r.status < 400) expect(r.body, p).toContain('<title>Offerflow</title>');
    }
    expect((await raw(`GET /assets/app.js HTTP/1.1\r\n${hostLine()}`)).body).toBe('console.log(1)');
  });

  it('a request target the URL parser rejects is a 400, and the host keeps serving', async () => {
    for (const p of ['//', '//@', '//:99999']) expect((await raw(`GET ${p} HTTP/1.1\r\n${hostLine()}`)).status, p).toBe(400);
    expect((await raw(`GET / HTTP/1.1\r\n${hostLine()}`)).status).toBe(200);
  });

  it('the port is answered over HTTP only by this host: the token never leaves in a Referer', async () => {
    const r = await raw(`GET / HTTP/1.1\r\n${hostLine()}`);
    expect(r.head).toMatch(/referrer-policy: no-referrer/i);
    expect(r.head).toMatch(/content-security-policy: default-src 'self'/i);
    expect(r.head).toMatch(/x-frame-options: deny/i);
  });
});

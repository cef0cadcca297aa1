/**
 * Fuzzing the local HTTP host (issue 6): a real host on a temporary data folder gets random
 * methods, paths, headers and bodies, valid token or not. Every answer is a JSON error with a
 * 4xx status (or a 200 `Result` for a well-formed call), never a 500 or a stack trace, and the
 * host still answers afterwards. Malformed HTTP on a raw socket gets Node's 400 and a closed
 * connection, and the host keeps serving.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../contract';
import { weird } from '../fuzz-support';
import { example, testService, type TestService } from '../test-helpers';
import { startHost, type Host } from './server';

const LONG = Number(process.env.FUZZ_RUNS ?? 0);
const RUNS = LONG > 0 ? Math.ceil(LONG / 5) : 400;
const token = 'fuzz-token-0123456789';
let s: TestService;
let host: Host;
let staticDir: string;
const counts: Record<string, number> = {};
const tally = (k: string): void => void (counts[k] = (counts[k] ?? 0) + 1);

beforeAll(async () => {
  s = testService();
  await s.call('programs.import', { text: example('seed-and-or.program.json'), fileName: 'p.json' });
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-fuzz-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Offerflow</title>');
  host = await startHost({ dispatch: s.dispatch, token, staticDir, port: 0, maxBody: 64 * 1024 });
});
afterAll(async () => {
  console.log(`host fuzz: ${JSON.stringify(counts)}`);
  await host.close();
  await s.dispose();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  type: string;
  body: string;
}

function send(method: string, p: string, headers: Record<string, string>, body: Buffer | null): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method, path: p, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${method} ${p}`)));
    // The host may answer (413) and close before the whole body is sent: that is an answer too.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve({ status: 413, type: 'reset', body: '' }) : reject(e)));
    if (body) req.write(body);
    req.end();
  });
}

const channel = fc.oneof(fc.constantFrom(...CHANNELS), fc.string({ maxLength: 20 }).map(encodeURIComponent), fc.constantFrom('', '..', '%2e%2e', 'programs.list/../x', '__proto__'));
const pathArb = fc.oneof(
  channel.map((c) => `/api/${c}`),
  fc.constantFrom('/', '//', '//@', '/index.html', '/assets/x.js', '/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '//etc/passwd', '/.git/config', '/%00', '/%E0%A4%A', '/api', '/api/'),
  fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
const headersArb = fc.record({
  host: fc.oneof(fc.constant('GOOD'), fc.constantFrom('evil.example', 'localhost', '127.0.0.1', '[::1]', 'localhost.:1', '0.0.0.0'), headerValue),
  origin: fc.option(fc.oneof(fc.constant('GOOD'), fc.constantFrom('null', 'http://evil.example', 'http://127.0.0.1', 'file://'), headerValue)),
  token: fc.option(fc.oneof(fc.constant(token), fc.constant(token.slice(1)), headerValue), { freq: 3 }),
  contentType: fc.option(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'multipart/form-data', 'APPLICATION/JSON')),
});
const bodyArb = fc.oneof(
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v))),
  weird.map((v) => Buffer.from(JSON.stringify({ programId: v, name: v, text: v }))),
  fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  fc.string({ maxLength: 200 }).map((t) => Buffer.from(t)),
  fc.integer({ min: 64 * 1024 + 1, max: 200 * 1024 }).map((n) => Buffer.alloc(n, 0x20)),
);

function assertSafe(r: Reply, p: string, method = 'POST'): void {
  expect(r.status, `${p}: ${r.body.slice(0, 200)}`).toBeLessThan(500);
  expect(r.body).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.body).not.toContain(os.tmpdir());
  if (method === 'HEAD') return; // a HEAD answer has headers only
  if (r.status >= 400 && r.type.startsWith('application/json')) expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { message: expect.any(String) } });
  // Judge by the path the host sees: WHATWG URL parsing folds `/api/%2e%2e` to `/` (the page).
  const seen = URL.canParse(p, 'http://127.0.0.1') ? new URL(p, 'http://127.0.0.1').pathname : p;
  if (seen.startsWith('/api/') && r.status === 200) expect(JSON.parse(r.body)).toHaveProperty('ok');
}

describe('host fuzz', () => {
  it('fuzz random requests: 4xx with a JSON error or a 200 result, never a 500, a stack or a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'), pathArb, headersArb, bodyArb, async (method, p, h, body) => {
        const headers: Record<string, string> = { host: h.host === 'GOOD' ? `127.0.0.1:${host.port}` : h.host };
        if (h.origin !== null) headers.origin = h.origin === 'GOOD' ? `http://127.0.0.1:${host.port}` : h.origin;
        if (h.token !== null) headers['x-offerflow-token'] = h.token;
        if (h.contentType !== null) headers['content-type'] = h.contentType;
        const r = await send(method, p, headers, method === 'GET' || method === 'HEAD' ? null : body);
        tally(`${Math.floor(r.status / 100)}xx`);
        tally('requests');
        assertSafe(r, p, method);
      }),
      { numRuns: RUNS, seed: 660 },
    );
    expect(counts['2xx'] ?? 0).toBeGreaterThan(0);
  }, 120_000);

  it('fuzz bodies of a valid call: a Result for JSON, 400 for non-JSON, 413 past the limit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), bodyArb, async (c, body) => {
        const headers = { host: `127.0.0.1:${host.port}`, 'x-offerflow-token': token, 'content-type': 'application/json' };
        const r = await send('POST', `/api/${c}`, headers, body);
        tally('bodies');
        assertSafe(r, c);
        if (body && body.length > 64 * 1024) expect(r.status).toBe(413);
      }),
      { numRuns: RUNS, seed: 661 },
    );
  }, 120_000);

  it('fuzz raw malformed HTTP gets a 400 and the host keeps serving', async () => {
    const raw = (bytes: Buffer): Promise<string> =>
      new Promise((resolve) => {
        const sock = net.connect(host.port, '127.0.0.1');
        const chunks: Buffer[] = [];
        sock.on('data', (c: Buffer) => chunks.push(c));
        sock.on('error', () => resolve(Buffer.concat(chunks).toString('latin1')));
        sock.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
        sock.setTimeout(5000, () => sock.destroy());
        sock.end(bytes);
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 300 }).map((a) => Buffer.from(a)), fc.string({ maxLength: 200 }).map((t) => Buffer.from(`GET /${t} HTTP/1.1\r\nHost: x\r\n${t}\r\n\r\n`))), async (bytes) => {
        const answer = await raw(bytes);
        tally('rawRequests');
        if (answer) expect(answer).toMatch(/^HTTP\/1\.[01] [1-4]\d\d /);
      }),
      { numRuns: Math.ceil(RUNS / 4), seed: 662 },
    );
    const alive = await send('POST', '/api/programs.list', { host: `127.0.0.1:${host.port}`, 'x-offerflow-token': token, 'content-type': 'application/json' }, Buffer.from('{}'));
    expect(alive.status).toBe(200);
    expect(JSON.parse(alive.body).value).toHaveLength(1);
  }, 120_000);
});

/**
 * Request bodies (issue 12, weak list). A non-import call's body is refused the moment it passes
 * its (small) limit, chunked or not, without waiting for or buffering the rest; and only a few
 * big bodies are read at once: one more is refused at once with 503 instead of piling up memory.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_CHANNELS } from '../contract';
import { testService, type TestService } from '../test-helpers';
import { BIG_BODY, DEFAULT_MAX_BIG_BODIES, DEFAULT_MAX_CALL_BODY, startHost, type Host } from './server';

const token = 'body-limit-token';
let s: TestService;
let host: Host;
beforeAll(async () => {
  s = testService();
  host = await startHost({ dispatch: s.dispatch, token, staticDir: s.dir, port: 0 });
});
afterAll(async () => {
  await host.close();
  await s.dispose();
});

/** Starts a chunked upload that never ends on its own; resolves with the answer if one comes. */
function openUpload(channel: string): { req: http.ClientRequest; answer: Promise<{ status: number; body: string }> } {
  const req = http.request({ host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${channel}`, headers: { 'content-type': 'application/json', 'x-offerflow-token': token, 'transfer-encoding': 'chunked' } });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => undefined);
    });
    req.on('error', reject);
  });
  // Uploads the test abandons (destroyed) fail; only the awaited answers matter.
  answer.catch(() => undefined);
  return { req, answer };
}

/** Writes `bytes` of a JSON string's inside, in 64 KiB chunks. */
async function send(req: http.ClientRequest, bytes: number): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  for (let sent = 0; sent < bytes; sent += chunk.length) {
    if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
  }
}

describe('request bodies', () => {
  it('a chunked body of a non-import call is refused as soon as it passes the call limit, before it ends', async () => {
    const { req, answer } = openUpload('programs.create');
    req.write('{"name":"');
    await send(req, DEFAULT_MAX_CALL_BODY + 256 * 1024);
    // The body is still open (no terminating chunk): the answer can only come from the cut-off.
    const r = await answer;
    req.destroy();
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { message: 'the request is larger than 4 MiB (only file imports may be larger)' } });
    expect(await s.call('programs.list', {})).toEqual([]);
  });

  it(`reads at most ${DEFAULT_MAX_BIG_BODIES} big bodies at once; one more gets 503 at once, and a slot frees when an upload ends`, async () => {
    const big = Array.from({ length: DEFAULT_MAX_BIG_BODIES }, () => openUpload('eventSets.import'));
    for (const u of big) {
      u.req.write('{"programId":"p","fileName":"a.json","text":"');
      await send(u.req, BIG_BODY + 128 * 1024);
    }
    const extra = openUpload('eventSets.import');
    extra.req.write('{"programId":"p","fileName":"a.json","text":"');
    await send(extra.req, BIG_BODY + 128 * 1024);
    const refused = await extra.answer;
    extra.req.destroy();
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.message).toBe('other large uploads are being received; try again when they are done');
    // The first upload ends (a bad program id, answered normally): its slot is free again.
    const first = big[0]!;
    first.req.end('"}');
    expect((await first.answer).status).toBe(200);
    const again = openUpload('eventSets.import');
    again.req.write('{"programId":"p","fileName":"a.json","text":"');
    await send(again.req, BIG_BODY + 128 * 1024);
    again.req.end('"}');
    const ok = await again.answer;
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).error.field).toBe('programId');
    for (const u of big.slice(1)) u.req.destroy();
  });

  // The browser's event-set import moved to a job (eventSets.importStart) and a hand-kept list of
  // file channels missed it: every big CSV picked in the app was refused with 413.
  it('every channel that carries a file takes a body past the call limit (the import job included)', async () => {
    expect([...FILE_CHANNELS].sort()).toEqual(['eventSets.import', 'eventSets.importStart', 'imports.addFile', 'partners.importCsv', 'programs.import']);
    for (const channel of FILE_CHANNELS) {
      const { req, answer } = openUpload(channel);
      req.write('{"programId":"p","fileName":"a.json","text":"');
      await send(req, DEFAULT_MAX_CALL_BODY + 256 * 1024);
      req.end('"}');
      const r = await answer;
      expect(r.status, channel).toBe(200);
      expect(JSON.parse(r.body).error.message, channel).not.toMatch(/larger than/);
    }
  });
});

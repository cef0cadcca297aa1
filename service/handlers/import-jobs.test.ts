/**
 * Imports as jobs (issue 12, weak list): an import can be followed (parsing, then storing chunk
 * N of M, never backwards) and cancelled; nothing is stored on cancel, nor when the caller goes
 * away (an HTTP client that disconnects aborts the call's signal).
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportJob } from '../contract';
import { startHost } from '../host/server';
import { disposeIfCreated, example, testService, type TestService } from '../test-helpers';
import { WORKER_IMPORT_CHARS } from './event-sets';

let s: TestService;
afterEach(async () => disposeIfCreated(s));

/** An event set over the worker threshold: customers and their transactions. */
function bigEvents(): string {
  const events: string[] = [];
  for (let i = 0, size = 0; size < WORKER_IMPORT_CHARS + 100_000; i++) {
    const at = new Date(Date.parse('2026-01-05T00:00:00Z') + i * 60_000).toISOString().replace('.000Z', 'Z');
    const e = JSON.stringify({ id: `c${i}`, type: 'customer.created', at, customer: { key: `k${i}`, partnerKey: 'ana' } });
    events.push(e);
    size += e.length + 1;
  }
  return `{"format":"offerflow.events/1","name":"big","events":[${events.join(',')}]}`;
}

async function program(): Promise<string> {
  s = testService();
  return (await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' })).id;
}

async function untilEnded(importId: string, seen: ImportJob[] = []): Promise<ImportJob> {
  for (;;) {
    const j = await s.call('eventSets.importProgress', { importId });
    seen.push(j);
    if (j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('imports as jobs', () => {
  it('reports parsing then storing progress that never goes backwards, and ends done with the set', async () => {
    const programId = await program();
    const { importId } = await s.call('eventSets.importStart', { programId, fileName: 'big.json', text: bigEvents() });
    const seen: ImportJob[] = [];
    const end = await untilEnded(importId, seen);
    expect(end).toMatchObject({ status: 'done', phase: 'storing' });
    expect(end.stored).toBe(end.total);
    expect(end.eventSet?.name).toBe('big');
    const order = seen.map((j) => (j.phase === 'parsing' ? 0 : 1) * 1e9 + j.stored);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect((await s.call('eventSets.list', { programId })).map((e) => e.id)).toEqual([end.eventSet?.id]);
  }, 120_000);

  it('a cancelled import ends cancelled and stores nothing', async () => {
    const programId = await program();
    const { importId } = await s.call('eventSets.importStart', { programId, fileName: 'big.json', text: bigEvents() });
    const cancelled = await s.call('eventSets.importCancel', { importId });
    expect(cancelled.id).toBe(importId);
    expect((await untilEnded(importId)).status).toBe('cancelled');
    expect(await s.call('eventSets.list', { programId })).toEqual([]);
    expect(s.db.prepare('SELECT COUNT(*) FROM event_set_chunks').pluck().get()).toBe(0);
  }, 120_000);

  it('an import whose caller is gone (signal aborted) stores nothing, inline or in the worker', async () => {
    const programId = await program();
    for (const text of [example('seed-order-recommended.events.json'), bigEvents()]) {
      const gone = new AbortController();
      gone.abort();
      const r = await s.dispatch('eventSets.import', { programId, fileName: 'e.json', text }, gone.signal);
      expect(r.ok ? 'stored' : r.error.message).toBe('the import of e.json was cancelled; nothing was stored');
    }
    expect(await s.call('eventSets.list', { programId })).toEqual([]);
  }, 120_000);

  it('the host aborts the call when its HTTP client disconnects before the answer', async () => {
    let called: (signal: AbortSignal | undefined) => void = () => undefined;
    const dispatched = new Promise<AbortSignal | undefined>((r) => (called = r));
    const host = await startHost({
      // A dispatch that waits for its caller to go away (as a long import would).
      dispatch: async (_channel, _args, signal) => {
        called(signal);
        await new Promise((r) => signal?.addEventListener('abort', r, { once: true }));
        return { ok: true, value: null };
      },
      token: 't',
      staticDir: '.',
      port: 0,
    });
    try {
      const req = http.request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/eventSets.import', headers: { 'content-type': 'application/json', 'x-offerflow-token': 't' } });
      req.on('error', () => undefined);
      req.end('{}');
      const signal = await dispatched;
      expect(signal?.aborted).toBe(false);
      const abort = new Promise((r) => signal?.addEventListener('abort', r, { once: true }));
      req.destroy();
      await abort;
      expect(signal?.aborted).toBe(true);
    } finally {
      await host.close();
    }
  });
});

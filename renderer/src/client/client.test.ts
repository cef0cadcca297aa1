import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { OfferflowBridge } from '@service/bridge';
import { ContractMismatch, contractClient, type Result, type ResultOf, type Transport } from '@service/contract';
import { bridgeClient, CHECK_RESULTS, httpClient, takeToken } from './index';

function fakeStorage(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, get length() { return m.size; } };
}

afterEach(() => vi.unstubAllGlobals());

describe('renderer client', () => {
  it('takes the token from the URL, keeps it for reloads and removes it from the address bar', () => {
    const replaceState = vi.fn();
    vi.stubGlobal('window', { history: { replaceState } });
    const store = fakeStorage();
    expect(takeToken({ href: 'http://127.0.0.1:5178/?token=abc&x=1#/replay' } as Location, store)).toBe('abc');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1#/replay');
    expect(takeToken({ href: 'http://127.0.0.1:5178/' } as Location, store)).toBe('abc');
  });

  it('posts the call with the token header and returns the Result', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const r = await httpClient('tok').send('programs.list', {});
    expect(r).toEqual({ ok: true, value: [] });
    expect(fetch).toHaveBeenCalledWith('/api/programs.list', expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ 'x-offerflow-token': 'tok' }) }));
  });

  it('turns a refused or unreachable host into an error value', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { message: 'missing or wrong token' } }), { status: 401 })));
    expect(await httpClient(null).send('programs.list', {})).toEqual({ ok: false, error: { message: 'missing or wrong token' } });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new Error('ECONNREFUSED'))));
    const r = await httpClient(null).send('programs.list', {});
    expect(r.ok ? null : r.error.message).toMatch(/did not answer/);
  });
});

describe('reconnecting after a host restart', () => {
  it('retries a read until the host answers again and marks the connection lost, then up', async () => {
    const summary = { id: 'p', name: 'P', triggerCount: 0, partnerCount: 0, updatedAt: '2026-01-01T00:00:00Z' };
    const { useConnection } = await import('./connection');
    useConnection.setState({ state: 'up', message: null });
    const before = useConnection.getState().reconnects;
    let calls = 0;
    const states: string[] = [];
    const unsub = useConnection.subscribe((s) => states.push(s.state));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        calls++;
        if (calls < 4) throw new TypeError('Failed to fetch');
        return new Response(JSON.stringify({ ok: true, value: [summary] }), { status: 200 });
      }),
    );
    const r = await httpClient('tok', '', { reconnectMs: 10_000, wait: async () => undefined }).send('programs.list', {});
    unsub();
    expect(r).toEqual({ ok: true, value: [summary] });
    expect(calls).toBe(4);
    expect(states).toEqual(['lost', 'up']);
    expect(useConnection.getState().reconnects).toBe(before + 1);
  });

  it('never repeats a write, and gives up on a read after the reconnect time', async () => {
    const fetch = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    vi.stubGlobal('fetch', fetch);
    const c = httpClient('tok', '', { reconnectMs: 1000, wait: async () => undefined });
    const w = await c.send('programs.create', { name: 'x' });
    expect(w.ok ? null : w.error.message).toMatch(/did not answer/);
    expect(fetch).toHaveBeenCalledTimes(1);
    const r = await c.send('programs.list', {});
    expect(r.ok).toBe(false);
    // 250 + 375 + 563 ms of waits pass the 1000 ms limit: four tries in all.
    expect(fetch).toHaveBeenCalledTimes(5);
  });

  it('a refused token is its own state with the host\'s message', async () => {
    const { useConnection } = await import('./connection');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { message: 'missing or wrong token: open the URL the host printed' } }), { status: 401 })));
    await httpClient('old').send('programs.list', {});
    expect(useConnection.getState().state).toBe('refused');
    expect(useConnection.getState().message).toMatch(/wrong token/);
  });
});

describe('the typed client checks answers against the contract', () => {
  const answering = (answer: unknown): Transport => async () => answer;

  it('rejects an answer of the wrong shape, naming the channel and the JSON path', async () => {
    const c = contractClient(answering({ ok: true, value: { imported: 'three' } }), { checkResults: true });
    const call = c.send('partners.importCsv', { programId: 'p', text: 'key\n', fileName: 'p.csv' });
    await expect(call).rejects.toBeInstanceOf(ContractMismatch);
    await expect(call).rejects.toMatchObject({ channel: 'partners.importCsv', path: 'imported', message: 'partners.importCsv answered a value that does not meet its result schema, at imported: expected number' });
  });

  it('names the element of a list that is not what the channel answers', async () => {
    const good = { id: 'p', name: 'P', triggerCount: 0, partnerCount: 0, updatedAt: '2026-01-01T00:00:00Z' };
    const c = contractClient(answering({ ok: true, value: [good, { id: 'q' }] }), { checkResults: true });
    await expect(c.send('programs.list', {})).rejects.toMatchObject({ channel: 'programs.list', path: '[1]' });
    // The same answer with the right shape passes, unchanged.
    const ok = contractClient(answering({ ok: true, value: [good] }), { checkResults: true });
    expect(await ok.send('programs.list', {})).toEqual({ ok: true, value: [good] });
  });

  it('is on in tests (development builds): the HTTP and the bridge clients reject a wrong answer by default', async () => {
    expect(CHECK_RESULTS).toBe(true);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { runId: 7 } }), { status: 200 })));
    await expect(httpClient('tok').send('replay.start', { programId: 'p', eventSetId: 's' })).rejects.toMatchObject({ channel: 'replay.start', path: 'runId' });
    const bridge = { send: async () => ({ ok: true, value: { deleted: 'yes' } }) } as unknown as OfferflowBridge;
    await expect(bridgeClient(bridge).send('programs.delete', { programId: 'p' })).rejects.toMatchObject({ channel: 'programs.delete', path: 'deleted' });
  });

  it('leaves answers unchecked when checks are off (production builds)', async () => {
    const c = contractClient(answering({ ok: true, value: { imported: 'three' } }), { checkResults: false });
    expect(await c.send('partners.importCsv', { programId: 'p', text: 'key\n', fileName: 'p.csv' })).toEqual({ ok: true, value: { imported: 'three' } });
  });

  it('turns an answer that is not a Result into an error value naming the channel, checks on or off', async () => {
    for (const checkResults of [true, false]) {
      const r = await contractClient(answering('<html>'), { checkResults }).send('programs.list', {});
      expect(r.ok ? null : r.error.message).toMatch(/^programs\.list: the service answered something that is not a result/);
    }
    // Refusals pass as they are, never checked against the result schema.
    const refused = { ok: false, error: { message: 'program "x" does not exist', field: 'programId' } };
    expect(await contractClient(answering(refused), { checkResults: true }).send('programs.get', { programId: 'x' })).toEqual(refused);
  });

  it('takes only contract channels and their arguments, and answers the channel\'s Result (typechecked)', async () => {
    const c = contractClient(answering({ ok: true, value: [] }), { checkResults: false });
    expectTypeOf(c.send('programs.list', {})).resolves.toEqualTypeOf<Result<ResultOf<'programs.list'>>>();
    expectTypeOf<Awaited<ReturnType<typeof c.send<'replay.start'>>>>().toEqualTypeOf<Result<{ runId: string }>>();
    // @ts-expect-error -- not a channel of the contract
    await c.send('programs.lsit', {});
    // @ts-expect-error -- programs.get needs a programId
    await c.send('programs.get', {});
    // @ts-expect-error -- programId is a string
    await c.send('programs.get', { programId: 3 });
    // @ts-expect-error -- the arguments of another channel
    await c.send('replay.start', { runId: 'r' });
  });
});

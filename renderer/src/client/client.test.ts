import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpClient, takeToken } from './index';

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
        return new Response(JSON.stringify({ ok: true, value: ['p'] }), { status: 200 });
      }),
    );
    const r = await httpClient('tok', '', { reconnectMs: 10_000, wait: async () => undefined }).send('programs.list', {});
    unsub();
    expect(r).toEqual({ ok: true, value: ['p'] });
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

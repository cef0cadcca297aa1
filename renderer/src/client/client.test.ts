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

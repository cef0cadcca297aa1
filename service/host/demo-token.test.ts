/**
 * `serve --demo` keeps one token in the data folder (0600) and reuses it, so the printed URL is
 * the same after a restart; a file that is not a token is refused, never overwritten.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN_FILE, demoToken } from './demo-token';
import { hostOnce } from './host-once.test-support';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-demo-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the host until it prints its URL, then stops it; the URL's token. */
async function urlOf(...extra: string[]): Promise<string> {
  const { code, stdout, stderr } = await hostOnce(dir, ...extra);
  const m = /token=(\S+)/.exec(stdout);
  if (m?.[1]) return decodeURIComponent(m[1]);
  throw new Error(`host exited ${code} without a URL: ${stderr}`);
}

describe('demo token', () => {
  it('is created once with mode 0600 and reused', () => {
    const a = demoToken(dir);
    expect(a.created).toBe(true);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    if (process.platform !== 'win32') expect(fs.statSync(a.file).mode & 0o777).toBe(0o600);
    const b = demoToken(dir);
    expect(b.created).toBe(false);
    expect(b.token).toBe(a.token);
  });

  it('refuses a file that does not hold a token and leaves it as it was', () => {
    const file = path.join(dir, DEMO_TOKEN_FILE);
    fs.writeFileSync(file, 'my notes\n');
    expect(() => demoToken(dir)).toThrow(`${file} does not hold a demo token`);
    expect(fs.readFileSync(file, 'utf8')).toBe('my notes\n');
  });

  it.skipIf(process.platform === 'win32')('narrows a token file others can read to 0600 and says so', () => {
    const file = path.join(dir, DEMO_TOKEN_FILE);
    fs.writeFileSync(file, `${'a'.repeat(32)}\n`, { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const t = demoToken(dir);
    expect(t.token).toBe('a'.repeat(32));
    expect(t.warnings).toEqual([`${file} was readable by other users; it is now 0600`]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('the host prints the same token after a restart with --demo, a new one without', async () => {
    const first = await urlOf('--demo');
    const second = await urlOf('--demo');
    expect(second).toBe(first);
    expect(fs.readFileSync(path.join(dir, DEMO_TOKEN_FILE), 'utf8').trim()).toBe(first);
    const plain = await urlOf();
    expect(plain).not.toBe(first);
  }, 60_000);
});

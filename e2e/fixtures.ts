/**
 * The e2e fixture: every test gets its own host on a free port with a fresh temporary data
 * folder (so the real SQLite file starts empty and is seeded with the sample), a `page` already
 * at the tokened URL, and `api` to call the same host directly for setup and checks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import type { ArgsOf, Channel, Result, ResultOf } from '../service/contract';
import { launchHost, ROOT, type RunningHost } from './host';

export interface Api {
  call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>>;
}

interface Fixtures {
  host: RunningHost;
  dataDir: string;
  api: Api;
}

function makeApi(request: APIRequestContext, host: RunningHost): Api {
  return {
    async call(channel, args) {
      const res = await request.post(`${host.origin}/api/${channel}`, { headers: { 'x-offerflow-token': host.token, 'content-type': 'application/json' }, data: args });
      const body = (await res.json()) as Result<ResultOf<typeof channel>>;
      if (!body.ok) throw new Error(`${channel}: ${body.error.message}`);
      return body.value;
    },
  };
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    // The renderer is built once by e2e/global-setup.ts; parallel hosts must not rebuild it.
    const host = await launchHost(dataDir, { build: false });
    await use(host);
    await host.stop();
  },
  api: async ({ request, host }, use) => {
    await use(makeApi(request, host));
  },
  page: async ({ page, host }, use) => {
    await page.goto(host.url);
    await use(page);
  },
});

export { expect, ROOT };

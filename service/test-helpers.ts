/** Test helpers: a service on a fresh temporary data folder, and the shared example files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInProgress, type ArgsOf, type Channel, type ResultOf } from './contract';
import { createService, type Service, type ServiceOptions } from './service';

/** The spec's worked examples, copied into the repository as fixtures. */
export const EXAMPLES = path.resolve(import.meta.dirname, '../resources/samples/spec-examples');

export function example(name: string): string {
  return fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
}

export interface TestService extends Service {
  dir: string;
  /** Calls a channel through the dispatcher and returns the value; throws with the error message. */
  call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>>;
  dispose(): Promise<void>;
}

export function testService(now?: () => string, options: Omit<ServiceOptions, 'dataDir' | 'now'> = {}): TestService {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-svc-'));
  const s = createService({ ...options, dataDir: dir, ...(now ? { now } : {}) });
  return {
    ...s,
    dir,
    call: async (channel, args) => {
      const r = await s.dispatch(channel, args);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}${r.error.field ? ` [${r.error.field}]` : ''}`);
      return r.value as ResultOf<typeof channel>;
    },
    dispose: async () => {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Teardown for a `let s: TestService` that each test assigns: a test that never created one (or
 * failed first) leaves it unset, and its afterEach must not fail on that.
 */
export async function disposeIfCreated(s: TestService | undefined): Promise<void> {
  await s?.dispose();
}

/** Polls a run until it has ended (no longer queued or running). */
export async function waitForRun(s: TestService, runId: string, timeoutMs = 60_000): Promise<ResultOf<'replay.progress'>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const p = await s.call('replay.progress', { runId });
    if (!runInProgress(p.status)) return p;
    if (Date.now() > end) throw new Error(`run ${runId} still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

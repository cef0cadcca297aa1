/**
 * Fuzzing the IPC boundary (issue 6): the main process's handlers, wired to the real dispatcher
 * of a service on a temporary folder, get random raw argument lists from trusted and untrusted
 * senders. Untrusted senders never reach the service; trusted ones always get a `Result` (never
 * an exception, never "internal error"); the file commands only run for well-formed requests.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportRequest, ImportRequest, IPC } from '../service/bridge';
import { CHANNELS } from '../service/contract';
import { dumpDb, weird } from '../service/fuzz-support';
import { example, testService, type TestService } from '../service/test-helpers';
import { registerIpc } from './ipc';

const LONG = Number(process.env.FUZZ_RUNS ?? 0);
const RUNS = LONG > 0 ? Math.ceil(LONG / 5) : 300;
type Handler = (event: { trusted: boolean }, ...args: unknown[]) => Promise<unknown>;

let s: TestService;
// Set once the service exists: if beforeAll failed earlier, afterAll has nothing to dispose.
let dispose: (() => Promise<unknown>) | undefined;
const handlers = new Map<string, Handler>();
const opened: unknown[] = [];
const saved: unknown[] = [];
const counts = { calls: 0, untrustedRefused: 0, results: 0, dialogs: 0 };

beforeAll(async () => {
  s = testService();
  dispose = () => s.dispose();
  await s.call('programs.import', { text: example('seed-and-or.program.json'), fileName: 'p.json' });
  registerIpc({
    ipcMain: { handle: (ch: string, h: Handler) => handlers.set(ch, h) } as never,
    dispatch: s.dispatch,
    trusted: (e) => (e as unknown as { trusted: boolean }).trusted,
    importFile: (request) => {
      opened.push(request);
      return Promise.resolve({ ok: true, value: null });
    },
    exportFile: (request) => {
      saved.push(request);
      return Promise.resolve({ ok: true, value: { saved: false, fileName: 'x' } });
    },
  });
});
afterAll(async () => {
  console.log(`IPC fuzz: ${JSON.stringify(counts)}`);
  await dispose?.();
});

const rawArgs = fc.array(fc.oneof(fc.constantFrom<unknown>(...CHANNELS), weird, fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 });
// Random values almost never make a well-formed file request, so some argument lists are one:
// the branch that must reach the dialog runs (asserted below), not only the refusals.
const fileRequest = fc.constantFrom<unknown>(
  { kind: 'program' },
  { kind: 'events', programId: 'p1' },
  { kind: 'partners', programId: 'p1' },
  { channel: 'programs.export', args: { programId: 'p1' } },
  { channel: 'replay.ledgerCsv', args: { runId: 'run1' } },
  { channel: 'payouts.invoiceCsv', args: { runId: 'run1', month: '2026-02' } },
);
const callArgs = fc.oneof({ arbitrary: rawArgs, weight: 4 }, { arbitrary: fileRequest.map((r) => [r]), weight: 1 });

describe('IPC fuzz', () => {
  it('fuzz raw IPC arguments: untrusted senders reach nothing, trusted ones get a Result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.constantFrom(IPC.call, IPC.importFile, IPC.exportFile), callArgs, async (trusted, ch, args) => {
        const before = trusted ? null : dumpDb(s.db);
        const nOpened = opened.length;
        const nSaved = saved.length;
        const r = await handlers.get(ch)?.({ trusted }, ...args);
        counts.calls++;
        if (!trusted) {
          expect(dumpDb(s.db)).toBe(before);
          expect([opened.length, saved.length]).toEqual([nOpened, nSaved]);
          counts.untrustedRefused++;
          return;
        }
        // Every answer to a trusted sender is a Result, file commands included.
        expect(r).toHaveProperty('ok');
        const res = r as { ok: boolean; error?: { message: string } };
        if (!res.ok) expect(res.error?.message).not.toMatch(/^internal error/);
        if (ch === IPC.call) counts.results++;
        else {
          const parsed = (ch === IPC.importFile ? ImportRequest : ExportRequest).safeParse(args[0]);
          const wellFormed = args.length === 1 && parsed.success;
          if (!wellFormed) expect([opened.length, saved.length]).toEqual([nOpened, nSaved]);
          else {
            // A well-formed request reaches its file command exactly once.
            expect(opened.length + saved.length).toBe(nOpened + nSaved + 1);
            counts.dialogs++;
          }
        }
      }),
      { numRuns: RUNS, seed: 670 },
    );
    expect(counts.untrustedRefused).toBeGreaterThan(0);
    expect(counts.results).toBeGreaterThan(0);
    expect(counts.dialogs).toBeGreaterThan(0);
  }, 120_000);
});

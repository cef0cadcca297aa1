/**
 * Runs with two processes on one data folder (issue 12, finding 9). Each run records its owner
 * (process) and a heartbeat. A run whose owner was SIGKILLed becomes failed with a sentence as
 * soon as another process looks at it, instead of staying "running" forever; a cancel of a run
 * another live process replays says it cannot stop it, instead of answering ok and changing
 * nothing. A heartbeat gone stale also ends the run, even when the pid exists (pid reuse).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { disposeIfCreated, example, testService, type TestService } from '../test-helpers';
import { HEARTBEAT_STALE_MS } from '../store';

const child = path.join(__dirname, 'owner-child.ts');
let s: TestService;
let other: ChildProcess | null = null;
afterEach(async () => {
  other?.kill('SIGKILL');
  await disposeIfCreated(s);
});

/** Starts the other process; resolves with the id of the run it started. */
function otherProcess(dataDir: string, programId: string, eventSetId: string): Promise<string> {
  const p = spawn(process.execPath, ['--import', 'tsx', child, dataDir, programId, eventSetId], { stdio: ['ignore', 'pipe', 'inherit'] });
  other = p;
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: p.stdout }).once('line', (line) => (line.startsWith('run ') ? resolve(line.slice(4)) : reject(new Error(line))));
    p.once('exit', (code) => reject(new Error(`owner-child exited with ${code}`)));
  });
}

async function seeded(): Promise<{ programId: string; eventSetId: string }> {
  s = testService();
  const doc = await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
  const set = await s.call('eventSets.import', { programId: doc.id, text: example('seed-order-recommended.events.json'), fileName: 'e.json' });
  return { programId: doc.id, eventSetId: set.id };
}

describe('run owners and heartbeats', () => {
  it("refuses to cancel another live process's run, and fails it with a sentence once that process is SIGKILLed", async () => {
    const { programId, eventSetId } = await seeded();
    const runId = await otherProcess(s.dir, programId, eventSetId);
    const p = other!;
    expect((await s.call('replay.progress', { runId })).status).toMatch(/^(queued|running)$/);
    const cancel = await s.dispatch('replay.cancel', { runId });
    expect(cancel.ok ? cancel.value : cancel.error).toEqual({ message: `run "${runId}" is being replayed by another Offerflow process (pid ${p.pid}); it can only be cancelled there`, field: 'runId' });
    expect((await s.call('replay.progress', { runId })).status).toMatch(/^(queued|running)$/);
    p.kill('SIGKILL');
    await new Promise((r) => p.once('exit', r));
    const after = await s.call('replay.progress', { runId });
    expect(after).toMatchObject({ status: 'failed', error: `interrupted: the Offerflow process running this replay (pid ${p.pid}) ended before it finished; run it again` });
    expect((await s.call('replay.runs', { programId })).find((r) => r.id === runId)?.status).toBe('failed');
  }, 60_000);

  it('a run whose owner stopped beating is failed even though a process with its pid exists', async () => {
    const { programId, eventSetId } = await seeded();
    const runId = await otherProcess(s.dir, programId, eventSetId);
    // As if the owner hung (or its pid went to another program) long ago.
    s.db.prepare('UPDATE runs SET heartbeat_at = ? WHERE id = ?').run(Date.now() - HEARTBEAT_STALE_MS - 1_000, runId);
    const after = await s.call('replay.progress', { runId });
    expect(after.status).toBe('failed');
    expect(after.error).toMatch(/stopped answering \(no heartbeat for over 60 s\); run it again$/);
  }, 60_000);
});

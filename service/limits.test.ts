/**
 * Limits (issue 6): oversized imports, deep rule trees, stack-busting nesting and cascade loops
 * are refused or bounded with a clear message, never an out-of-memory crash, a stack overflow
 * or a hang. Issue 12 adds length caps on every free-text argument (a 20 MB file name, id or key
 * is refused naming the field and the limit; before, a 20 MB `fileName` was stored and came back
 * in every list response) and review bounds (200,000 ids in one call are refused; repeated ids
 * are one decision, one row).
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RULE_DEPTH } from '../engine/validate';
import { MAX_CASCADE } from '../engine/replay/replay';
import { MAX_ARG_DEPTH } from './guards';
import { DEFAULT_MAX_BODY, startHost } from './host/server';
import { MAX_FILE_NAME_CHARS, MAX_ID_CHARS, MAX_IMPORT_CHARS, MAX_REVIEW_IDS } from './limits';
import { example, testService, waitForRun, type TestService } from './test-helpers';

let s: TestService;
let programId: string;
beforeAll(async () => {
  s = testService();
  programId = (await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' })).id;
});
afterAll(async () => s.dispose());

const leaf = { object: 'partnership', field: 'group', op: 'equal_to', value: 'bronze' };
function nested(depth: number): unknown {
  let rules: unknown = leaf;
  for (let i = 0; i < depth; i++) rules = i % 2 ? { any: [rules] } : { all: [rules] };
  return rules;
}
const draft = (rules: unknown) => ({ name: 'Deep', event: 'transaction.created', status: 'draft', rules, action: { type: 'reward', offer: { description: 'x', type: 'flat', amount: '1.00', currency: 'USD' } } });

async function refusal(channel: Parameters<TestService['dispatch']>[0], args: unknown): Promise<{ message: string; field?: string }> {
  const r = await s.dispatch(channel, args);
  if (r.ok) throw new Error(`${channel} was accepted`);
  return r.error;
}

describe('import size', () => {
  it('refuses a file over 256 MB before parsing it, storing nothing', async () => {
    // `repeat` builds a rope: the length check never flattens or copies 256 MB.
    const huge = ' '.repeat(MAX_IMPORT_CHARS + 1);
    const started = Date.now();
    for (const [channel, args] of [
      ['eventSets.import', { programId, fileName: 'huge.events.json', text: huge }],
      ['programs.import', { text: huge, fileName: 'huge.program.json' }],
      ['partners.importCsv', { programId, text: huge }],
    ] as const) {
      const e = await refusal(channel, args);
      expect(e.field).toBe('text');
      expect(e.message).toMatch(/larger than 256 MB: split the file/);
    }
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await s.call('eventSets.list', { programId })).toEqual([]);
    expect(await s.call('programs.list', {})).toHaveLength(1);
  });

  it('the host refuses a declared body over its limit at once, with a JSON error', async () => {
    expect(DEFAULT_MAX_BODY).toBe(MAX_IMPORT_CHARS);
    const host = await startHost({ dispatch: s.dispatch, token: 't', staticDir: '/nonexistent', port: 0 });
    try {
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/eventSets.import', headers: { 'content-type': 'application/json', 'x-offerflow-token': 't', 'content-length': String(DEFAULT_MAX_BODY + 1) } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.flushHeaders(); // headers only: the host must answer without waiting for 256 MB
      });
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { message: 'the request is larger than 256 MiB' } });
    } finally {
      host.server.closeAllConnections();
      await host.close();
    }
  });
});

describe('deep rule trees', () => {
  it(`accepts ${MAX_RULE_DEPTH} nested blocks and refuses ${MAX_RULE_DEPTH + 1} on create and update, naming trigger.rules`, async () => {
    const ok = await s.call('triggers.create', { programId, trigger: draft(nested(MAX_RULE_DEPTH)) });
    for (const [channel, args] of [
      ['triggers.create', { programId, trigger: draft(nested(MAX_RULE_DEPTH + 1)) }],
      ['triggers.update', { programId, triggerId: ok.id, trigger: { ...draft(nested(MAX_RULE_DEPTH + 1)), id: ok.id } }],
      ['triggers.create', { programId, trigger: draft(nested(5000)) }],
    ] as const) {
      const e = await refusal(channel, args);
      expect(e).toMatchObject({ field: 'trigger.rules' });
      expect(e.message).toMatch(new RegExp(`nested more than ${MAX_RULE_DEPTH} deep`));
    }
    expect((await s.call('triggers.versions', { programId, triggerId: ok.id })).length).toBe(1);
  });

  it('refuses stack-busting nesting in any argument or imported file, never an internal error', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect((await refusal('programs.updateSettings', { programId, groups: deep })).message).toMatch(`nested more than ${MAX_ARG_DEPTH} levels`);
    // Built as text: JSON.stringify itself would overflow on a tree this deep.
    const rules = `${'{"all":[{"any":['.repeat(1500)}${JSON.stringify(leaf)}${']}]}'.repeat(1500)}`;
    const text = example('seed-order-recommended.program.json').replace(/"rules": \{[\s\S]*?"value": "bronze"\s*\}\s*\]\s*\}/, `"rules": ${rules}`);
    expect(text).toContain('"any"');
    const e = await refusal('programs.import', { text, fileName: 'deep.program.json' });
    expect(e).toMatchObject({ field: 'text' });
    expect(e.message).toMatch(/^deep\.program\.json nests arrays or objects more than 200 levels deep/);
    const events = `{"format":"offerflow.events/1","events":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expect((await refusal('eventSets.import', { programId, fileName: 'deep.events.json', text: events })).message).toMatch(/deep\.events\.json nests/);
    // The import job the app uses is checked the same way, before any job starts.
    expect((await refusal('eventSets.importStart', { programId, fileName: 'deep.events.json', text: events })).message).toMatch(/deep\.events\.json nests/);
    // A CSV's brackets are text: a partner named with 300 '[' is a name, not nesting.
    expect((await s.call('partners.importCsv', { programId, fileName: 'p.csv', text: `key,name,group,joinedAt\nzed,${'['.repeat(300)},bronze,2026-01-05T00:00:00Z\n` })).imported).toBe(1);
    // Brackets inside strings do not count.
    const named = example('seed-order-recommended.program.json').replace('"Seed example, recommended order"', JSON.stringify('['.repeat(400)));
    expect((await s.call('programs.import', { text: named, fileName: 'p.json' })).program.name).toBe('['.repeat(400));
  });
});

describe('cascade loops', () => {
  it(`a group ping-pong stops after ${MAX_CASCADE} cascades with a clear message, and the run finishes`, async () => {
    const move = (id: string, from: string, to: string, event: string) => ({
      id,
      name: `${from} to ${to}`,
      event,
      status: 'active',
      rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: from }] },
      action: { type: 'change_group', group: to },
    });
    const program = JSON.parse(example('seed-order-recommended.program.json')) as { triggers: unknown[]; evaluationOrder: Record<string, string[]> };
    program.triggers = [move('up', 'bronze', 'silver', 'transaction.created'), move('down', 'silver', 'bronze', 'partner.joined_group'), move('up-again', 'bronze', 'silver', 'partner.joined_group')];
    program.evaluationOrder = { 'transaction.created': ['up'], 'partner.joined_group': ['down', 'up-again'] };
    const doc = await s.call('programs.import', { text: JSON.stringify(program), fileName: 'loop.program.json' });
    const set = await s.call('eventSets.import', { programId: doc.id, fileName: 'e.json', text: example('seed-order-recommended.events.json') });
    const { runId } = await s.call('replay.start', { programId: doc.id, eventSetId: set.id });
    const done = await waitForRun(s, runId, 30_000);
    expect(done.status).toBe('done');
    const result = await s.call('replay.result', { runId });
    expect(result.rejected.length).toBeGreaterThan(0);
    expect(result.rejected[0]?.message).toMatch(new RegExp(`cascade loop: more than ${MAX_CASCADE}`));
  }, 60_000);
});

const huge = 'x'.repeat(20 * 1024 * 1024);

describe('length caps', () => {
  it('refuses a 20 MB fileName naming the field and the limit; nothing is stored', async () => {
    const e = await refusal('eventSets.import', { programId, fileName: `${huge}.json`, text: example('seed-order-recommended.events.json') });
    expect(e).toMatchObject({ field: 'fileName', message: `fileName is longer than ${MAX_FILE_NAME_CHARS} characters` });
    expect(await s.call('eventSets.list', { programId })).toEqual([]);
    expect((await refusal('programs.import', { text: example('seed-order-recommended.program.json'), fileName: huge })).field).toBe('fileName');
    expect((await refusal('partners.importCsv', { programId, text: 'key\n', fileName: huge })).field).toBe('fileName');
  });

  it('refuses a 20 MB id or key, and the refusal does not echo it', async () => {
    for (const [channel, args, field] of [
      ['programs.get', { programId: huge }, 'programId'],
      ['replay.progress', { runId: huge }, 'runId'],
      ['replay.ledger', { runId: 'r', partnerKey: huge }, 'partnerKey'],
      ['visibility.get', { programId, partnerKey: huge }, 'partnerKey'],
      ['replay.start', { programId, eventSetId: 'e', asOf: huge }, 'asOf'],
    ] as const) {
      const e = await refusal(channel, args);
      expect(e.field).toBe(field);
      expect(e.message).toMatch(/is longer than \d+ characters$/);
      expect(e.message.length).toBeLessThan(200);
    }
    expect((await refusal('programs.get', { programId: 'p'.repeat(MAX_ID_CHARS + 1) })).message).toBe(`programId is longer than ${MAX_ID_CHARS} characters`);
  });
});

describe('rewards.review bounds', () => {
  it('refuses 200,000 ids in one call and records repeated ids once', async () => {
    const set = await s.call('eventSets.import', { programId, fileName: 'e.json', text: example('seed-order-recommended.events.json') });
    const { runId } = await s.call('replay.start', { programId, eventSetId: set.id });
    await waitForRun(s, runId);
    const id = (await s.call('replay.ledger', { runId, limit: 1 })).rows[0]!.id;
    const flood = await refusal('rewards.review', { runId, rewardIds: Array.from({ length: 200_000 }, () => id), decision: 'approved' });
    expect(flood.field).toBe('rewardIds');
    expect(flood.message).toContain(`review at most ${MAX_REVIEW_IDS} at once`);
    const reviews = (): number => s.db.prepare('SELECT COUNT(*) FROM reviews WHERE run_id = ?').pluck().get(runId) as number;
    expect(reviews()).toBe(0);
    expect(await s.call('rewards.review', { runId, rewardIds: Array.from({ length: 5_000 }, () => id), decision: 'approved' })).toEqual({ updated: 1 });
    expect(reviews()).toBe(1);
  });
});

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture, git, qaFolder } from './fixtures';

describe('offerflow test --update', () => {
  it('writes the run as expectations of failing and expectation-less sets, atomically, after which they pass', () => {
    const { dir, sets } = qaFolder();
    const prog = join(dir, 'seed.program.json');
    const passBefore = readFileSync(join(sets, 'pass.events.json'), 'utf8');
    // A JSON Lines set with no expectations, and a CSV set without its expectations file.
    const events = (JSON.parse(passBefore) as { events: unknown[] }).events;
    const jl = join(sets, 'new.events.jsonl');
    writeFileSync(jl, `{"format":"offerflow.events/1","name":"new"}\n${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
    writeFileSync(join(sets, 'csv', 'orders.expect.json'), JSON.stringify({ rewards: [] }));
    const r = capture(['test', prog, join(sets, 'fail.events.json'), join(sets, 'pass.events.json'), jl, join(sets, 'csv'), '--update']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`expectations updated: ${join(sets, 'fail.events.json')}`);
    expect(r.out).toContain(`expectations updated: ${join(sets, 'csv', 'orders.expect.json')}`);
    expect(readFileSync(join(sets, 'pass.events.json'), 'utf8')).toBe(passBefore); // passing: untouched
    const failing = JSON.parse(readFileSync(join(sets, 'fail.events.json'), 'utf8')) as { name: string; expect: { rewards: { eventId: string; triggerId: string }[]; partners: unknown[]; rejected: unknown[] } };
    expect(failing.name).toBe('Failing sample');
    expect(failing.expect.rewards.map((x) => `${x.triggerId}@${x.eventId}`)).toEqual(['bronze-offer@t1', 'bronze-offer@t2', 'bronze-offer@t3', 'bronze-offer@t4', 'bronze-offer@t5', 'silver-offer@t6']);
    expect(failing.expect.partners).toEqual([{ key: 'ana', group: 'silver', tier: null, tags: [] }]);
    expect(failing.expect.rejected).toEqual([]);
    // JSON Lines: only the header line changes; every event line stays byte for byte.
    const lines = readFileSync(jl, 'utf8').split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ format: 'offerflow.events/1', name: 'new', expect: { rewards: expect.any(Array) as unknown } });
    expect(lines.slice(1).join('\n')).toBe(`${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
    expect(JSON.parse(readFileSync(join(sets, 'csv', 'orders.expect.json'), 'utf8'))).toMatchObject({ rewards: [{ partnerKey: 'ana', triggerId: 'bronze-offer', eventId: 't1', amount: '5.00', currency: 'USD' }] });
    expect(readdirSync(sets).concat(readdirSync(join(sets, 'csv'))).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const again = capture(['test', prog, join(sets, 'fail.events.json'), jl, join(sets, 'csv')]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('3 passed, 0 failed');
  });

  it('never writes an invalid set, and exits 2 for it', () => {
    const { dir, sets } = qaFolder();
    const bad = join(sets, 'bad.events.jsonl');
    const before = readFileSync(bad, 'utf8');
    expect(capture(['test', join(dir, 'seed.program.json'), bad, '--update']).code).toBe(2);
    expect(readFileSync(bad, 'utf8')).toBe(before);
  });

  it('refuses a set changed while the tests ran, even with --force', () => {
    const { dir, sets } = qaFolder();
    const fail = join(sets, 'fail.events.json');
    // The reader edits the file as the run reads it, as an editor saving at that moment would.
    const readFile = (p: string): string => {
      const text = readFileSync(p, 'utf8');
      if (p === fail) writeFileSync(p, `${text}\n`);
      return text;
    };
    const r = capture(['test', join(dir, 'seed.program.json'), fail, '--update', '--force'], readFile);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`not updated: ${fail} changed while the tests ran; run them again`);
    expect(readFileSync(fail, 'utf8')).not.toContain('silver-offer","eventId":"t6');
  });

  it('inside git: refuses a set with uncommitted changes unless --force, and updates a committed one', () => {
    const { dir, sets } = qaFolder();
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'sets');
    const fail = join(sets, 'fail.events.json');
    const prog = join(dir, 'seed.program.json');
    writeFileSync(fail, `${readFileSync(fail, 'utf8')}\n`); // dirty
    const refused = capture(['test', prog, fail, '--update']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('not updated: git shows uncommitted changes (M sets/fail.events.json): commit them first, or pass --force');
    const forced = capture(['test', prog, fail, '--update', '--force']);
    expect(forced.code).toBe(0);
    git(dir, 'commit', '-qam', 'updated');
    writeFileSync(join(sets, 'csv', 'orders.expect.json'), JSON.stringify({ rewards: [] }));
    git(dir, 'commit', '-qam', 'csv expectations emptied');
    expect(capture(['test', prog, join(sets, 'csv'), '--update']).code).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe(' M sets/csv/orders.expect.json\n');
  });

  it('--force without --update is a usage error', () => {
    const { dir, sets } = qaFolder();
    const r = capture(['test', join(dir, 'seed.program.json'), sets, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--force only goes with --update');
  });
});

describe('offerflow test --watch', () => {
  it('reruns when a set changes (the command in a child process of its own)', async () => {
    const { dir, sets } = qaFolder();
    const pass = join(sets, 'pass.events.json');
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../source-entry.ts'), 'test', join(dir, 'seed.program.json'), pass, '--watch'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    // Resolves once the child's output satisfies `ok`; checked again on every chunk it writes.
    let pending: (() => void)[] = [];
    const recheck = (): void => pending.forEach((f) => f());
    const until = (ok: () => boolean): Promise<void> =>
      new Promise((resolve) => {
        const f = (): void => {
          if (!ok()) return;
          pending = pending.filter((g) => g !== f);
          resolve();
        };
        pending.push(f);
        f();
      });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      recheck();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      recheck();
    });
    try {
      await until(() => out.includes('1 passed, 0 failed') && err.includes('watching for changes'));
      const set = JSON.parse(readFileSync(pass, 'utf8')) as { expect: { rewards: { amount: string }[] } };
      (set.expect.rewards[0] as { amount: string }).amount = '6.00';
      writeFileSync(pass, JSON.stringify(set));
      await until(() => out.includes('0 passed, 1 failed'));
      expect(out).toContain('- expect.rewards[0]  partner ana');
    } finally {
      child.kill();
    }
  }, 30_000);
});

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from './files';
import { run, type Io } from './main';

const EXAMPLES = join(__dirname, '../resources/samples/spec-examples');

function capture(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), readFile: (p) => readInput(p) };
  const code = run(argv, io);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'offerflow-cli-'));
function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('offerflow CLI', () => {
  const prog = join(EXAMPLES, 'seed-order-recommended.program.json');
  const events = join(EXAMPLES, 'seed-order-recommended.events.json');

  it('replay exits 0 with expectations passed and prints the report', () => {
    const r = capture(['replay', prog, events]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).format).toBe('offerflow.report/1');
    expect(r.err).toContain('expectations passed');
  });

  it('replay --out that cannot be written exits 2 naming it, leaving no temporary file and the old file as it was', () => {
    const target = mkdtempSync(join(tmpdir(), 'offerflow-out-')); // a directory: the final rename fails
    const r = capture(['replay', prog, events, '--out', target]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${target}: cannot be written (EISDIR)`);
    expect(readdirSync(join(target, '..')).filter((f) => f.startsWith(`${basename(target)}.tmp-`))).toEqual([]);
    const missing = join(dir, 'no-such-folder', 'r.json');
    expect(capture(['replay', prog, events, '--out', missing]).err).toContain(`${missing}: cannot be written (ENOENT)`);
  });

  it('replay writes --out atomically and is byte-identical across runs', () => {
    const out1 = join(dir, 'r1.json');
    const out2 = join(dir, 'r2.json');
    expect(capture(['replay', prog, events, '--out', out1, '--trace']).code).toBe(0);
    expect(capture(['replay', prog, events, `--out=${out2}`, '--trace']).code).toBe(0);
    expect(readFileSync(out1, 'utf8')).toBe(readFileSync(out2, 'utf8'));
    expect(JSON.parse(readFileSync(out1, 'utf8')).trace.length).toBeGreaterThan(0);
  });

  it('exits 1 when expectations fail, listing the difference', () => {
    const ev = JSON.parse(readFileSync(events, 'utf8'));
    ev.expect.rewards[0].amount = '6.00';
    const r = capture(['replay', prog, file('bad-expect.json', ev)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('expectations FAILED');
    expect(JSON.parse(r.out).expectations.failures.map((f: { kind: string }) => f.kind).sort()).toEqual(['missing_reward', 'unexpected_reward']);
  });

  it.each([
    ['missing file', ['validate', join(dir, 'nope.json')], 'nope.json: no such file'],
    ['invalid JSON', ['validate', file('broken.json', '{"a":')], 'invalid JSON'],
    ['unknown key', ['validate', file('k.json', { format: 'offerflow.program/1', name: 'x', groups: [{ key: 'g', name: 'G', x: 1 }] })], 'groups[0]: unknown key "x"'],
    ['invalid active trigger', ['validate', file('t.json', { format: 'offerflow.program/1', name: 'x', triggers: [{ id: 't', name: 't', event: 'customer.created', status: 'active', rules: { all: [{ object: 'transaction', field: 'amount', op: 'greater_than', value: '1.00' }] }, action: { type: 'apply_tag', tag: 'x' } }] })], 'triggers[0].rules.all[0].object'],
    ['bad event file', ['replay', prog, file('e.json', { format: 'offerflow.events/1', events: [{ type: 'customer.created', at: 'soon' }] })], 'events[0].at'],
    ['bad CSV', ['replay', prog, file('e.csv', 'id,type,at,shoe\n')], 'line 1, column 4'],
    ['bad --as-of', ['replay', prog, events, '--as-of', 'tomorrow'], '--as-of'],
    ['unknown option', ['replay', prog, events, '--fast'], 'unknown option --fast'],
    ['unknown partner for visibility', ['visibility', prog, '--partner', 'zed'], 'no sample partner has key "zed"'],
    ['no command', [], 'no command given'],
  ])('exits 2 on %s, naming where, without a stack trace', (_label, argv, expected) => {
    const r = capture(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(expected);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('visibility prints the matrix for one partner', () => {
    const r = capture(['visibility', prog, '--partner', 'ana']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out);
    expect(v.format).toBe('offerflow.visibility/1');
    expect(v.partners).toHaveLength(1);
    expect(v.partners[0].visible).toEqual(['bronze-offer']);
    expect(v.partners[0].hidden[0].triggerId).toBe('silver-offer');
  });

  it('validate prints warnings and exits 0 for the double-reward example', () => {
    const r = capture(['validate', join(EXAMPLES, 'seed-order-double-reward.program.json')]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('one event can pay twice');
  });

  it('validate prints lint findings as warnings, exits 0, and leaves its other output as it was', () => {
    const program = {
      format: 'offerflow.program/1', name: 'x', groups: [{ key: 'a', name: 'A' }, { key: 'b', name: 'B' }],
      triggers: [{
        id: 't', name: 't', event: 'transaction.created', status: 'active',
        rules: { all: [{ object: 'partnership', field: 'group', op: 'equal_to', value: 'a' }, { object: 'partnership', field: 'group', op: 'equal_to', value: 'b' }] },
        action: { type: 'reward', offer: { description: '$10 per sale', type: 'percentage', percent: '10' } },
      }],
    };
    const path = file('lint.json', program);
    const r = capture(['validate', path]);
    expect(r.code).toBe(0);
    expect(r.err.split('\n').filter(Boolean)).toEqual([
      `${path}: triggers[0].rules.all[1]: warning (lint): “Group equal to b” contradicts “Group equal to a” in the same AND block: no event passes both, so the trigger never fires. Put one of them in an OR block, or remove it.`,
      `${path}: triggers[0].action.offer.description: warning (lint): The offer description “$10 per sale” names an amount (10), but the reward is 10% of the transaction. Update it so partners see the reward they will get.`,
    ]);
    expect(r.out).toBe(`${path}: valid — 1 triggers, 0 partners, 0 warnings\n`);
  });
});

/**
 * The CLI side of the drip bounds (engine/drip-bounds.test.ts has the rules): an active trigger
 * whose drip spans more than 100 years is refused with exit 2 naming its path; a draft one is a
 * warning that replay skips.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { customer, sale, type Json } from '../engine/test-helpers';
import type { CalendarUnit } from '../engine/time';
import { run as cli, type Io } from './main';

const p = (count: number, unit: CalendarUnit) => ({ count, unit });
const dripAction = (drip: Json): Json => ({ type: 'drip', offer: { description: 'd', type: 'flat', amount: '1.00', currency: 'USD' }, drip });

describe('drip bounds through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'offerflow-drip-'));
  const write = (name: string, v: unknown) => {
    const f = join(dir, name);
    writeFileSync(f, JSON.stringify(v));
    return f;
  };
  const capture = (argv: string[]) => {
    let out = '';
    let err = '';
    const io: Io = { out: (t) => (out += t), err: (t) => (err += t), readFile: (f) => readFileSync(f, 'utf8') };
    return { code: cli(argv, io), out, err };
  };
  const programFile = (status: string, drip: Json) =>
    write(`p-${status}.json`, { format: 'offerflow.program/1', name: 'x', partners: [{ key: 'ana', joinedAt: '2026-01-01T00:00:00Z' }], triggers: [{ id: 'long', name: 'long', event: 'transaction.created', status, action: dripAction(drip) }] });
  const events = write('e.json', { format: 'offerflow.events/1', events: [customer('c1'), sale('c1', '5.00', '2026-02-02T00:00:00Z')] });

  it('the CLI refuses an active trigger whose drip is too long: exit 2 naming the path, for validate and replay', () => {
    const f = programFile('active', { delay: p(1e15, 'day'), occurrences: 1 });
    for (const argv of [['validate', f], ['replay', f, events], ['replay', f, events, '--as-of', '2026-03-01T00:00:00Z']]) {
      const r = capture(argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain('triggers[0].action.drip.delay.count');
      expect(r.err).not.toContain('--as-of');
    }
  });

  it('a draft with a too-long drip is a warning: replay skips it and exits 0', () => {
    const f = programFile('draft', { delay: p(300_000, 'year'), occurrences: 1 });
    const r = capture(['replay', f, events]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { rewards: unknown }).rewards).toEqual([]);
  });

});

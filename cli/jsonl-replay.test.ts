import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Io } from './main';

const EXAMPLES = join(__dirname, '../resources/samples/spec-examples');

function capture(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), readFile: (p) => readFileSync(p, 'utf8') };
  return { code: run(argv, io), out, err };
}

describe('offerflow replay with a JSON Lines event set', () => {
  const prog = join(EXAMPLES, 'seed-order-recommended.program.json');
  const json = join(EXAMPLES, 'seed-order-recommended.events.json');
  const dir = mkdtempSync(join(tmpdir(), 'offerflow-jsonl-'));

  it('prints the same report as for the JSON file', () => {
    const { events, ...header } = JSON.parse(readFileSync(json, 'utf8')) as { events: unknown[] };
    const jsonl = join(dir, 'seed.events.jsonl');
    writeFileSync(jsonl, `${[header, ...events].map((x) => JSON.stringify(x)).join('\n')}\n`);
    const a = capture(['replay', prog, json, '--trace']);
    const b = capture(['replay', prog, jsonl, '--trace']);
    expect(b.code).toBe(0);
    expect(b.out).toBe(a.out);
    expect(b.err).toContain('expectations passed');
  });

  it('exits 2 naming the file, line and column of a bad line', () => {
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, '{"format":"offerflow.events/1"}\n{"type":"link.clicked","at":"2026-02-01T10:00:00Z","partnerKey":"ana","count":1.5}\n');
    const r = capture(['replay', prog, bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: line 2, column 71: count: must be a whole number`);
  });
});

/**
 * Malformed input the CLI used to accept silently or report without a place (issue 12, item
 * 10): each is now exit 2 naming the file and the line/column or JSON path; the app's imports
 * (the same readers behind `programs.import`, `eventSets.import`, `partners.importCsv`) give
 * the same error.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testService } from '../service/test-helpers';
import { readInput } from './files';
import { run, type Io } from './main';

const EXAMPLES = join(import.meta.dirname, '../resources/samples/spec-examples');
const PROGRAM = join(EXAMPLES, 'seed-order-recommended.program.json');
const programText = readFileSync(PROGRAM, 'utf8');
const eventsText = readFileSync(join(EXAMPLES, 'seed-order-recommended.events.json'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'offerflow-malformed-'));
const HEADER = 'id,type,at,receivedAt,partnerKey,customerKey,key,amount,currency,productKey,categoryKey,actionKey,value,stage,name,group,count';

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

function cli(argv: string[]): { code: number; err: string } {
  let err = '';
  const io: Io = { out: () => undefined, err: (t) => (err += t), readFile: (p) => readInput(p) };
  return { code: run(argv, io), err };
}

/** The program text with one JSON fragment replaced (the fixture's formatting is kept). */
function programWith(from: string, to: string): string {
  expect(programText).toContain(from);
  return programText.replace(from, to);
}

const latin1 = Buffer.concat([Buffer.from(programText.replace('"Ana"', '"Ana ')), Buffer.from([0xe9]), Buffer.from('"')]); // "Ana é" saved as Latin-1
const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(programText, 'utf16le')]);
const events = (over: (e: Record<string, unknown>) => void) => {
  const e = JSON.parse(eventsText) as Record<string, unknown>;
  over(e);
  return JSON.stringify(e, null, 2);
};

describe('malformed input: exit 2 naming the file and where', () => {
  it.each([
    ['invalid UTF-8 in a program', ['validate', file('latin1.program.json', latin1)], /latin1\.program\.json: line \d+, column \d+: is not UTF-8 text \(byte 0xe9\)/],
    ['a UTF-16 program (byte-order mark)', ['validate', file('utf16.program.json', utf16)], 'utf16.program.json: line 1, column 1: is UTF-16 text'],
    ['NaN in a program', ['validate', file('nan.program.json', programWith('"amount": "5.00"', '"amount": NaN'))], /nan\.program\.json: line \d+, column \d+: invalid JSON: NaN is not a JSON value/],
    ['a comment in a program', ['validate', file('comment.program.json', `// the demo\n${programText}`)], 'comment.program.json: line 1, column 1: invalid JSON: comments are not allowed in JSON'],
    ['a __proto__ key in fxRates', ['validate', file('proto.program.json', JSON.stringify({ ...JSON.parse(programText), fxRates: JSON.parse('{"__proto__":"2","EUR":"1.1"}') }))], 'proto.program.json: fxRates.__proto__: "__proto__" cannot be a key'],
    ['a constructor key in evaluationOrder', ['validate', file('ctor.program.json', JSON.stringify({ ...JSON.parse(programText), evaluationOrder: { constructor: [] } }))], 'ctor.program.json: evaluationOrder.constructor: "constructor" cannot be a key'],
    ['an escaped __proto__ key', ['validate', file('esc.program.json', programText.replace('"groups"', '"fxRates": {"\\u005f_proto__": "3"}, "groups"'))], 'esc.program.json: fxRates.__proto__'],
    ['a lone surrogate in a name', ['validate', file('surrogate.program.json', programWith('"Ana"', '"An\\ud800a"'))], 'surrogate.program.json: partners[0].name: holds a lone UTF-16 surrogate'],
    ['invalid UTF-8 in an event file', ['replay', PROGRAM, file('bad.events.json', Buffer.concat([Buffer.from(eventsText.slice(0, 40)), Buffer.from([0xc3, 0x28]), Buffer.from(eventsText.slice(40))]))], /bad\.events\.json: line \d+, column \d+: is not UTF-8 text \(byte 0xc3\)/],
    ['invalid UTF-8 in a CSV', ['replay', PROGRAM, file('bad.csv', Buffer.concat([Buffer.from(`${HEADER}\nc1,customer.created,2026-02-01T09:00:00Z,,ana,,cust1,,,,,,,,Jos`), Buffer.from([0xe9]), Buffer.from(',,\n')]))], 'bad.csv: line 2, column 64: is not UTF-8 text (byte 0xe9)'],
    ['duplicate CSV headers', ['replay', PROGRAM, file('dup.csv', 'id,type,at,key,key\nc1,customer.created,2026-02-01T09:00:00Z,a,b\n')], 'dup.csv: line 1, column 5: column "key" appears twice (also column 4)'],
    ['3-decimal USD in expect', ['replay', PROGRAM, file('expect.events.json', events((e) => ((e.expect as { rewards: { amount: string }[] }).rewards[0]!.amount = '5.001')))], 'expect.events.json: expect.rewards[0].amount: "5.001" has 3 decimals but USD allows 2'],
  ])('%s', (_label, argv, expected) => {
    const r = cli(argv);
    expect(r.err).toMatch(expected instanceof RegExp ? expected : new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    expect(r.code).toBe(2);
  });
});

describe('the app imports the same files with the same errors', () => {
  const s = testService();
  afterAll(() => s.dispose());

  it('refuses __proto__ keys and lone surrogates in a program import, naming the path', async () => {
    const proto = await s.dispatch('programs.import', { text: JSON.stringify({ ...JSON.parse(programText), fxRates: JSON.parse('{"__proto__":"2"}') }), fileName: 'p.json' });
    expect(proto.ok ? null : proto.error.issues?.[0]?.path).toBe('fxRates.__proto__');
    const lone = await s.dispatch('programs.import', { text: programWith('"Ana"', '"An\\ud800a"'), fileName: 'p.json' });
    expect(lone.ok ? null : lone.error.issues?.[0]?.path).toBe('partners[0].name');
    const nan = await s.dispatch('programs.import', { text: programWith('"amount": "5.00"', '"amount": NaN'), fileName: 'p.json' });
    expect(nan.ok ? null : nan.error.issues?.[0]?.path).toMatch(/^line \d+, column \d+$/);
  });

  it('refuses duplicate headers in an event-set CSV and a partners CSV, naming line 1 and the column', async () => {
    const doc = await s.call('programs.import', { text: programText, fileName: 'p.json' });
    const ev = await s.dispatch('eventSets.import', { programId: doc.id, fileName: 'e.csv', text: 'id,type,at,at\n' });
    expect(ev.ok ? null : ev.error.issues?.[0]).toEqual({ path: 'line 1, column 4', message: 'column "at" appears twice (also column 3); keep one' });
    const partners = await s.dispatch('partners.importCsv', { programId: doc.id, fileName: 'p.csv', text: 'key,name,key,joinedAt\nzed,Zed,zod,2026-01-05T00:00:00Z\n' });
    expect(partners.ok ? null : partners.error.issues?.[0]?.path).toBe('line 1, column 3');
    expect((await s.call('programs.get', { programId: doc.id })).program.partners.map((p) => p.key)).not.toContain('zod');
  });
});

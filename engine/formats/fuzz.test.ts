/**
 * Fuzzing of the file readers (issue 6): mutated and random inputs never crash or hang; they
 * are either accepted (and then validate and replay without throwing) or refused with an
 * `InputError` whose every issue names where. Fixed seeds here; `npm run fuzz` runs longer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../replay/replay';
import { blockingIssues, validateProgram } from '../validate';
import { InputError } from './issues';
import { parseEventSetText, parseProgramText } from './read';
import { jsonPaths, setAtPath, type JsonPath } from '../test-helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const EXAMPLES = join(__dirname, '../../resources/samples/spec-examples');
const programText = readFileSync(join(EXAMPLES, 'seed-order-recommended.program.json'), 'utf8');
const eventsText = readFileSync(join(EXAMPLES, 'seed-order-recommended.events.json'), 'utf8');
export const fuzzCounts: Record<string, number> = {};

const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', '2026-02-30T00:00:00Z', '1.001', '-0', 'NaN', '1e309', 'XYZ', 'Europe/Atlantis', '../../etc/passwd', '\u0000', 'a'.repeat(5000), 1e308, -1, 0.1, true, null, [], {}),
);

function mutations(text: string) {
  const base = JSON.parse(text) as unknown;
  const all = jsonPaths(base);
  return fc.record({ at: fc.integer({ min: 0, max: all.length - 1 }), value: weird, remove: fc.boolean(), extraKey: fc.option(fc.string({ maxLength: 8 })) }).map(({ at, value, remove, extraKey }) => {
    let v = setAtPath(base, all[at] as JsonPath, value, remove);
    if (extraKey !== null && v && typeof v === 'object' && !Array.isArray(v)) v = { ...(v as object), [extraKey]: value };
    return JSON.stringify(v);
  });
}

function expectNamedInputError(fn: () => unknown): 'accepted' | 'refused' {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const i of e.issues) expect(i.message.length).toBeGreaterThan(0);
    return 'refused';
  }
}

describe('fuzzing the readers', () => {
  it('mutated program files are accepted and replay, or refused naming a path', () => {
    const events = parseEventSetText(eventsText);
    fc.assert(
      fc.property(mutations(programText), (text) => {
        let program: ReturnType<typeof parseProgramText> | null = null;
        const verdict = expectNamedInputError(() => (program = parseProgramText(text, 'p.json')));
        fuzzCounts.program = (fuzzCounts.program ?? 0) + 1;
        if (verdict === 'accepted' && program) {
          const issues = validateProgram(program);
          if (blockingIssues(program, issues).length === 0) replay(program, events);
        }
      }),
      { numRuns: RUNS, seed: 1 },
    );
  });

  it('mutated event sets are accepted and replay, or refused naming a path', () => {
    const program = parseProgramText(programText);
    fc.assert(
      fc.property(mutations(eventsText), (text) => {
        let set: ReturnType<typeof parseEventSetText> | null = null;
        const verdict = expectNamedInputError(() => (set = parseEventSetText(text, 'e.json')));
        fuzzCounts.events = (fuzzCounts.events ?? 0) + 1;
        if (verdict === 'accepted' && set) replay(program, set);
      }),
      { numRuns: RUNS, seed: 2 },
    );
  });

  it('random text as JSON or CSV is refused with a named place, never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.boolean(), (text, csv) => {
        expectNamedInputError(() => parseEventSetText(text, csv ? 'e.csv' : 'e.json'));
        expectNamedInputError(() => parseProgramText(text, 'p.json'));
        fuzzCounts.random = (fuzzCounts.random ?? 0) + 1;
      }),
      { numRuns: RUNS, seed: 3 },
    );
  });

  it('mutated CSV rows are accepted or refused naming line and column', () => {
    const header = 'id,type,at,receivedAt,partnerKey,customerKey,key,amount,currency,productKey,categoryKey,actionKey,value,stage,name,group,count';
    const good = ['c1,customer.created,2026-02-01T09:00:00Z,,ana,,cust1,,,,,,,,,,', 't1,transaction.created,2026-02-03T12:00:00Z,,,cust1,tx1,100.00,USD,pro,,,,,,,'];
    const cell = fc.oneof(fc.constantFrom('', '"', '""', ',', '\n', '1.234', 'EUR', 'x'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 16 }), cell, (row, col, value) => {
        const cells = (good[row] as string).split(',');
        cells[col] = value;
        const lines = [...good];
        lines[row] = cells.join(',');
        try {
          parseEventSetText([header, ...lines].join('\n'), 'e.csv');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          for (const i of e.issues) expect(i.path).toMatch(/^line \d+/);
        }
        fuzzCounts.csv = (fuzzCounts.csv ?? 0) + 1;
      }),
      { numRuns: RUNS, seed: 4 },
    );
  });

  it('reports how many cases ran', () => {
    const total = Object.values(fuzzCounts).reduce((a, b) => a + b, 0);
    console.log(`fuzz cases: ${JSON.stringify(fuzzCounts)} (total ${total})`);
    expect(total).toBeGreaterThanOrEqual(RUNS * 4);
  });
});

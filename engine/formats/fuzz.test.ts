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
import { issuesOf, jsonPaths, setAtPath, type JsonPath } from '../test-helpers';
import { decodeUtf8, invalidUtf8Offset } from './text';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const EXAMPLES = join(__dirname, '../../resources/samples/spec-examples');
const programText = readFileSync(join(EXAMPLES, 'seed-order-recommended.program.json'), 'utf8');
const eventsText = readFileSync(join(EXAMPLES, 'seed-order-recommended.events.json'), 'utf8');
export const fuzzCounts: Record<string, number> = {};
/** The node of `root` at `path`. */
const nodeAt = (root: unknown, path: JsonPath): unknown => path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], root);
const CSV_HEADER = 'id,type,at,receivedAt,partnerKey,customerKey,key,amount,currency,productKey,categoryKey,actionKey,value,stage,name,group,count';
const CSV_GOOD = ['c1,customer.created,2026-02-01T09:00:00Z,,ana,,cust1,,,,,,,,,,', 't1,transaction.created,2026-02-03T12:00:00Z,,,cust1,tx1,100.00,USD,pro,,,,,,,'];

const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', '2026-02-30T00:00:00Z', '1.001', '-0', 'NaN', '1e309', 'XYZ', 'Europe/Atlantis', '../../etc/passwd', '\u0000', 'a'.repeat(5000), 1e308, -1, 0.1, true, null, [], {}),
);

function mutations(text: string) {
  const base = JSON.parse(text) as unknown;
  const all = jsonPaths(base);
  return fc.record({ at: fc.integer({ min: 0, max: all.length - 1 }), value: weird, remove: fc.boolean(), extraKey: fc.option(fc.string({ maxLength: 8 })) }).map(({ at, value, remove, extraKey }) => {
    let v = setAtPath(base, all[at] as JsonPath, value, remove);
    if (extraKey !== null && v && typeof v === 'object' && !Array.isArray(v)) v = { ...(v), [extraKey]: value };
    return JSON.stringify(v);
  });
}

/** What `fn` read, or null when it refused the input with a named InputError (anything else is rethrown). */
function expectNamedInputError<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const i of e.issues) expect(i.message.length).toBeGreaterThan(0);
    return null;
  }
}

describe('fuzzing the readers', () => {
  it('mutated program files are accepted and replay, or refused naming a path', () => {
    const events = parseEventSetText(eventsText);
    fc.assert(
      fc.property(mutations(programText), (text) => {
        const program = expectNamedInputError(() => parseProgramText(text, 'p.json'));
        fuzzCounts.program = (fuzzCounts.program ?? 0) + 1;
        if (program) {
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
        const set = expectNamedInputError(() => parseEventSetText(text, 'e.json'));
        fuzzCounts.events = (fuzzCounts.events ?? 0) + 1;
        if (set) replay(program, set);
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
    const header = CSV_HEADER;
    const good = CSV_GOOD;
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

  // Issue 12's input classes: bytes that are not UTF-8, duplicate CSV headers, keys naming the
  // object prototype, lone surrogates. Each must be refused naming where, never accepted.
  it('non-UTF-8 bytes anywhere in a file are refused naming the line and column of the first', () => {
    const files = [programText, eventsText, `${CSV_HEADER}\n${CSV_GOOD.join('\n')}\n`].map((t) => Buffer.from(t));
    const bad = fc.oneof(
      fc.constantFrom([0xff], [0xfe], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc3], [0xe2, 0x82], [0x80]),
      fc.uint8Array({ minLength: 1, maxLength: 4, min: 0x80, max: 0xff }).map((a) => [...a]),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.nat(), bad, (which, where, bytes) => {
        const file = files[which] as Buffer;
        // Only at a character boundary, so the bytes before stay valid.
        let at = where % (file.length + 1);
        while (at < file.length && ((file[at] as number) & 0xc0) === 0x80) at++;
        const mutated = Buffer.concat([file.subarray(0, at), Buffer.from(bytes), file.subarray(at)]);
        const name = which === 2 ? 'e.csv' : 'f.json';
        let text: string | null = null;
        try {
          text = decodeUtf8(mutated, name);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          const place = /^line (\d+), column (\d+)$/.exec(e.issues[0]?.path ?? '');
          expect(place).not.toBeNull();
          // The named place is where the first invalid byte is.
          const before = mutated.subarray(0, invalidUtf8Offset(mutated)).toString('utf8');
          expect(Number(place?.[1])).toBe(before.split('\n').length);
          expect(Number(place?.[2])).toBe(before.length - before.lastIndexOf('\n'));
        }
        // Accepted only when the bytes really were UTF-8 (a random tail can complete a sequence).
        if (text !== null) expect(Buffer.from(text).equals(mutated)).toBe(true);
        fuzzCounts.utf8 = (fuzzCounts.utf8 ?? 0) + 1;
      }),
      { numRuns: RUNS, seed: 5 },
    );
  });

  it('CSV headers with a repeated column are refused naming line 1 and the repeat', () => {
    const cols = CSV_HEADER.split(',');
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...cols), { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), fc.constantFrom('', ' ', '  '), (picked, dupOf, at, pad) => {
        const header = [...new Set(['type', 'at', ...picked])];
        const dup = header[dupOf % header.length] as string;
        const pos = at % (header.length + 1);
        const withDup = [...header.slice(0, pos), `${pad}${dup}${pad}`, ...header.slice(pos)];
        const second = withDup.map((h) => h.trim()).indexOf(dup, withDup.map((h) => h.trim()).indexOf(dup) + 1);
        const issues = issuesOf(() => parseEventSetText(`${withDup.join(',')}\n`, 'e.csv'));
        expect(issues).toContain(`line 1, column ${second + 1}: column "${dup}" appears twice (also column ${withDup.map((h) => h.trim()).indexOf(dup) + 1}); keep one`);
        fuzzCounts.headers = (fuzzCounts.headers ?? 0) + 1;
      }),
      { numRuns: RUNS, seed: 6 },
    );
  });

  it('__proto__, constructor and prototype keys anywhere in a program or event set are refused naming their path', () => {
    const targets = [programText, eventsText].map((t) => {
      const base = JSON.parse(t) as unknown;
      return { base, objects: jsonPaths(base).filter((p) => { const v = nodeAt(base, p); return v !== null && typeof v === 'object' && !Array.isArray(v); }) };
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), weird, fc.boolean(), (which, where, key, value, escaped) => {
        const { base, objects } = targets[which] as (typeof targets)[number];
        const path = objects[where % objects.length] as JsonPath;
        // A placeholder key, renamed in the text: assigning `__proto__` on an object would set its prototype.
        const holder = nodeAt(base, path) as Record<string, unknown>;
        const text = JSON.stringify(setAtPath(base, path, { ...holder, PLACEHOLDER_KEY: value }, false)).replace('"PLACEHOLDER_KEY"', escaped ? `"\\u00${key.charCodeAt(0).toString(16)}${key.slice(1)}"` : `"${key}"`);
        const issues = issuesOf(() => (which === 0 ? parseProgramText(text, 'p.json') : parseEventSetText(text, 'e.json')));
        const expected = [...path, key].map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');
        expect(issues).toContain(`${expected}: "${key}" cannot be a key: it names JavaScript's object machinery`);
        fuzzCounts.protoKeys = (fuzzCounts.protoKeys ?? 0) + 1;
      }),
      { numRuns: RUNS, seed: 7 },
    );
  });

  it('a lone surrogate in any string of a program or event set is refused naming its path', () => {
    const targets = [programText, eventsText].map((t) => {
      const base = JSON.parse(t) as unknown;
      return { base, strings: jsonPaths(base).filter((p) => p.length > 0 && typeof nodeAt(base, p) === 'string') };
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.nat(), fc.integer({ min: 0xd800, max: 0xdfff }), fc.nat(), (which, where, unit, cut) => {
        const { base, strings } = targets[which] as (typeof targets)[number];
        const path = strings[where % strings.length] as JsonPath;
        const old = nodeAt(base, path) as string;
        const at = cut % (old.length + 1);
        const text = JSON.stringify(setAtPath(base, path, `${old.slice(0, at)}${String.fromCharCode(unit)}x${old.slice(at)}`, false));
        const issues = issuesOf(() => (which === 0 ? parseProgramText(text, 'p.json') : parseEventSetText(text, 'e.json')));
        const expected = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');
        expect(issues.some((i) => i.startsWith(`${expected}: holds a lone UTF-16 surrogate`))).toBe(true);
        fuzzCounts.surrogates = (fuzzCounts.surrogates ?? 0) + 1;
      }),
      { numRuns: RUNS, seed: 8 },
    );
  });

  it('reports how many cases ran', () => {
    const total = Object.values(fuzzCounts).reduce((a, b) => a + b, 0);
    console.log(`fuzz cases: ${JSON.stringify(fuzzCounts)} (total ${total})`);
    expect(total).toBeGreaterThanOrEqual(RUNS * 8);
  });
});

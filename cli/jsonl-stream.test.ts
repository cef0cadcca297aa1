/**
 * The streamed JSON Lines replay (cli/replay-stream.ts) against the whole-file one: the same
 * report byte for byte (samples with late events and expectations, spec examples, a full
 * trace, the text cut into small pieces anywhere), the same messages and exit codes for bad
 * files, and no report written when a bad line comes late.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Io } from './main';

const SAMPLES = join(__dirname, '../resources/samples');
const dir = mkdtempSync(join(tmpdir(), 'offerflow-stream-'));

/** An Io that reads whole files, and, when `piece` is given, streams them in pieces of that many characters. */
function io(piece?: number): Io & { result: () => { out: string; err: string }; readings: () => number; wholeReads: () => number } {
  let out = '';
  let err = '';
  let readings = 0;
  let whole = 0;
  return {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: (p) => {
      whole++;
      return readFileSync(p, 'utf8');
    },
    ...(piece === undefined
      ? {}
      : {
          readChunks: (p: string, onText: (t: string) => void) => {
            readings++;
            const text = readFileSync(p, 'utf8');
            for (let i = 0; i < text.length; i += piece) onText(text.slice(i, i + piece));
            return true;
          },
        }),
    result: () => ({ out, err }),
    readings: () => readings,
    wholeReads: () => whole,
  };
}

/** The JSON event set at `file` written as JSON Lines. */
function jsonl(file: string, name: string, edit: (events: Record<string, unknown>[]) => void = () => undefined): string {
  const { events, ...header } = JSON.parse(readFileSync(file, 'utf8')) as { events: Record<string, unknown>[] };
  edit(events);
  const path = join(dir, `${name}.events.jsonl`);
  writeFileSync(path, `${[header, ...events].map((x) => JSON.stringify(x)).join('\n')}\n`);
  return path;
}

function both(argv: string[], piece: number, readings = 2) {
  const whole = io();
  const streamed = io(piece);
  const a = { code: run(argv, whole), ...whole.result() };
  const b = { code: run(argv, streamed), ...streamed.result() };
  // The program is read whole; the event set in pieces (twice; once when refused) and never whole.
  expect(streamed.readings()).toBe(readings);
  expect(streamed.wholeReads()).toBe(1);
  return { a, b };
}

const examples = join(SAMPLES, 'spec-examples');
const pairs = [
  ...['demo', 'rejections', 'currencies'].map((n) => ({ name: n, program: join(SAMPLES, 'demo.program.json'), events: join(SAMPLES, `${n}.events.json`) })),
  ...readdirSync(examples)
    .filter((f) => f.endsWith('.program.json') && existsSync(join(examples, f.replace('.program.json', '.events.json'))))
    .map((f) => ({ name: f.replace('.program.json', ''), program: join(examples, f), events: join(examples, f.replace('.program.json', '.events.json')) })),
];

describe('offerflow replay of JSON Lines, streamed', () => {
  it.each(pairs)('$name: the same report, summary and exit code as the whole-file replay, plain and traced', ({ name, program, events }) => {
    const file = jsonl(events, name);
    for (const [flags, piece] of [[[], 4096], [['--trace'], 7]] as const) {
      const { a, b } = both(['replay', program, file, ...flags], piece);
      expect(b.code).toBe(a.code);
      expect(b.out).toBe(a.out);
      expect(b.err).toBe(a.err);
      expect(a.out.length).toBeGreaterThan(100);
    }
  });

  it('processes events in order of receipt when the file is not (late events held back, ties in file order)', () => {
    const demo = join(SAMPLES, 'demo.events.json');
    // Every 50th event received a day late, so the file is no longer in order of receipt.
    const file = jsonl(demo, 'late', (events) => {
      events.forEach((e, i) => {
        if (i % 50 === 7) e.receivedAt = new Date(Date.parse(String(e.receivedAt ?? e.at)) + 86_400_000).toISOString();
      });
    });
    const { a, b } = both(['replay', join(SAMPLES, 'demo.program.json'), file, '--as-of', '2026-07-01T00:00:00Z'], 1000);
    expect(b.out).toBe(a.out);
    expect(b.err).toBe(a.err);
    expect(b.code).toBe(a.code);
  });

  it('refuses a bad line late in the file with the same message and writes no report', () => {
    const file = jsonl(join(SAMPLES, 'demo.events.json'), 'bad-late', (events) => {
      (events[events.length - 3] as Record<string, unknown>).at = 'yesterday';
      events.splice(events.length - 1, 0, { type: 'link.clicked', at: '2026-06-30T10:00:00Z', partnerKey: 'cobalt', count: 1.5 });
    });
    const out = join(dir, 'never.json');
    const { a, b } = both(['replay', join(SAMPLES, 'demo.program.json'), file, '--out', out], 4096, 1);
    expect(b.code).toBe(2);
    expect(a.code).toBe(2);
    expect(b.err).toBe(a.err);
    expect(b.err).toMatch(/bad-late\.events\.jsonl: line \d+, column \d+: at: /);
    expect(b.err).toContain('count: must be a whole number');
    expect(existsSync(out)).toBe(false);
  });

  it('gives the same --as-of error', () => {
    const file = jsonl(join(SAMPLES, 'rejections.events.json'), 'asof');
    const { a, b } = both(['replay', join(SAMPLES, 'demo.program.json'), file, '--as-of', 'soon'], 4096, 1);
    expect(b.code).toBe(2);
    expect(b.err).toBe(a.err);
  });
});

/**
 * The CLI's own report path held to the pinned reports (resources/samples/golden/report-hashes.json,
 * recorded from `serializeReport(replay(…))`): `offerflow replay` of every pinned pair, plain and
 * traced, must print those very bytes. This covers what the engine-level pin does not: the
 * instants handed over from the reader (`ReplayOptions.instants`), the chunked report writer
 * (text to stdout, rows as bytes to a file), and the JSON Lines stream (each JSON set rewritten as a .jsonl file and replayed streamed).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PINNED_FILE, pinnedPairs } from '../scripts/samples/pinned-reports';
import { readInput } from './files';
import { run, type Io } from './main';
import { fileChunks } from './replay-stream';

const SAMPLES = join(__dirname, '../resources/samples');
const recorded = JSON.parse(readFileSync(PINNED_FILE, 'utf8')) as Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'offerflow-pinned-cli-'));

let outs = 0;
/**
 * The report `argv` writes, through the real file readers (whole and in pieces): to stdout as
 * text, or with `toFile` to an `--out` file (its rows then go as bytes through a reused buffer).
 */
function replayOut(argv: string[], toFile: boolean): Buffer {
  const chunks: string[] = [];
  const io: Io = { out: (t) => chunks.push(t), err: () => undefined, readFile: (p) => readInput(p), readChunks: fileChunks(1 << 30) };
  const out = join(dir, `report-${++outs}.json`);
  const code = run(toFile ? [...argv, '--out', out] : argv, io);
  expect(code === 0 || code === 1).toBe(true);
  return toFile ? readFileSync(out) : Buffer.from(chunks.join(''), 'utf8');
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A JSON event set rewritten as JSON Lines: its header fields on line 1, one event a line. */
function asJsonl(jsonPath: string, name: string): string {
  const { events, ...header } = JSON.parse(readFileSync(jsonPath, 'utf8')) as { events: unknown[] };
  const out = join(dir, `${name.replace(/[^\w.-]/g, '_')}.events.jsonl`);
  writeFileSync(out, `${[header, ...events].map((x) => JSON.stringify(x)).join('\n')}\n`);
  return out;
}

describe('offerflow replay prints the pinned reports', () => {
  const pairs = pinnedPairs();

  it('has pairs to check, JSON ones among them', () => {
    expect(pairs.filter((p) => p.events.endsWith('.json')).length).toBeGreaterThanOrEqual(6);
  });

  describe.each(pairs)('$name', (pair) => {
    const program = join(SAMPLES, pair.program);
    const events = join(SAMPLES, pair.events);
    it.each([false, true])('trace %s: the file as it is, to stdout and to --out', (trace) => {
      const want = recorded[`${pair.name} ${trace ? 'traced' : 'plain'}`];
      expect(want).toBeDefined();
      const argv = ['replay', program, events, ...(trace ? ['--trace'] : [])];
      expect(sha(replayOut(argv, false))).toBe(want);
      expect(sha(replayOut(argv, true))).toBe(want);
    });
    if (pair.events.endsWith('.json')) {
      it.each([false, true])('trace %s: rewritten as JSON Lines, streamed to --out', (trace) => {
        const jsonl = asJsonl(events, pair.name);
        expect(sha(replayOut(['replay', program, jsonl, ...(trace ? ['--trace'] : [])], true))).toBe(recorded[`${pair.name} ${trace ? 'traced' : 'plain'}`]);
      });
    }
  });
});

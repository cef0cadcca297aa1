/**
 * The pinned reports: every sample and spec example replayed with and without a full trace, each
 * serialized report reduced to a SHA-256. `engine/replay/pinned-reports.test.ts` compares the
 * engine against `resources/samples/golden/report-hashes.json`, so a performance change that
 * alters one byte of any report (rows, traces, rejections, order) fails. Record again only when
 * a change of behaviour is intended:
 *
 *   node --import tsx scripts/samples/pinned-reports.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEventSetText, parseProgramText, replay, serializeReport } from '../../engine/index';

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../resources/samples');
const EXAMPLES = join(SAMPLES, 'spec-examples');
export const PINNED_FILE = join(SAMPLES, 'golden/report-hashes.json');

/** Program and event-set files (relative to resources/samples) of every pinned pair. */
export function pinnedPairs(): { name: string; program: string; events: string }[] {
  const samples = readdirSync(SAMPLES)
    .filter((f) => /\.events\.(json|csv)$/.test(f))
    .sort()
    .map((f) => ({ name: f, program: 'demo.program.json', events: f }));
  const examples = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.program.json'))
    .sort()
    .map((f) => f.replace('.program.json', ''))
    .filter((base) => existsSync(join(EXAMPLES, `${base}.events.json`)))
    .map((base) => ({ name: `spec-examples/${base}`, program: `spec-examples/${base}.program.json`, events: `spec-examples/${base}.events.json` }));
  return [...samples, ...examples];
}

/** `{ "<pair> plain": sha256, "<pair> traced": sha256 }` of the current engine's reports. */
export function pinnedHashes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pinnedPairs()) {
    const program = parseProgramText(readFileSync(join(SAMPLES, pair.program), 'utf8'), pair.program);
    const events = parseEventSetText(readFileSync(join(SAMPLES, pair.events), 'utf8'), pair.events);
    for (const trace of [false, true]) {
      const text = serializeReport(replay(program, events, { trace }));
      out[`${pair.name} ${trace ? 'traced' : 'plain'}`] = createHash('sha256').update(text).digest('hex');
    }
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(PINNED_FILE, `${JSON.stringify(pinnedHashes(), null, 2)}\n`);
  console.log(`wrote ${PINNED_FILE}`);
}

/**
 * Generates the sample event sets in `resources/samples/` (and the demo program from
 * `demo-program.ts`), deterministically: the same files on every run. Then replays each set,
 * checks its hand-derived expectations pass, and records golden summaries in
 * `resources/samples/golden/` that `engine/samples.test.ts` compares against.
 *
 *   node --import tsx scripts/samples/generate.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEventSetText, parseProgram, replay, serializeReport } from '../../engine/index';
import { toCsv } from './csv';
import { DEMO_PROGRAM } from './demo-program';
import { groupChanged, partnerCreated, type Ev, type Expect } from './events';
import { goldenSummary } from './golden';
import { HOUR } from './rng';
import { stories } from './scripted';
import { currencies, rejections } from './small-sets';
import { traffic } from './traffic';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../resources/samples');
const ms = (s: string) => Date.parse(s);

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function demoEvents(): { events: Ev[]; expect: Expect } {
  const all = stories();
  const extra = all.flatMap((s) => s.events.map((ev) => ({ ms: ms(ev.at), ev })));
  extra.push(
    { ms: ms('2026-03-02T14:00:00Z'), ev: partnerCreated('granite-joins', '2026-03-02T14:00:00Z', { key: 'granite-co', name: 'Granite & Co', group: 'bronze', tier: 'standard', tags: [] }) },
    { ms: ms('2026-04-14T15:00:00Z'), ev: partnerCreated('harbor-joins', '2026-04-14T15:00:00Z', { key: 'harbor-ventures', name: 'Harbor Ventures', group: 'bronze', tier: null, tags: ['certified'] }) },
    { ms: ms('2026-05-15T14:00:00Z'), ev: groupChanged('delta-to-resellers', '2026-05-15T14:00:00Z', 'delta-digital', 'enterprise-resellers') },
  );
  const events = traffic(
    {
      seed: 20260101,
      prefix: 'e',
      fromMs: ms('2026-01-01T05:00:00Z'),
      toMs: ms('2026-06-30T22:00:00Z'),
      customers: 480,
      csv: false,
      partners: [
        { key: 'acme-agency', weight: 3 },
        { key: 'brightpath', weight: 4 },
        { key: 'cobalt', weight: 5 },
        { key: 'delta-digital', weight: 2, fromMs: ms('2026-02-03T19:00:00Z') },
        { key: 'evergreen', weight: 3 },
        { key: 'fjord-labs', weight: 2 },
        { key: 'granite-co', weight: 1, fromMs: ms('2026-03-02T14:00:00Z') + HOUR },
        { key: 'harbor-ventures', weight: 1, fromMs: ms('2026-04-14T15:00:00Z') + HOUR },
      ],
    },
    extra,
  );
  const expect: Expect = {
    rewards: all.flatMap((s) => s.rewards),
    exactRewards: false,
    partners: all.flatMap((s) => s.partners),
    rejected: all.flatMap((s) => s.rejected),
  };
  return { events, expect };
}

function q2Events(): Ev[] {
  const extra = [
    { ms: ms('2026-04-03T14:00:00Z'), ev: partnerCreated('iris-joins', '2026-04-03T14:00:00Z', { key: 'iris-digital', name: 'Iris Digital, LLC', group: 'bronze', tier: null, tags: [] }) },
    { ms: ms('2026-05-01T14:00:00Z'), ev: groupChanged('fjord-to-gold', '2026-05-01T14:00:00Z', 'fjord-labs', 'gold') },
  ];
  return traffic(
    {
      seed: 20260401,
      prefix: 'q',
      fromMs: ms('2026-04-01T04:00:00Z'),
      toMs: ms('2026-06-30T22:00:00Z'),
      customers: 300,
      csv: true,
      partners: [
        { key: 'acme-agency', weight: 2 },
        { key: 'brightpath', weight: 3 },
        { key: 'cobalt', weight: 4 },
        { key: 'evergreen', weight: 3 },
        { key: 'fjord-labs', weight: 2 },
        { key: 'iris-digital', weight: 1, fromMs: ms('2026-04-03T14:00:00Z') + HOUR },
      ],
    },
    extra,
  );
}

interface Output {
  file: string;
  text: string;
}

function outputs(): Output[] {
  const demo = demoEvents();
  const cur = currencies();
  const rej = rejections();
  const set = (name: string, events: Ev[], expect?: Expect) => json({ format: 'offerflow.events/1', name, events, ...(expect ? { expect } : {}) });
  return [
    { file: 'demo.program.json', text: json(DEMO_PROGRAM) },
    { file: 'demo.events.json', text: set('Northwind, January to June 2026', demo.events, demo.expect) },
    { file: 'demo-q2.events.csv', text: toCsv(q2Events()) },
    { file: 'currencies.events.json', text: set(cur.name, cur.events, cur.expect) },
    { file: 'rejections.events.json', text: set(rej.name, rej.events, rej.expect) },
  ];
}

function main(): void {
  mkdirSync(join(ROOT, 'golden'), { recursive: true });
  const files = outputs();
  for (const f of files) writeFileSync(join(ROOT, f.file), f.text);
  const program = parseProgram(DEMO_PROGRAM, 'demo.program.json');
  let failed = false;
  for (const f of files.filter((x) => x.file.includes('.events.'))) {
    const set = parseEventSetText(f.text, f.file);
    const report = replay(program, set);
    const summary = goldenSummary(report, serializeReport(report), set.events.length);
    writeFileSync(join(ROOT, 'golden', f.file.replace(/\.events\.(json|csv)$/, '.summary.json')), json(summary));
    const ok = report.expectations.passed;
    failed ||= !ok;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${f.file}: ${set.events.length} events, ${report.rewards.length} rewards, ${report.rejected.length} rejected`);
    for (const x of report.expectations.failures.slice(0, 20)) console.log(`     ${x.message}`);
  }
  process.exitCode = failed ? 1 : 0;
}

main();

/**
 * The samples in `resources/samples/` and the worked examples in the shared spec, replayed as
 * fixtures: every pair passes its expectations, reports are byte-identical across runs, the
 * CSV sample parses and replays, and each sample still matches its golden summary (regenerate
 * with `node --import tsx scripts/samples/generate.ts` when a change is intended).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenSummary } from '../scripts/samples/golden';
import { SCRIPTED_PARTNERS } from '../scripts/samples/scripted';
import { blockingIssues, parseEventSetText, parseProgramText, replay, serializeReport, validateProgram } from './index';

const SAMPLES = join(import.meta.dirname, '../resources/samples');
const EXAMPLES = join(import.meta.dirname, '../resources/samples/spec-examples');

function load(dir: string, programFile: string, eventsFile: string) {
  const program = parseProgramText(readFileSync(join(dir, programFile), 'utf8'), programFile);
  const events = parseEventSetText(readFileSync(join(dir, eventsFile), 'utf8'), eventsFile);
  return { program, events };
}

const SAMPLE_SETS = readdirSync(SAMPLES).filter((f) => /\.events\.(json|csv)$/.test(f)).sort();

const EXAMPLE_PAIRS = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.program.json'))
      .map((f) => f.replace('.program.json', ''))
      .filter((base) => existsSync(join(EXAMPLES, `${base}.events.json`)))
  : [];

describe('committed samples', () => {
  // The spec examples below run once per pair found: with none found they would run nothing.
  it('has the spec examples (resources/samples/spec-examples, program + events pairs)', () => {
    expect(existsSync(EXAMPLES), `${EXAMPLES} is missing`).toBe(true);
    const programs = readdirSync(EXAMPLES).filter((f) => f.endsWith('.program.json'));
    expect(programs.length).toBeGreaterThan(0);
    // Every example program has its event set beside it (a lone program would be left out).
    expect(EXAMPLE_PAIRS).toHaveLength(programs.length);
  });
});

describe('demo program', () => {
  it('is valid input (no blocking issue) and has no warning', () => {
    const { program } = load(SAMPLES, 'demo.program.json', 'rejections.events.json');
    const issues = validateProgram(program);
    expect(blockingIssues(program, issues)).toEqual([]);
    expect(issues).toEqual([]);
  });

  it('covers every action type, drips with and without split, drafts and an inactive trigger', () => {
    const { program } = load(SAMPLES, 'demo.program.json', 'rejections.events.json');
    const actions = new Set(program.triggers.map((t) => (t.action.type === 'reward' || t.action.type === 'drip' ? `${t.action.type}:${t.action.offer.type}` : t.action.type)));
    expect([...actions].sort()).toEqual(['apply_tag', 'change_group', 'drip:flat', 'drip:percentage', 'reward:flat', 'reward:percentage']);
    const splits = program.triggers.flatMap((t) => (t.action.type === 'drip' ? [t.action.drip.split] : []));
    expect(new Set(splits)).toEqual(new Set([true, false]));
    expect(program.triggers.filter((t) => t.status === 'draft').length).toBeGreaterThanOrEqual(2);
    expect(program.triggers.filter((t) => t.status === 'inactive').length).toBe(1);
    expect(program.timeZone).not.toBe('UTC');
  });
});

describe.each(SAMPLE_SETS)('sample %s', (file) => {
  const { program, events } = load(SAMPLES, 'demo.program.json', file);
  const report = replay(program, events);

  it('passes its expectations', () => {
    expect(report.expectations.failures).toEqual([]);
    expect(report.expectations.passed).toBe(true);
  });

  it('gives a byte-identical report on a second run', () => {
    const again = load(SAMPLES, 'demo.program.json', file);
    expect(serializeReport(replay(again.program, again.events))).toBe(serializeReport(report));
  });

  it('matches its golden summary', () => {
    const golden: unknown = JSON.parse(readFileSync(join(SAMPLES, 'golden', file.replace(/\.events\.(json|csv)$/, '.summary.json')), 'utf8'));
    expect(goldenSummary(report, serializeReport(report), events.events.length)).toEqual(golden);
  });
});

describe('demo event set', () => {
  const { program, events } = load(SAMPLES, 'demo.program.json', 'demo.events.json');
  const report = replay(program, events);

  it('is a few thousand events over six months', () => {
    expect(events.events.length).toBeGreaterThan(2000);
    const months = new Set(events.events.map((e) => e.at.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(6);
  });

  it('lists every reward of the scripted partners in its hand-derived expectations', () => {
    for (const key of SCRIPTED_PARTNERS) {
      const expected = (events.expect?.rewards ?? []).filter((r) => r.partnerKey === key).length;
      expect(report.rewards.filter((r) => r.partnerKey === key).length, key).toBe(expected);
    }
  });

  it('fails when a hand-derived expectation is wrong (the check can fail)', () => {
    const wrong = structuredClone(events);
    const first = wrong.expect?.rewards?.[0];
    if (first) first.amount = '4.99';
    expect(replay(program, wrong).expectations.passed).toBe(false);
  });
});

describe('CSV sample', () => {
  it('parses into events of several types and replays', () => {
    const { program, events } = load(SAMPLES, 'demo.program.json', 'demo-q2.events.csv');
    expect(events.events.length).toBeGreaterThan(1000);
    expect(new Set(events.events.map((e) => e.type)).size).toBeGreaterThanOrEqual(8);
    const report = replay(program, events);
    expect(report.rejected).toEqual([]);
    expect(report.rewards.length).toBeGreaterThan(0);
  });
});

describe.each(EXAMPLE_PAIRS)('spec example %s', (base) => {
  it('replays with its expectations passed, byte-identically twice', () => {
    const run = () => {
      const { program, events } = load(EXAMPLES, `${base}.program.json`, `${base}.events.json`);
      return replay(program, events);
    };
    const report = run();
    expect(report.expectations.failures).toEqual([]);
    expect(serializeReport(run())).toBe(serializeReport(report));
  });
});

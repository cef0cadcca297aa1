/**
 * Generated event sets for the workbench e2e: a big CSV (customers, then sales spread over the
 * demo program's partners) for the long-run and ledger-speed tests, and a broken CSV whose
 * errors must be listed by line.
 */

const HEADER = 'id,type,at,receivedAt,partnerKey,customerKey,key,amount,currency,productKey,categoryKey,actionKey,value,stage,name,group,count';

function instant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** `events` rows: one customer per 1,000 events, the rest sales of 10.00–99.99 USD. */
export function bigEventsCsv(events: number, partners: readonly string[], startMs = Date.UTC(2026, 0, 5)): string {
  const lines: string[] = [HEADER];
  const customers = Math.max(1, Math.floor(events / 1000));
  for (let c = 0; c < customers; c++) {
    lines.push(`b${c},customer.created,${instant(startMs + c * 1000)},,${partners[c % partners.length]},,bc${c},,,,,,,,,,`);
  }
  const salesStart = startMs + customers * 1000;
  for (let i = 0; lines.length <= events; i++) {
    const cents = 1000 + ((i * 7919) % 9000);
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    lines.push(`s${i},transaction.created,${instant(salesStart + i * 5000)},,,bc${i % customers},bt${i},${amount},USD,pro-monthly,,,,,,,`);
  }
  return `${lines.join('\n')}\n`;
}

/** A CSV with problems on lines 3 and 5 (a bad type and a bad amount). */
export function brokenEventsCsv(): string {
  return [
    HEADER,
    'x1,customer.created,2026-02-01T09:00:00Z,,cobalt,,cx1,,,,,,,,,,',
    'x2,customer.exploded,2026-02-01T10:00:00Z,,cobalt,,cx2,,,,,,,,,,',
    'x3,transaction.created,2026-02-02T10:00:00Z,,,cx1,tx1,10.00,USD,,,,,,,,',
    'x4,transaction.created,2026-02-03T10:00:00Z,,,cx1,tx2,10.001,USD,,,,,,,,',
    '',
  ].join('\n');
}

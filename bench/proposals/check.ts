/**
 * Checks the `Zone.add` proposal against Temporal: random instants (many near DST transitions)
 * in zones with 1-hour, 30-minute and no DST, across every unit. Prints mismatches; exit 1 if any.
 *
 *   node --import tsx bench/proposals/check.ts
 */
import { Zone, type CalendarUnit } from '../../engine/index';
import { Rng } from '../../scripts/samples/rng';
import { exactAdd, fastAdd } from './fast-zone-add';

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Asia/Kolkata', 'Pacific/Apia', 'America/St_Johns'];
const UNITS: CalendarUnit[] = ['day', 'week', 'month', 'year'];
const rng = new Rng(7);
let checked = 0;
let bad = 0;
for (const id of ZONES) {
  const zone = new Zone(id);
  for (let i = 0; i < 25_000; i++) {
    // Half the instants within two days of a transition-prone date (early March/November, April/October).
    const base = Date.UTC(rng.int(2000, 2035), rng.pick([2, 3, 9, 10]), rng.int(1, 28));
    const ms = rng.chance(0.5) ? base + rng.int(-48, 48) * 1_800_000 + rng.int(0, 59) * 60_000 : Date.UTC(2026, 0, 1) + rng.int(0, 3 * 365 * 24) * 3_600_000 + rng.int(0, 3599) * 1000;
    const unit = rng.pick(UNITS);
    const count = unit === 'day' ? rng.int(0, 400) : unit === 'week' ? rng.int(0, 60) : unit === 'month' ? rng.int(0, 40) : rng.int(0, 5);
    const want = exactAdd(id, ms, count, unit);
    const got = fastAdd(zone, ms, count, unit);
    checked++;
    if (want !== got && bad++ < 20) console.log(`${id} ${new Date(ms).toISOString()} + ${count} ${unit}: Temporal ${new Date(want).toISOString()}, proposal ${new Date(got).toISOString()}`);
  }
}
console.log(`${checked} cases, ${bad} mismatches`);
process.exitCode = bad ? 1 : 0;

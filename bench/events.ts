/**
 * Synthetic event streams for the bench, generated in memory (never written to disk): a year
 * of traffic for the bench program's partners — customers, sales in USD/EUR/GBP with some
 * delayed receipts, actions, deals, leads, link clicks — already in the parsed event shape.
 */
import { EVENTS_FORMAT, type EventInput, type EventSet } from '../engine/index';
import { Rng } from '../scripts/samples/rng';
import { ACTION_KEYS, CATEGORIES, PRODUCTS, STAGES } from './program';

const START = Date.UTC(2026, 0, 1, 5);
const YEAR = 365 * 86_400_000;
const CURRENCIES = ['USD', 'USD', 'USD', 'USD', 'USD', 'USD', 'EUR', 'GBP'] as const;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `n` events over a year for partners `p0…p{partners-1}`, deterministic for a seed. */
export function benchEvents(n: number, partners: number, seed = 1): EventSet {
  const rng = new Rng(seed);
  const step = YEAR / n;
  const events = new Array<EventInput>(n);
  let customers = 0;
  let deals = 0;
  let leads = 0;
  const customerKey = () => `c${customers === 0 ? 0 : rng.int(Math.max(0, customers - 5000), customers - 1)}`;
  for (let i = 0; i < n; i++) {
    const ms = START + Math.floor(i * step);
    const at = iso(ms);
    const id = `e${i}`;
    const partnerKey = `p${rng.int(0, partners - 1)}`;
    const x = rng.next();
    if (customers === 0 || x < 0.1) {
      events[i] = { id, type: 'customer.created', at, customer: { key: `c${customers++}`, partnerKey } };
    } else if (x < 0.8) {
      const currency = rng.pick(CURRENCIES);
      events[i] = {
        id,
        type: 'transaction.created',
        at,
        ...(rng.chance(0.1) ? { receivedAt: iso(ms + rng.int(1, 48) * 3_600_000) } : {}),
        transaction: {
          key: `t${i}`,
          customerKey: customerKey(),
          amount: `${rng.int(10, 2000)}.${String(rng.int(0, 99)).padStart(2, '0')}`,
          currency,
          productKey: rng.pick(PRODUCTS),
          categoryKey: rng.pick(CATEGORIES),
        },
      };
    } else if (x < 0.88) {
      events[i] = { id, type: 'action.created', at, action: { key: `a${i}`, customerKey: customerKey(), actionKey: rng.pick(ACTION_KEYS), value: `${rng.int(0, 300)}.00` } };
    } else if (x < 0.93) {
      const existing = deals > 0 && rng.chance(0.6);
      const key = existing ? `d${rng.int(Math.max(0, deals - 50), deals - 1)}` : `d${deals++}`;
      // A deal stays with its partner: derive the partner from the deal number.
      const owner = `p${Number(key.slice(1)) % partners}`;
      events[i] = { id, type: 'deal.stage_changed', at, deal: { key, partnerKey: owner, stage: rng.pick(STAGES), amount: `${rng.int(500, 20000)}.00`, currency: 'USD' } };
    } else if (x < 0.97) {
      const closing = leads > 0 && rng.chance(0.5);
      const key = closing ? `l${rng.int(Math.max(0, leads - 50), leads - 1)}` : `l${leads++}`;
      const owner = `p${Number(key.slice(1)) % partners}`;
      events[i] = closing
        ? { id, type: 'lead.closed', at, lead: { key, partnerKey: owner, stage: rng.chance(0.5) ? 'won' : 'lost' } }
        : { id, type: 'lead.qualified', at, lead: { key, partnerKey: owner, stage: 'qualified' } };
    } else {
      events[i] = { id, type: 'link.clicked', at, partnerKey, count: rng.int(1, 50) };
    }
  }
  return { format: EVENTS_FORMAT, name: `bench ${n}`, events };
}

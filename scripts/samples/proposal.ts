/**
 * "Northwind 2027 proposal": the demo program as the partner team proposes to change it, for
 * `offerflow compare` and the app's "Compare with…" screen. Derived from `demo.program.json`, so
 * every trigger it does not touch stays identical (matched by id):
 *
 * - Bronze pays $8 per sale instead of $5, but no longer on refunds (a rule amount > 0).
 * - Gold's commission drops from 12% to 10%.
 * - Promotion to Silver takes 8 sales instead of 5 (fewer partners move up).
 * - New: an Enterprise bonus of $40 on every Enterprise sale (B only).
 * - The expired 2025 holiday promo is dropped (A only; it paid nothing in 2026).
 *
 *   node --import tsx scripts/samples/proposal.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../resources/samples');

type Json = Record<string, unknown>;
interface Trigger extends Json {
  id: string;
  name: string;
  rules: { all: Json[] };
  action: Json & { offer?: Json };
}

/** The proposal, from the demo program's JSON. */
export function proposal(demo: Json): Json {
  const triggers = (demo.triggers as Trigger[]).map((t) => structuredClone(t));
  const edit = (id: string, change: (t: Trigger) => void): void => {
    const t = triggers.find((x) => x.id === id);
    if (!t) throw new Error(`the demo program has no trigger ${id}`);
    change(t);
  };
  edit('bronze-sale', (t) => {
    t.name = 'Bronze: $8 per sale';
    t.rules.all.push({ object: 'transaction', field: 'amount', op: 'greater_than', value: '0.00' });
    t.action.offer = { ...t.action.offer, description: 'Earn $8 for every sale you refer.', amount: '8.00' };
  });
  edit('gold-commission', (t) => {
    t.name = 'Gold: 10% commission';
    t.action.offer = { ...t.action.offer, description: 'Earn 10% of every sale you refer, in the currency of the sale.', percent: '10' };
  });
  edit('move-bronze-to-silver', (t) => {
    t.name = 'Group move: Bronze → Silver at 8 sales';
    t.rules.all = t.rules.all.map((r) => (r.field === 'transaction_count' ? { ...r, value: 8 } : r));
  });
  const kept = triggers.filter((t) => t.id !== 'holiday-promo-2025');
  kept.push({
    id: 'enterprise-bonus',
    name: 'Enterprise: $40 per Enterprise sale',
    event: 'transaction.created',
    status: 'active',
    rules: { all: [{ object: 'transaction', field: 'product_key', op: 'equal_to', value: 'enterprise' }, { object: 'transaction', field: 'amount', op: 'greater_than', value: '0.00' }] },
    action: { type: 'reward', offer: { description: 'Earn $40 for every Enterprise plan you sell.', type: 'flat', amount: '40.00', currency: 'USD' } },
  });
  const order = demo.evaluationOrder as Record<string, string[]>;
  const evaluationOrder = Object.fromEntries(
    Object.entries(order).map(([type, ids]) => [type, type === 'transaction.created' ? [...ids.filter((id) => id !== 'holiday-promo-2025'), 'enterprise-bonus'] : ids]),
  );
  return { ...demo, name: 'Northwind 2027 proposal', triggers: kept, evaluationOrder };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const demo = JSON.parse(readFileSync(join(ROOT, 'demo.program.json'), 'utf8')) as Json;
  writeFileSync(join(ROOT, 'demo-2027.program.json'), `${JSON.stringify(proposal(demo), null, 2)}\n`);
}

/** Builders for engine tests: compact programs and event sets parsed through the real schemas. */
import { InputError } from './formats/issues';
import { parseEventSet, parseProgram } from './formats/read';
import type { EventSet } from './formats/events-schema';
import type { Program } from './formats/program-schema';
import { replay } from './replay/replay';
import type { ReplayOptions } from './replay/options';
import type { Report } from './formats/report';

export type Json = Record<string, unknown>;

export function program(over: Json = {}): Program {
  return parseProgram({
    format: 'offerflow.program/1',
    name: 'test',
    groups: [
      { key: 'bronze', name: 'Bronze' },
      { key: 'silver', name: 'Silver' },
      { key: 'gold', name: 'Gold' },
    ],
    tiers: [{ key: 't1', name: 'Tier 1' }],
    tags: [
      { key: 'vip', name: 'VIP' },
      { key: 'new', name: 'New' },
    ],
    partners: [{ key: 'ana', name: 'Ana', group: 'bronze', tags: [], joinedAt: '2026-01-01T00:00:00Z' }],
    ...over,
  });
}

export function trigger(id: string, over: Json = {}): Json {
  return {
    id,
    name: id,
    event: 'transaction.created',
    status: 'active',
    action: { type: 'reward', offer: { description: id, type: 'flat', amount: '1.00', currency: 'USD' } },
    ...over,
  };
}

export function eventSet(events: Json[], expect?: Json): EventSet {
  return parseEventSet({ format: 'offerflow.events/1', name: 'test', events, ...(expect ? { expect } : {}) });
}

let n = 0;
/** A customer of `partner` created at `at`. */
export function customer(key: string, partner = 'ana', at = '2026-02-01T00:00:00Z'): Json {
  return { id: `c-${key}`, type: 'customer.created', at, customer: { key, partnerKey: partner } };
}

/** A transaction of `customerKey`; extra payload fields via `tx`. */
export function sale(customerKey: string, amount: string, at = '2026-02-02T00:00:00Z', tx: Json = {}, ev: Json = {}): Json {
  n += 1;
  return { id: `s${n}`, type: 'transaction.created', at, transaction: { key: `tx${n}`, customerKey, amount, currency: 'USD', ...tx }, ...ev };
}

export function run(p: Program, e: EventSet, options: ReplayOptions = {}): Report {
  return replay(p, e, options);
}

/** Rewards as `triggerId@eventId=amount currency` strings, for compact assertions. */
export function rewardKeys(r: Report): string[] {
  return r.rewards.map((x) => `${x.triggerId}@${x.eventId}=${x.amount} ${x.currency}`);
}

/** A path to a node of a JSON value: keys and array indices. */
export type JsonPath = (string | number)[];

/** Paths to every node of a JSON-like value (the root included), for mutation fuzzing. */
export function jsonPaths(v: unknown, prefix: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => jsonPaths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) jsonPaths(x, [...prefix, k], out);
  return out;
}

/** A copy of `root` with the node at `path` replaced by `value`, or removed. */
export function setAtPath(root: unknown, path: JsonPath, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else Reflect.deleteProperty(node, last);
  } else node[last] = value;
  return copy;
}

/** The `path: message` of each issue `fn` throws as an `InputError` (none: `[]`). */
export function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

/**
 * The same workload on json-rules-engine and @gorules/zen-engine: every trigger event's rules
 * (translated from the bench program) evaluated on precomputed facts. Only rule evaluation is
 * timed — the peers get aggregates for free and run no actions — so the ratio flatters them.
 * Each peer is loaded only when installed.
 */
import { createRequire } from 'node:module';
import type { Program } from '../../engine/index';
import { factStream, leavesOf, type FactEvent } from './facts';
import { toJre, toZen } from './translate';

const require = createRequire(import.meta.url);

export interface PeerResult {
  peer: string;
  events: number;
  ms: number;
  cpuMs: number;
  passes: number;
}

function load(name: string): unknown {
  try {
    return require(name);
  } catch {
    return null;
  }
}

type Jre = { Engine: new (rules?: unknown[], opts?: unknown) => { addRule(r: unknown): void; addOperator(n: string, f: (a: unknown, b: unknown) => boolean): void; run(facts: unknown): Promise<{ events: unknown[] }> } };
type Agg = { before: number; after: number; count: number };

async function runJre(program: Program, stream: FactEvent[]): Promise<number | null> {
  const mod = load('json-rules-engine') as Jre | null;
  if (!mod) return null;
  const { leaves, triggers } = leavesOf(program);
  const engines = new Map<string, InstanceType<Jre['Engine']>>();
  const aggOps: Record<string, (v: Agg, x: number) => boolean> = {
    agg_equal_to: (v, x) => v.after === x,
    agg_greater_than: (v, x) => v.after > x,
    agg_greater_than_or_equal_to: (v, x) => v.after >= x,
    agg_less_than: (v, x) => v.after < x,
    agg_becomes_greater_than: (v, x) => v.before <= x && x < v.after,
    agg_reaches_or_exceeds: (v, x) => v.before < x && x <= v.after,
    agg_is_multiple_of: (v, x) => v.after !== 0 && v.after % x === 0,
  };
  for (const t of triggers) {
    let e = engines.get(t.event);
    if (!e) {
      e = new mod.Engine([], { allowUndefinedFacts: true });
      for (const [name, f] of Object.entries(aggOps)) e.addOperator(name, (a, b) => f(a as Agg, b as number));
      e.addOperator('hasAny', (a, b) => Array.isArray(a) && (a as string[]).some((x) => (b as string[]).includes(x)));
      engines.set(t.event, e);
    }
    e.addRule({ name: t.id, conditions: t.tree ? wrap(toJre(t.tree, leaves)) : { all: [] }, event: { type: t.id } });
  }
  let passes = 0;
  for (const ev of stream) {
    const e = engines.get(ev.type);
    if (e) passes += (await e.run(ev.facts)).events.length;
  }
  return passes;
}

/** json-rules-engine wants an `all`/`any` at the top. */
function wrap(c: Record<string, unknown>): Record<string, unknown> {
  return 'all' in c || 'any' in c ? c : { all: [c] };
}

type Zen = { ZenEngine: new () => { createDecision(c: unknown): { evaluate(ctx: unknown): Promise<{ result: Record<string, boolean> }> } } };

async function runZen(program: Program, stream: FactEvent[]): Promise<number | null> {
  const mod = load('@gorules/zen-engine') as Zen | null;
  if (!mod) return null;
  const { leaves, triggers } = leavesOf(program);
  const engine = new mod.ZenEngine();
  const decisions = new Map<string, ReturnType<InstanceType<Zen['ZenEngine']>['createDecision']>>();
  for (const event of new Set(triggers.map((t) => t.event))) {
    const expressions = triggers.filter((t) => t.event === event).map((t, i) => ({ id: `x${i}`, key: t.id, value: t.tree ? toZen(t.tree, leaves) : 'true' }));
    const graph = {
      nodes: [
        { id: 'in', type: 'inputNode', name: 'facts', position: { x: 0, y: 0 } },
        { id: 'rules', type: 'expressionNode', name: 'rules', position: { x: 200, y: 0 }, content: { expressions } },
        { id: 'out', type: 'outputNode', name: 'verdicts', position: { x: 400, y: 0 } },
      ],
      edges: [
        { id: 'e1', sourceId: 'in', targetId: 'rules', type: 'edge' },
        { id: 'e2', sourceId: 'rules', targetId: 'out', type: 'edge' },
      ],
    };
    decisions.set(event, engine.createDecision(graph));
  }
  let passes = 0;
  for (const ev of stream) {
    const d = decisions.get(ev.type);
    if (!d) continue;
    const { result } = await d.evaluate(ev.facts);
    for (const v of Object.values(result)) if (v) passes++;
  }
  return passes;
}

/** Times one peer on the facts of `set`; null when the peer is not installed. */
export async function measurePeer(peer: 'json-rules-engine' | 'zen-engine', program: Program, stream: FactEvent[], events: number): Promise<PeerResult | null> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const passes = peer === 'json-rules-engine' ? await runJre(program, stream) : await runZen(program, stream);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  if (passes === null) return null;
  return { peer, events, ms, cpuMs: (cpu.user + cpu.system) / 1000, passes };
}

export { factStream };

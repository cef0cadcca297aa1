/**
 * Lays a trigger's trace over its graph: which nodes passed or failed, what each rule saw, and
 * which edges form the path the evaluation took. Pure; `trace-canvas.tsx` renders it.
 */
import type { TraceNode, TriggerTrace } from '@engine/formats/report';
import type { Trigger } from '@engine/formats/program-schema';
import { graphToTrigger, metaOf, triggerToGraph } from './graph-mapping';
import { ACTION_NODE_ID, EVENT_NODE_ID, type Graph } from './graph-types';

export interface TraceOverlay {
  graph: Graph;
  verdicts: Map<string, boolean>;
  notes: Map<string, string>;
}

function show(v: unknown): string {
  if (v === undefined || v === null) return 'empty';
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  // A trace's value is a field's: text, a number or a flag; anything else shows as JSON.
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function walk(node: TraceNode, path: string, byPath: Map<string, string>, out: TraceOverlay): void {
  const id = byPath.get(path);
  if (id) out.verdicts.set(id, node.result);
  if ('block' in node) {
    node.children.forEach((c, i) => walk(c, `${path}.${node.block}[${i}]`, byPath, out));
  } else if (id) {
    const before = node.before !== undefined ? ` (before: ${show(node.before)})` : '';
    out.notes.set(id, `saw ${show(node.actual)}${before} → ${node.result ? 'passed' : 'failed'}`);
  }
}

export function traceOverlay(trigger: Trigger, trace: TriggerTrace): TraceOverlay {
  const graph = triggerToGraph(trigger);
  const reading = graphToTrigger(metaOf(trigger), graph);
  const byPath = new Map([...reading.paths].map(([id, p]) => [p, id]));
  const out: TraceOverlay = { graph, verdicts: new Map(), notes: new Map() };
  const considered = trace.verdict !== 'skipped';
  out.verdicts.set(EVENT_NODE_ID, considered);
  if (!considered) out.notes.set(EVENT_NODE_ID, trace.reason);
  if (trace.rules) walk(trace.rules, 'rules', byPath, out);
  out.verdicts.set(ACTION_NODE_ID, trace.verdict === 'passed');
  out.notes.set(ACTION_NODE_ID, trace.verdict === 'passed' ? (trace.outcome ?? 'ran') : 'did not run');
  const passed = (id: string) => out.verdicts.get(id) === true;
  out.graph = {
    nodes: graph.nodes,
    edges: graph.edges.map((e) => (passed(e.source) && passed(e.target) ? { ...e, animated: true, style: { strokeWidth: 3, stroke: 'var(--of-path, #2e7d32)' } } : e)),
  };
  return out;
}

/**
 * Which connections the canvas accepts while one is being drawn: one Event at the start, one
 * Action at the end, AND/OR blocks and rules in between, each node with one parent, no loops.
 * Returns the reason a connection is refused, or null when it is fine.
 */
import type { Connection } from '@xyflow/react';
import { ACTION_NODE_ID, type EditorEdge, type EditorNode } from './graph-types';

export interface ConnectionCheck {
  source: string;
  target: string;
}

function isAncestor(candidate: string, of: string, edges: readonly EditorEdge[]): boolean {
  const parents = new Map<string, string[]>();
  for (const e of edges) parents.set(e.target, [...(parents.get(e.target) ?? []), e.source]);
  const stack = [of];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    if (id === candidate) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(parents.get(id) ?? []));
  }
  return false;
}

function checkIntoAction(source: EditorNode, edges: readonly EditorEdge[]): string | null {
  if (edges.some((e) => e.target === ACTION_NODE_ID)) return 'The Action already has its input; delete that connection first.';
  if (source.type === 'event') return null;
  if (edges.some((e) => e.target === source.id && e.source !== 'event')) return 'Only the top of the rule tree connects to the Action.';
  return null;
}

export function connectionProblem(
  conn: ConnectionCheck | Connection,
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): string | null {
  const source = nodes.find((n) => n.id === conn.source);
  const target = nodes.find((n) => n.id === conn.target);
  if (!source || !target) return 'Both ends must be nodes.';
  if (source.id === target.id) return 'A node cannot connect to itself.';
  if (edges.some((e) => e.source === source.id && e.target === target.id)) return 'These nodes are already connected.';
  if (target.type === 'event') return 'Nothing connects into the Event: it is where the trigger starts.';
  if (source.type === 'action') return 'The Action is where the trigger ends.';
  if (target.type === 'action') return checkIntoAction(source, edges);
  if (source.type === 'rule') return 'A rule holds no other rules; put them in an AND or OR block.';
  if (source.type === 'event' && edges.some((e) => e.source === source.id)) {
    return 'The Event already starts a rule tree; delete that connection first.';
  }
  if (edges.some((e) => e.target === target.id)) return 'That node is already connected; each rule or block has one parent.';
  if (source.type === 'block' && edges.some((e) => e.source === target.id && e.target === ACTION_NODE_ID)) {
    return 'That node is the top of the rule tree; disconnect it from the Action first.';
  }
  if (isAncestor(target.id, source.id, edges)) return 'That would make a loop.';
  return null;
}

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
  if (source.type !== 'event' && edges.some((e) => e.target === source.id && e.source !== 'event')) {
    return 'Only the top of the rule tree connects to the Action: this one is inside a block, and the block’s result already goes there.';
  }
  if (edges.some((e) => e.target === ACTION_NODE_ID)) return 'The Action already has its input: click that connection, press Delete, then connect again.';
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
  if (source.id === target.id) return 'A node cannot connect to itself: drag onto another node’s left handle.';
  if (edges.some((e) => e.source === source.id && e.target === target.id)) return 'These nodes are already connected.';
  if (target.type === 'event') return 'Nothing connects into the Event: it is where the trigger starts. Drag from the Event’s right handle instead.';
  if (source.type === 'action') return 'The Action is where the trigger ends: drag from a block’s or the Event’s right handle into the Action instead.';
  if (target.type === 'action') return checkIntoAction(source, edges);
  if (source.type === 'rule') return 'A rule holds no other rules: add an AND or OR block from the palette and connect both rules into it.';
  if (source.type === 'event') {
    const root = edges.find((e) => e.source === source.id && e.target !== ACTION_NODE_ID);
    // Event → Action is replaced by the new tree (graph-slice `connect`); a tree is not.
    if (root) return 'The Event already starts a rule tree. Connect this node into that tree’s block instead, or delete the Event’s connection to start another.';
  }
  if (edges.some((e) => e.target === target.id)) return 'That node is already connected: each rule or block has one parent. Delete its connection first to move it.';
  if (source.type === 'block' && edges.some((e) => e.source === target.id && e.target === ACTION_NODE_ID)) {
    return 'That node is the top of the rule tree: delete its connection to the Action first to put it inside a block.';
  }
  if (isAncestor(target.id, source.id, edges)) return 'That would make a loop: connect from a block to a node to its right instead.';
  return null;
}

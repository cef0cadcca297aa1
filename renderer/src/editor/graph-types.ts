/**
 * The editor's React Flow node and edge types. These are view state: the saved trigger is the
 * engine's `Trigger`, and `graph-mapping.ts` is the one place that converts between the two.
 */
import type { Edge, Node } from '@xyflow/react';
import type { TriggerEvent } from '@engine/catalogue';
import type { Action, Rule, Trigger } from '@engine/formats/program-schema';

export type BlockKind = 'all' | 'any';

export type EventNodeData = { event: TriggerEvent };
export type BlockNodeData = { kind: BlockKind };
export type RuleNodeData = { rule: Rule };
export type ActionNodeData = { action: Action };

export type EventNode = Node<EventNodeData, 'event'>;
export type BlockNode = Node<BlockNodeData, 'block'>;
export type RuleNode = Node<RuleNodeData, 'rule'>;
export type ActionNode = Node<ActionNodeData, 'action'>;

/** Every node the trigger canvas can hold, tagged by `type`. */
export type EditorNode = EventNode | BlockNode | RuleNode | ActionNode;
export type EditorNodeType = EditorNode['type'];
export type EditorEdge = Edge;

/** The trigger's fields that are not drawn as nodes. */
export type TriggerMeta = Omit<Trigger, 'event' | 'rules' | 'action'>;

export interface Graph {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

export const EVENT_NODE_ID = 'event';
export const ACTION_NODE_ID = 'action';

export function edgeId(source: string, target: string): string {
  return `e:${source}->${target}`;
}

/** Source handles: `out` (right) feeds children; `then` (top) of the rule tree's top feeds the Action. */
export type SourceHandle = 'out' | 'then';

export function makeEdge(source: string, target: string): EditorEdge {
  const sourceHandle: SourceHandle = target === ACTION_NODE_ID && source !== EVENT_NODE_ID ? 'then' : 'out';
  return { id: edgeId(source, target), source, target, sourceHandle, type: 'smoothstep' };
}

export function isTreeNode(n: EditorNode): n is BlockNode | RuleNode {
  return n.type === 'block' || n.type === 'rule';
}

/**
 * Places the engine validator's issues on the canvas: an issue path such as
 * `triggers[2].rules.all[0].op` belongs to the node whose path in the trigger is its longest
 * prefix (`rules.all[0]`); trigger-wide issues sit on the Event node.
 */
import type { ProgramIssue } from '@engine/validate';
import { EVENT_NODE_ID } from './graph-types';
import type { NodePaths } from './graph-mapping';

function startsAtBoundary(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}

/** The node an issue of this trigger belongs to. */
export function nodeOfIssue(issue: Pick<ProgramIssue, 'path'>, triggerIndex: number, paths: NodePaths): string {
  const head = `triggers[${triggerIndex}]`;
  const rest = issue.path.startsWith(`${head}.`) ? issue.path.slice(head.length + 1) : '';
  let best = EVENT_NODE_ID;
  let bestLength = -1;
  for (const [id, p] of paths) {
    if (p.length > bestLength && startsAtBoundary(rest, p)) {
      best = id;
      bestLength = p.length;
    }
  }
  return best;
}

/** The issues of one trigger, grouped by node id. */
export function issuesByNode(issues: readonly ProgramIssue[], triggerId: string, triggerIndex: number, paths: NodePaths): Map<string, ProgramIssue[]> {
  const out = new Map<string, ProgramIssue[]>();
  for (const issue of issues) {
    if (issue.triggerId !== triggerId) continue;
    const id = nodeOfIssue(issue, triggerIndex, paths);
    out.set(id, [...(out.get(id) ?? []), issue]);
  }
  return out;
}

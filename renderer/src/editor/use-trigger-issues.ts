/**
 * The engine validator's verdict on the trigger as it stands on the canvas: the program with
 * this trigger replaced is validated locally (the same `validateProgram` the service runs), so
 * problems show while editing, not only after a save; the engine's lint adds its warnings.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Program } from '@engine/formats/program-schema';
import { lintProgram } from '@engine/lint';
import { validateProgram, type ProgramIssue } from '@engine/validate';
import { useEditor } from './editor-context';
import { readTrigger } from './editor-store';
import type { GraphReading } from './graph-mapping';
import { issuesByNode } from './issue-mapping';

export interface TriggerIssues {
  reading: GraphReading;
  issues: ProgramIssue[];
  byNode: Map<string, ProgramIssue[]>;
  errors: ProgramIssue[];
}

export function useTriggerIssues(program: Program, triggerId: string): TriggerIssues {
  const { meta, nodes, edges } = useEditor(useShallow((s) => ({ meta: s.meta, nodes: s.nodes, edges: s.edges })));
  return useMemo(() => {
    const reading = readTrigger({ meta, nodes, edges });
    const index = program.triggers.findIndex((t) => t.id === triggerId);
    const triggers = reading.ok ? program.triggers.map((t) => (t.id === triggerId ? reading.trigger : t)) : program.triggers;
    const candidate = { ...program, triggers };
    // Lint warnings sit beside validation's; they never block (errors are validation's only).
    const issues = [...validateProgram(candidate), ...lintProgram(candidate)].filter((i) => i.triggerId === triggerId);
    const byNode = issuesByNode(issues, triggerId, index, reading.paths);
    const errors = issues.filter((i) => i.severity === 'error' && i.code !== 'order.double_reward');
    return { reading, issues, byNode, errors };
  }, [meta, nodes, edges, program, triggerId]);
}

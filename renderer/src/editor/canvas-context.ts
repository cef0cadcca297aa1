/** What the canvas nodes read besides their data: issues placed on them and the lock. */
import { createContext, useContext } from 'react';
import type { Program } from '@engine/formats/program-schema';
import type { ProgramIssue } from '@engine/validate';


export interface CanvasInfo {
  issues: Map<string, ProgramIssue[]>;
  locked: boolean;
  /** Nodes a trace passed (green) or failed (red); absent outside a trace view. */
  verdicts?: Map<string, boolean>;
  /** A line under a node, e.g. the value a rule saw in a trace. */
  notes?: Map<string, string>;
  /** The program, for the names of groups, tiers and tags in rule sentences. */
  program?: Program;
}

export const CanvasInfoContext = createContext<CanvasInfo>({ issues: new Map(), locked: false });

export function useCanvasInfo(): CanvasInfo {
  return useContext(CanvasInfoContext);
}

/**
 * Bounds checked before any schema sees a call's arguments (issue 6). The zod schemas and the
 * engine's readers recurse, so a deeply nested value (a rule tree thousands of blocks deep, or a
 * file of `[[[[…]]]]`) would overflow the stack and surface as an "internal error". These checks
 * are iterative and stop as soon as a limit is passed, and their refusals name the field.
 */
import { MAX_RULE_DEPTH } from '../engine/validate';
import { textDepth, valueDepth } from '../engine/formats/depth';

export { textDepth, valueDepth };
import { FILE_CHANNELS } from './contract';
import { Failure } from './failure';
import { MAX_IMPORT_CHARS } from './limits';

/** Far deeper than any real argument (a full trigger is ~40 levels) and far from the stack limit. */
export const MAX_ARG_DEPTH = 200;

/** How many AND/OR blocks deep a raw rule tree goes (a block is `{ all: [...] }` or `{ any: [...] }`). */
export function ruleBlockDepth(rules: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[rules, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
    const children = (v as { all?: unknown; any?: unknown }).all ?? (v as { any?: unknown }).any;
    if (!Array.isArray(children)) continue;
    if (d + 1 > max) max = d + 1;
    if (max > limit) return max;
    for (const c of children) stack.push([c, d + 1]);
  }
  return max;
}

const TRIGGER_SAVES = new Set(['triggers.create', 'triggers.update']);

/** Refuses a call whose arguments are too deep to parse safely; throws a Failure naming the field. */
export function guardArgs(channel: string, args: unknown): void {
  const a = args !== null && typeof args === 'object' ? (args as Record<string, unknown>) : {};
  // The rule check comes first so a deep rule tree gets the message that names trigger.rules.
  const trigger = a.trigger;
  if (TRIGGER_SAVES.has(channel) && trigger && typeof trigger === 'object' && 'rules' in trigger) {
    const depth = ruleBlockDepth(trigger.rules, MAX_RULE_DEPTH);
    if (depth > MAX_RULE_DEPTH) {
      throw new Failure(`trigger.rules: rule blocks are nested more than ${MAX_RULE_DEPTH} deep; merge nested AND (or OR) blocks into one`, 'trigger.rules');
    }
  }
  if (valueDepth(args, MAX_ARG_DEPTH) > MAX_ARG_DEPTH) throw new Failure(`arguments are nested more than ${MAX_ARG_DEPTH} levels deep`);
  // An oversized text is left to the schema's size limit (scanning it would be the slow part).
  // Only JSON nests: a CSV file's brackets are plain text.
  if ((FILE_CHANNELS as ReadonlySet<string>).has(channel) && typeof a.text === 'string' && a.text.length <= MAX_IMPORT_CHARS && /^\s*[[{]/.test(a.text) && textDepth(a.text, MAX_ARG_DEPTH) > MAX_ARG_DEPTH) {
    const name = typeof a.fileName === 'string' && a.fileName ? a.fileName : 'the file';
    throw new Failure(`${name} nests arrays or objects more than ${MAX_ARG_DEPTH} levels deep; no Offerflow file does`, 'text');
  }
}

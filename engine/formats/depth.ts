/**
 * Nesting bounds checked before any recursive parser sees a value: zod's schemas and the rule
 * tree recurse, so a file of `[[[[…]]]]` or a rule tree thousands of blocks deep would overflow
 * the stack. These checks are iterative and stop as soon as the limit is passed.
 */

/** Far deeper than any real file (a program with nested rule blocks is ~40 levels). */
export const MAX_JSON_DEPTH = 200;

/** Nesting depth of a value, counting arrays and objects; stops counting past `limit`. */
export function valueDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > limit) return max;
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, d + 1]);
  }
  return max;
}

/** Bracket nesting of JSON text (strings skipped); stops counting past `limit`. */
export function textDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}


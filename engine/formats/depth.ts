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
  // Two parallel stacks, and only containers pushed: no allocation per value (event sets hold
  // millions of them).
  const values: object[] = [];
  const depths: number[] = [];
  if (value !== null && typeof value === 'object') {
    values.push(value);
    depths.push(1);
  }
  while (values.length > 0) {
    const v = values.pop() as object;
    const d = depths.pop() as number;
    if (d > max) {
      max = d;
      if (max > limit) return max;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x !== null && typeof x === 'object') {
          values.push(x);
          depths.push(d + 1);
        }
      }
    } else {
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        const x: unknown = (v as Record<string, unknown>)[k];
        if (x !== null && typeof x === 'object') {
          values.push(x);
          depths.push(d + 1);
        }
      }
    }
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


/**
 * The path (`triggers[0].rules.all[0].all`) of the first container found more than `limit`
 * levels deep, or null when there is none. Only called once a value is known to be too deep,
 * so it may allocate a path per container it visits.
 */
export function pathPastDepth(value: unknown, limit: number): (string | number)[] | null {
  const stack: { v: unknown; depth: number; path: (string | number)[] }[] = [{ v: value, depth: 1, path: [] }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop() as { v: unknown; depth: number; path: (string | number)[] };
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return path;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    // Pushed in reverse so the first key is explored first (the path names the earliest place).
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i] as [string | number, unknown];
      if (x !== null && typeof x === 'object') stack.push({ v: x, depth: depth + 1, path: [...path, k] });
    }
  }
  return null;
}

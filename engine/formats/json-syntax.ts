/**
 * Where a JSON text first goes wrong. Node 20's `JSON.parse` names a position for some errors
 * and not for others ("Unexpected token '}', … is not valid JSON"), so readers that promise a
 * line and column (JSON Lines) scan the text themselves — only after `JSON.parse` has failed,
 * so the happy path costs nothing. Iterative: any nesting depth is scanned without recursion.
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

/** Index just past the string that starts at `i` (a `"`), or -(index of the fault) - 1. */
function scanString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -j - 1;
    if (c === 0x5c) {
      const e = s[j + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) return -(j + 1) - 1;
        j += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++;
      else return -(j + 1) - 1;
    }
  }
  return -s.length - 1;
}

/** Index just past the scalar value at `i`, or -(index of the fault) - 1. */
function scanScalar(s: string, i: number): number {
  if (s[i] === '"') return scanString(s, i);
  for (const lit of LITERALS) if (s.startsWith(lit, i)) return i + lit.length;
  NUMBER.lastIndex = i;
  return NUMBER.test(s) ? NUMBER.lastIndex : -i - 1;
}

/**
 * The 0-based index of the first character that makes `s` invalid JSON (`s.length` when the
 * text ends too early), or -1 when `s` is valid.
 */
export function jsonSyntaxErrorAt(s: string): number {
  const stack: string[] = [];
  let state: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after' = 'value';
  let i = 0;
  for (;;) {
    while (i < s.length && WS.has(s.charCodeAt(i))) i++;
    if (state === 'after' && stack.length === 0) return i < s.length ? i : -1;
    if (i >= s.length) return s.length;
    const c = s[i] as string;
    if (state === 'after') {
      const top = stack[stack.length - 1];
      if (c === ',') state = top === '{' ? 'key' : 'value';
      else if ((c === '}' && top === '{') || (c === ']' && top === '[')) stack.pop();
      else return i;
      i++;
      continue;
    }
    if (state === 'colon') {
      if (c !== ':') return i;
      state = 'value';
      i++;
      continue;
    }
    if ((state === 'keyOrClose' && c === '}') || (state === 'valueOrClose' && c === ']')) {
      stack.pop();
      state = 'after';
      i++;
      continue;
    }
    if (state === 'key' || state === 'keyOrClose') {
      if (c !== '"') return i;
      const end = scanString(s, i);
      if (end < 0) return -end - 1;
      i = end;
      state = 'colon';
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      state = c === '{' ? 'keyOrClose' : 'valueOrClose';
      i++;
      continue;
    }
    const end = scanScalar(s, i);
    if (end < 0) return -end - 1;
    i = end;
    state = 'after';
  }
}

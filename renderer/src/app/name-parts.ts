/**
 * A name cut to fit a narrow list keeps its end when the end tells copies apart: "Gold 90d or
 * Enterprise (copy)" shows as "Gold 90d or Ent… (copy)", not the same "Gold 90d or Enterpris…"
 * as the original.
 */
const SUFFIX = /\s(\((?:copy|copy \d+|\d+)\))$/i;

/** The part of `name` that may be cut, and the trailing "(copy)"-like part that may not. */
export function nameParts(name: string): { head: string; tail: string } {
  const m = SUFFIX.exec(name);
  return m && m.index > 0 ? { head: name.slice(0, m.index), tail: m[1] ?? '' } : { head: name, tail: '' };
}

/**
 * "1 run", "2 runs", "1,885 events": a count with its noun, digits grouped, the noun in the
 * singular only for exactly one. Irregular plurals are passed in ("1 entry" / "entries").
 */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

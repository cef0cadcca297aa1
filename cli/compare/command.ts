/**
 * `offerflow compare <a.program> <b.program> <events> [--out diff.json] [--max-increase 5%]`
 * (docs/cli.md): replays both programs on the same events and prints what B costs against A.
 * Exit 0, 1 when B's total exceeds A's by more than `--max-increase` (a CI gate), 2 invalid input.
 */
import { compare, exceedsIncrease, parseMaxIncrease, type Comparison } from '../../engine/compare';
import type { EventSet } from '../../engine/formats/events-schema';
import { InputError } from '../../engine/formats/issues';
import type { Program } from '../../engine/formats/program-schema';
import { parseEventSetText } from '../../engine/formats/read';
import { replay } from '../../engine/replay/replay';

/** What main.ts lends the command, so its size limits, atomic writes and errors apply here too. */
export interface CompareDeps {
  parseArgs(argv: readonly string[], valued: readonly string[], booleans: readonly string[]): { positional: string[]; flags: Map<string, string | true> };
  loadProgram(path: string): { program: Program; warnings: string[] };
  readText(path: string): string;
  writeAtomic(path: string, produce: (write: (chunk: string) => void) => void): void;
  usageError(message: string): Error;
}

export const COMPARE_VALUED_FLAGS = ['out', 'max-increase'] as const;

/** How many partners the text summary lists (the JSON has them all). */
const TOP_PARTNERS = 10;

const signed = (s: string): string => (s.startsWith('-') ? s : `+${s}`);

/** The human summary printed on stdout. */
export function renderComparison(c: Comparison): string {
  const lines: string[] = [];
  const pct = c.delta.increasePercent === null ? '' : ` (${signed(c.delta.increasePercent)}%)`;
  lines.push(`A: ${c.a.program} — ${c.a.rewards} rewards, ${c.a.rewardsUsd} USD, ${c.a.groupChanges} group moves, ${c.a.tagsApplied} tags`);
  lines.push(`B: ${c.b.program} — ${c.b.rewards} rewards, ${c.b.rewardsUsd} USD, ${c.b.groupChanges} group moves, ${c.b.tagsApplied} tags`);
  lines.push(`B − A: ${signed(c.delta.rewardsUsd)} USD${pct}, ${signed(String(c.delta.rewards))} rewards, ${signed(String(c.delta.groupChanges))} group moves, ${signed(String(c.delta.tagsApplied))} tags`);
  lines.push('', 'per trigger:');
  for (const t of c.triggers) {
    const name = t.a && t.b ? (t.a.id === t.b.id ? t.a.id : `${t.a.id} ≈ ${t.b.id} (by name)`) : t.a ? `${t.a.id} (A only)` : `${t.b?.id ?? ''} (B only)`;
    lines.push(`  ${name}: ${t.a?.rewardsUsd ?? '—'} → ${t.b?.rewardsUsd ?? '—'} USD (${signed(t.deltaUsd)})`);
  }
  if (c.months.length) {
    lines.push('', 'per month of due date:');
    for (const m of c.months) lines.push(`  ${m.month}: ${m.aUsd} → ${m.bUsd} USD (${signed(m.deltaUsd)})`);
  }
  if (c.partners.length) {
    lines.push('', `top movers (${Math.min(TOP_PARTNERS, c.partners.length)} of ${c.partners.length} partners whose total moved):`);
    for (const p of c.partners.slice(0, TOP_PARTNERS)) lines.push(`  ${p.partnerKey}: ${p.aUsd} → ${p.bUsd} USD (${signed(p.deltaUsd)})`);
  }
  if (c.partnerStates.length) {
    const st = (s: { group: string | null; tags: string[] } | null): string => (s ? `${s.group ?? 'no group'} [${s.tags.join(', ')}]` : 'absent');
    lines.push('', `final group or tags differ (${c.partnerStates.length}):`);
    for (const p of c.partnerStates.slice(0, TOP_PARTNERS)) lines.push(`  ${p.partnerKey}: ${st(p.a)} → ${st(p.b)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs `offerflow compare`; returns the exit code. */
export function cmdCompare(argv: readonly string[], io: { out: (t: string) => void; err: (t: string) => void }, deps: CompareDeps): number {
  const args = deps.parseArgs(argv, COMPARE_VALUED_FLAGS, []);
  const [aFile, bFile, eventsFile] = args.positional;
  if (!aFile || !bFile || !eventsFile || args.positional.length > 3) throw deps.usageError('compare takes two program files and an event-set file');
  const limitText = args.flags.get('max-increase');
  const limit = typeof limitText === 'string' ? parseMaxIncrease(limitText) : null;
  if (typeof limitText === 'string' && limit === null) throw new InputError('--max-increase', [{ path: '', message: `"${limitText}" is not a percentage such as 5% or 2.5%` }]);
  const a = deps.loadProgram(aFile);
  const b = deps.loadProgram(bFile);
  for (const w of [...a.warnings, ...b.warnings]) io.err(`${w}\n`);
  const events: EventSet = parseEventSetText(deps.readText(eventsFile), eventsFile);
  // The set's expectations belong to one program; the comparison does not check them.
  const c = compare({ program: a.program, report: replay(a.program, events) }, { program: b.program, report: replay(b.program, events) });
  const out = args.flags.get('out');
  if (typeof out === 'string') deps.writeAtomic(out, (write) => write(`${JSON.stringify(c, null, 2)}\n`));
  io.out(renderComparison(c));
  if (limit !== null && exceedsIncrease(c, limit)) {
    io.err(`offerflow: B costs ${c.delta.rewardsUsd} USD more than A${c.delta.increasePercent === null ? '' : ` (+${c.delta.increasePercent}%)`}, above --max-increase ${String(limitText)}\n`);
    return 1;
  }
  return 0;
}

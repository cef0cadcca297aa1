/**
 * `programs.compare`: replays two programs on one stored event set and returns the engine's
 * comparison (B − A). B is another program or A as of an earlier moment (program versions).
 * `programs.compareTraces`: for one trigger row of that comparison, the events where it pays
 * differently, with the trigger's trace on both sides.
 * The replays run here, not in a worker, so sets are bounded: a bigger one belongs to the CLI.
 */
import { compare } from '../../engine/compare';
import type { EventSet } from '../../engine/formats/events-schema';
import { parseInstant } from '../../engine/time';
import { replay } from '../../engine/replay/replay';
import { blockingIssues, validateProgram } from '../../engine/validate';
import type { Program } from '../../engine/formats/program-schema';
import type { Handlers, ParsedArgsOf } from '../contract';
import { Failure } from '../failure';
import { getEventSetSummary, loadEventSet } from '../store';
import { programAsOf } from '../store/program-versions';
import { requireProgram, type ServiceContext } from './context';
import { compareTraces } from './compare-traces';

/** Largest set compared in the service (two replays on the main thread). */
export const MAX_COMPARE_EVENTS = 200_000;

function replayable(program: Program, field: string): Program {
  const blocking = blockingIssues(program, validateProgram(program));
  if (blocking.length > 0) throw new Failure(`${program.name} cannot be replayed: ${blocking[0]?.path ?? ''}: ${blocking[0]?.message ?? ''}`, field);
  return program;
}

/** The two programs and the events of a comparison, each refused naming its argument. */
export function compareSides(ctx: ServiceContext, { programId, eventSetId, against }: ParsedArgsOf<'programs.compare'>): { a: Program; b: Program; events: EventSet } {
  const a = replayable(requireProgram(ctx, programId), 'programId');
  let b: Program;
  if ('programId' in against) b = replayable(requireProgram(ctx, against.programId), 'against.programId');
  else {
    const ms = parseInstant(against.asOf);
    if (ms === null) throw new Failure(`"${against.asOf}" is not an instant such as 2026-03-01T00:00:00Z`, 'against.asOf');
    // saved_at is written by toISOString: compare in the same form.
    const then = programAsOf(ctx.db, programId, new Date(ms).toISOString());
    if (!then) throw new Failure(`program "${programId}" does not exist`, 'programId');
    b = replayable({ ...then.program, name: `${a.name} as of ${against.asOf}` }, 'against.asOf');
  }
  const summary = getEventSetSummary(ctx.db, eventSetId);
  if (!summary) throw new Failure(`event set "${eventSetId}" does not exist`, 'eventSetId');
  if (summary.eventCount > MAX_COMPARE_EVENTS) {
    throw new Failure(`has ${summary.eventCount} events; the app compares sets of up to ${MAX_COMPARE_EVENTS} (use offerflow compare for bigger ones)`, 'eventSetId');
  }
  const events = loadEventSet(ctx.db, eventSetId);
  if (!events) throw new Failure(`event set "${eventSetId}" does not exist`, 'eventSetId');
  return { a, b, events };
}

export function programCompareHandlers(ctx: ServiceContext): Pick<Handlers, 'programs.compare' | 'programs.compareTraces'> {
  return {
    'programs.compare': (args) => {
      const { a, b, events } = compareSides(ctx, args);
      return compare({ program: a, report: replay(a, events) }, { program: b, report: replay(b, events) });
    },
    'programs.compareTraces': ({ aTriggerId, bTriggerId, ...args }) => {
      if (aTriggerId === undefined && bTriggerId === undefined) throw new Failure('name the trigger of A or of B', 'aTriggerId');
      return compareTraces(compareSides(ctx, args), { a: aTriggerId ?? null, b: bTriggerId ?? null });
    },
  };
}

import type { Program } from '../formats/program-schema';
import type { EventSet } from '../formats/events-schema';
import type { Report } from '../formats/report';
import type { ReplayOptions } from './options';

/** Replays an event set against a program (ENGINE.md §5). Work in progress. */
export function replay(program: Program, events: EventSet, options: ReplayOptions = {}): Report {
  void program;
  void events;
  void options;
  throw new Error('replay: not implemented yet');
}

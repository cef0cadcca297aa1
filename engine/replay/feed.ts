/**
 * A replay fed its events one at a time, already in processing order, with the as-of moment
 * known beforehand: the streamed JSON Lines replay reads a file once to check it and learn its
 * moments, then again to feed each event as it is parsed, so neither the events nor (with
 * `onRewards` and `keepRewards: false`) the ledger are ever held whole.
 */
import type { EventInput, EventSet } from '../formats/events-schema';
import type { Program } from '../formats/program-schema';
import type { Report } from '../formats/report';
import type { RewardLedger } from './ledger';
import type { ReplayOptions } from './options';
import { EventCursor, eventIdOf, instantOr } from './prepare';
import { asOfOf, ReplayLoop, Replayer } from './replay';

/** What the first reading of the events told: how many, and the last moment (ms) in processing order. */
export interface FeedPlan {
  readonly total: number;
  readonly lastMomentMs: number;
}

/** Feeds events to a replay; `finish` gives the same report `replayToLedger` gives for the whole set. */
export class EventFeed {
  private readonly loop: ReplayLoop;
  private readonly cursor = new EventCursor();

  constructor(program: Program, plan: FeedPlan, options: ReplayOptions, hasExpectations: boolean) {
    if (options.stopAfterTraced) throw new Error('a fed replay does not stop after traced events');
    this.loop = new ReplayLoop(new Replayer(program, asOfOf(options, plan.lastMomentMs), options), options, plan.total, hasExpectations);
  }

  /** The event at file position `index` (0-based); events must come in processing order. */
  push(e: EventInput, index: number, momentMs: number): void {
    const c = this.cursor;
    c.index = index;
    c.id = eventIdOf(e, index);
    c.atMs = instantOr(e.at, 0);
    c.momentMs = momentMs;
    c.input = e;
    this.loop.step(c);
  }

  finish(header: Pick<EventSet, 'expect'>): { report: Report; ledger: RewardLedger } {
    return this.loop.finish(header, false);
  }
}

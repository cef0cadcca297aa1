/**
 * The replay loop (ENGINE.md §5): for each event in order of receipt, apply it, walk its event
 * type's evaluation order (rules see changes earlier triggers made), run actions, then the
 * queued `partner.joined_group` cascades first in first out. Each source event is atomic: a
 * cascade loop (more than 32 cascaded events) rolls all of it back and rejects it.
 */
import type { TriggerEvent } from '../catalogue';
import type { EventSet } from '../formats/events-schema';
import type { Program } from '../formats/program-schema';
import { REPORT_FORMAT, type EventTrace, type Report, type RejectedRow, type TriggerTrace } from '../formats/report';
import { formatInstant, parseInstant, Zone } from '../time';
import { runAction, type ActionEnv, type Outputs } from './actions';
import { applyEvent, newApplied, newPartner, resolveDefs, undoApply, type ApplyEnv } from './apply';
import { SlotRegistry } from './compile';
import { compileTriggers, dispatchers, ratesOf, type CompiledTrigger, type Dispatcher } from './compiled';
import type { ReplayCheckpoint } from './checkpoint';
import { checkExpectations } from './expectations';
import { KeySet } from './key-set';
import { RewardLedger } from './ledger';
import { ReplayCancelled, type ReplayOptions } from './options';
import { EventCursor, PreparedEvents, type PreparedEvent } from './prepare';
import { emptyContext, type EvalContext, type PartnerState, type World } from './state';

/** More cascaded `partner.joined_group` events than this from one source event is a loop. */
export const MAX_CASCADE = 32;

/** One replay's state and loop body; `step` processes one file event with its cascades. */
export class Replayer {
  private readonly zone: Zone;
  private readonly slots: SlotRegistry;
  private readonly triggers: Record<TriggerEvent, CompiledTrigger[]>;
  private readonly dispatch: Record<TriggerEvent, Dispatcher>;
  private firing: { list: CompiledTrigger[]; eventId: string } = { list: [], eventId: '' };
  private readonly fire = (k: number): void => {
    runAction((this.firing.list[k] as CompiledTrigger).trigger, this.ctx, this.firing.eventId, this.actionEnv, false);
  };
  private readonly env: ApplyEnv;
  private readonly actionEnv: ActionEnv;
  private readonly out: Outputs;
  /** Rows of the ledger already handed to `onRewards`. */
  private handedOver = 0;
  private readonly rejected: RejectedRow[] = [];
  private readonly traces: EventTrace[] = [];
  private readonly journal: (() => void)[] = [];
  private readonly queue: PartnerState[] = [];
  private readonly ctx: EvalContext = emptyContext();
  private readonly applied = newApplied();
  private readonly mark = { rewards: 0, groups: 0, tags: 0, traces: 0 };
  private seq = 0;

  constructor(
    private readonly program: Program,
    asOfMs: number,
    private readonly options: ReplayOptions,
  ) {
    this.zone = new Zone(program.timeZone);
    this.slots = new SlotRegistry(this.zone);
    this.triggers = compileTriggers(program, this.slots, this.zone);
    this.dispatch = dispatchers(this.triggers);
    const world: World = {
      partners: new Map(),
      customers: new Map(),
      transactions: new KeySet(),
      actions: new KeySet(),
      deals: new Map(),
      leads: new Map(),
      partnerSlotCount: this.slots.partner.length,
      customerSlotCount: this.slots.customer.length,
    };
    const rates = ratesOf(program);
    this.out = { rewards: new RewardLedger(this.zone, rates), groupChanges: [], tagsApplied: [] };
    this.env = {
      zone: this.zone,
      world,
      slots: this.slots,
      rates,
      groups: new Set(program.groups.map((g) => g.key)),
      tiers: new Set(program.tiers.map((t) => t.key)),
      tags: new Set(program.tags.map((t) => t.key)),
      partnerList: [],
      defs: resolveDefs(this.slots),
    };
    for (const p of program.partners) newPartner(this.env, p.key, p.name, p.group, p.tier, p.tags, parseInstant(p.joinedAt) as number);
    this.actionEnv = { zone: this.zone, asOfMs, out: this.out, journal: this.journal, queueJoinedGroup: (p) => this.queue.push(p) };
  }

  private tracing(ev: PreparedEvent): boolean {
    return this.options.trace === true || (this.options.traceEventIds?.has(ev.id) ?? false);
  }

  private resetContext(momentMs: number): EvalContext {
    const ctx = this.ctx;
    ctx.seq = ++this.seq;
    ctx.momentMs = momentMs;
    ctx.partner = ctx.customer = null;
    ctx.transaction = ctx.action = ctx.deal = ctx.lead = null;
    return ctx;
  }

  /** Walks one event type's evaluation order for the current context. */
  private evaluate(event: TriggerEvent, eventId: string, trace: TriggerTrace[] | null): void {
    const list = this.triggers[event];
    const ctx = this.ctx;
    if (!trace) {
      this.firing.list = list;
      this.firing.eventId = eventId;
      this.dispatch[event](ctx, this.fire);
      return;
    }
    for (let k = 0; k < list.length; k++) {
      const ct = list[k] as CompiledTrigger;
      const t = ct.trigger;
      if (!ct.active || ctx.momentMs < ct.activatedMs) {
        const reason = !ct.active ? `the trigger is ${t.status === 'draft' ? 'a draft' : 'inactive'}` : `not active yet: activated at ${t.activatedAt} (no retroactive rewards)`;
        trace.push({ triggerId: t.id, triggerVersion: t.version ?? 1, verdict: 'skipped', reason, rules: null });
        continue;
      }
      const rulesTrace = ct.rules ? ct.rules.explain(ctx) : null;
      const pass = ct.rules === null || (rulesTrace ? rulesTrace.result : ct.rules.test(ctx));
      if (!pass) {
        trace.push({ triggerId: t.id, triggerVersion: t.version ?? 1, verdict: 'failed', reason: 'the rules did not pass', rules: rulesTrace });
        continue;
      }
      const outcome = runAction(t, ctx, eventId, this.actionEnv, true);
      trace.push({ triggerId: t.id, triggerVersion: t.version ?? 1, verdict: 'passed', reason: ct.rules ? 'the rules passed' : 'no rules: always passes', rules: rulesTrace, outcome });
    }
  }

  private eventTrace(ev: PreparedEvent, type: string, partner: PartnerState | null, applied: string, cascadeOf?: string): EventTrace {
    const t: EventTrace = { eventId: ev.id, index: ev.index, type, moment: formatInstant(ev.momentMs), partnerKey: partner?.key ?? null, applied, triggers: [] };
    if (cascadeOf !== undefined) t.cascadeOf = cascadeOf;
    return t;
  }

  /** Processes one file event with its cascades, atomically. */
  step(ev: PreparedEvent): void {
    const traced = this.tracing(ev);
    const ctx = this.resetContext(ev.momentMs);
    const mark = this.mark;
    mark.rewards = this.out.rewards.length;
    mark.groups = this.out.groupChanges.length;
    mark.tags = this.out.tagsApplied.length;
    mark.traces = this.traces.length;
    const sourceSeq = ctx.seq;
    this.journal.length = 0;
    this.queue.length = 0;
    const applied = applyEvent(ev, ctx, this.env, this.applied, traced);
    if (applied.rejected !== null) {
      this.rejected.push({ eventId: ev.id, index: ev.index, message: applied.rejected });
      if (traced) this.traces.push(this.eventTrace(ev, ev.input.type, null, `rejected: ${applied.rejected}`));
      return;
    }
    const partner = ctx.partner;
    const trace = traced ? this.eventTrace(ev, ev.input.type, partner, applied.note) : null;
    if (trace) this.traces.push(trace);
    if (applied.moved && partner) {
      this.out.groupChanges.push({ partnerKey: partner.key, from: applied.movedFrom, to: partner.group as string, triggerId: null, eventId: ev.id, at: formatInstant(ev.momentMs) });
      this.queue.push(partner);
    }
    if (applied.fires && partner) this.evaluate(applied.fires, ev.id, trace ? trace.triggers : null);
    let cascades = 0;
    for (let q = 0; q < this.queue.length; q++) {
      if (++cascades > MAX_CASCADE) {
        this.rollback(() => undoApply(applied, this.env, sourceSeq), mark);
        const message = `cascade loop: more than ${MAX_CASCADE} partner.joined_group events followed this event; it was rolled back`;
        this.rejected.push({ eventId: ev.id, index: ev.index, message });
        if (traced) this.traces.push(this.eventTrace(ev, ev.input.type, partner, `rejected: ${message}`));
        return;
      }
      const p = this.queue[q] as PartnerState;
      const c = this.resetContext(ev.momentMs);
      c.partner = p;
      const ct = traced ? this.eventTrace(ev, 'partner.joined_group', p, `${p.key} joined ${p.group ?? 'no group'}`, ev.id) : null;
      if (ct) this.traces.push(ct);
      this.evaluate('partner.joined_group', ev.id, ct ? ct.triggers : null);
    }
  }

  private rollback(undoApply: () => void, mark: { rewards: number; groups: number; tags: number; traces: number }): void {
    for (let i = this.journal.length - 1; i >= 0; i--) (this.journal[i] as () => void)();
    undoApply();
    this.out.rewards.truncate(mark.rewards);
    this.out.groupChanges.length = mark.groups;
    this.out.tagsApplied.length = mark.tags;
    this.traces.length = mark.traces;
  }

  /**
   * Hands the rows made since the last call to `onRewards` (only between source events, so no
   * rollback can take them back); drops them when they need not be kept.
   */
  /** The state now (between source events), sharing the live objects: clone it before going on. */
  snapshot(position: number): ReplayCheckpoint {
    return { position, world: this.env.world, partnerList: this.env.partnerList, seq: this.seq, rewardsBefore: this.out.rewards.base + this.out.rewards.length };
  }

  /** Takes over a checkpoint's state (a fresh replayer, before its first step). */
  adopt(c: ReplayCheckpoint): void {
    Object.assign(this.env.world, c.world);
    this.env.partnerList.length = 0;
    for (const p of c.partnerList) this.env.partnerList.push(p);
    this.seq = c.seq;
    this.out.rewards.base = c.rewardsBefore;
  }

  flushRewards(keep: boolean): void {
    const sink = this.options.onRewards;
    if (!sink) return;
    const ledger = this.out.rewards;
    if (ledger.length > this.handedOver) sink(ledger.rows(this.handedOver), ledger.base + this.handedOver);
    if (keep) {
      this.handedOver = ledger.length;
      return;
    }
    ledger.drop();
    this.handedOver = 0;
  }

  /**
   * The report; its `rewards` are the ledger's rows when `rows` (or when expectations need
   * them), else empty — the caller reads them from `ledger`.
   */
  report(eventSet: Pick<EventSet, 'expect'>, rows: boolean): { report: Report; ledger: RewardLedger } {
    const partners = this.env.partnerList.map((p) => ({ key: p.key, group: p.group, tier: p.tier, tags: [...p.tags] }));
    const ledger = this.out.rewards;
    const rewards = rows || eventSet.expect !== undefined ? ledger.rows() : [];
    const expectations = checkExpectations(eventSet.expect, { rewards, partners, rejected: this.rejected });
    const report: Report = {
      format: REPORT_FORMAT,
      rewards: rows ? rewards : [],
      groupChanges: this.out.groupChanges,
      tagsApplied: this.out.tagsApplied,
      partners,
      rejected: this.rejected,
      expectations,
    };
    if (this.options.trace || this.options.traceEventIds) report.trace = this.traces;
    return { report, ledger };
  }
}

/** The as-of moment: the option, else the last event's moment (or now-less epoch 0 when empty). */
export function asOfOf(options: ReplayOptions, lastMomentMs: number): number {
  if (options.asOf !== undefined) {
    const v = parseInstant(options.asOf);
    if (v === null) throw new RangeError(`--as-of "${options.asOf}" is not an ISO-8601 instant`);
    return v;
  }
  return lastMomentMs;
}

/**
 * Replays an event set and returns the report without its reward rows, and the compact ledger
 * that holds them (`ledger.row(i)` formats one). The ledger holds every row unless they were
 * streamed out with `onRewards` and `keepRewards: false`.
 */
export function replayToLedger(program: Program, eventSet: EventSet, options: ReplayOptions = {}): { report: Report; ledger: RewardLedger } {
  return run(program, eventSet, options, false);
}

/**
 * Replays an event set against a program and returns the report. Pure and deterministic: the
 * same inputs give the same report. The program must be valid (see `blockingIssues`).
 */
export function replay(program: Program, eventSet: EventSet, options: ReplayOptions = {}): Report {
  return run(program, eventSet, options, true).report;
}

function run(program: Program, eventSet: EventSet, options: ReplayOptions, rows: boolean): { report: Report; ledger: RewardLedger } {
  const prepared = new PreparedEvents(eventSet.events, options.instants);
  const cursor = new EventCursor();
  const total = prepared.length;
  const r = new Replayer(program, asOfOf(options, prepared.lastMoment()), options);
  const end = options.stopAfterTraced && options.traceEventIds ? prepared.lastPositionOf(options.traceEventIds) + 1 : total;
  const resume = options.resumeFrom ?? (end > 0 && options.stopAfterTraced ? options.checkpointFor?.(end - 1) : null) ?? null;
  const from = resume?.position ?? 0;
  if (resume) r.adopt(resume);
  const loop = new ReplayLoop(r, options, total, eventSet.expect !== undefined, from);
  for (let i = from; i < end; i++) loop.step(prepared.at(i, cursor));
  return loop.finish(eventSet, rows);
}

/**
 * The loop around `Replayer.step`: hands final rows to `onRewards`, reports progress and checks
 * for cancellation every `progressEvery` events. Shared by the replay of a whole event set and
 * the one fed event by event (feed.ts).
 */
export class ReplayLoop {
  private readonly every: number;
  private readonly keep: boolean;

  constructor(
    private readonly r: Replayer,
    private readonly options: ReplayOptions,
    private readonly total: number,
    hasExpectations: boolean,
    private done = 0,
  ) {
    this.every = Math.max(1, options.progressEvery ?? 10_000);
    this.keep = options.keepRewards !== false || hasExpectations;
  }

  step(ev: PreparedEvent): void {
    this.r.step(ev);
    if (++this.done % this.every === 0) {
      this.r.flushRewards(this.keep);
      this.options.onProgress?.(this.done, this.total);
      if (this.options.shouldCancel?.()) throw new ReplayCancelled(this.done);
    }
    const cp = this.options.checkpointEvery;
    if (cp !== undefined && this.done % cp === 0 && this.done < this.total) this.options.onCheckpoint?.(this.r.snapshot(this.done));
  }

  /** The last rows handed over, the last progress, and the report (rows in it when `rows` and kept). */
  finish(eventSet: Pick<EventSet, 'expect'>, rows: boolean): { report: Report; ledger: RewardLedger } {
    this.r.flushRewards(this.keep);
    this.options.onProgress?.(this.done, this.total);
    return this.r.report(eventSet, rows && this.keep);
  }
}

/**
 * Expectations in the app: read and replace an event set's `expect` block, and turn a finished
 * run into one ("Save this run as the expected result").
 */
import { ExpectSchema, type Expectations, type ExpectedReward } from '../../engine/formats/events-schema';
import type { Handlers } from '../contract';
import { Failure, parseArg } from '../failure';
import { getEventSetExpect, getRunResult, getEventSetSummary, iterateLedger, setEventSetExpect } from '../store';
import type { ServiceContext } from './context';
import { requireRun } from './replay';

/** More rewards than this make an expect block nobody can read or review; partners and rejections still fit. */
export const MAX_EXPECTED_REWARDS = 20_000;

type Channels = 'eventSets.expectations' | 'eventSets.setExpectations' | 'replay.saveAsExpected';

export function expectationHandlers(ctx: ServiceContext): Pick<Handlers, Channels> {
  return {
    'eventSets.expectations': ({ eventSetId }) => {
      const expect = getEventSetExpect(ctx.db, eventSetId);
      if (expect === undefined) throw new Failure(`event set "${eventSetId}" does not exist`, 'eventSetId');
      return { expect };
    },
    'eventSets.setExpectations': ({ eventSetId, expect }) => {
      const parsed = expect === null ? null : parseArg(ExpectSchema, expect, 'expect');
      const set = setEventSetExpect(ctx.db, eventSetId, parsed);
      if (!set) throw new Failure(`event set "${eventSetId}" does not exist`, 'eventSetId');
      return set;
    },
    'replay.saveAsExpected': ({ runId, rewards, partners, rejected }) => {
      const run = requireRun(ctx, runId);
      if (run.status !== 'done') throw new Failure(`run "${runId}" is ${run.status}; only a finished run can become the expected result`, 'runId');
      if (!getEventSetSummary(ctx.db, run.eventSetId)) throw new Failure(`the event set of run "${runId}" was deleted`, 'runId');
      if (rewards && run.rewardCount > MAX_EXPECTED_REWARDS) {
        throw new Failure(`the run has ${run.rewardCount} rewards, more than ${MAX_EXPECTED_REWARDS} can be kept as expectations; save partners or rejected events only`, 'rewards');
      }
      const result = getRunResult(ctx.db, runId);
      if (!result) throw new Failure(`run "${runId}" does not exist`, 'runId');
      const expect: Expectations = {};
      if (rewards) {
        const rows: ExpectedReward[] = [];
        for (const r of iterateLedger(ctx.db, { runId, sort: 'id', desc: false })) {
          rows.push({ partnerKey: r.partnerKey, triggerId: r.triggerId, eventId: r.eventId, amount: r.amount, currency: r.currency, kind: r.kind, dueAt: r.dueAt });
        }
        expect.rewards = rows;
        expect.exactRewards = true;
      }
      if (partners) expect.partners = result.partners.map((p) => ({ key: p.key, group: p.group, tier: p.tier, tags: [...p.tags] }));
      if (rejected) expect.rejected = result.rejected.map((r) => r.eventId);
      // The same schema an imported file meets, so what is saved can be imported back.
      const checked = parseArg(ExpectSchema, expect, 'expect');
      const eventSet = setEventSetExpect(ctx.db, run.eventSetId, checked);
      if (!eventSet) throw new Failure(`the event set of run "${runId}" was deleted`, 'runId');
      return { eventSet, expect: checked };
    },
  };
}

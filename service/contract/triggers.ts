/**
 * Contract area: a program's triggers (drafts, versions, lifecycle, evaluation order) and the
 * previews the editor shows beside them (offer visibility, drip schedules). Merged into the one
 * contract table by `service/contract.ts`.
 */
import { z } from 'zod';
import { TRIGGER_EVENTS } from '../../engine/catalogue';
import type { Trigger } from '../../engine/formats/program-schema';
import type { VisibilityReport } from '../../engine/visibility';
import type { DripOccurrence } from '../../engine/drip';
import type { ProgramDoc } from './programs';
import { Deleted, Id, Json, Key, Short, TriggerRef, outline, type ContractEntry } from './common';

export interface TriggerVersion {
  version: number;
  savedAt: string;
  trigger: Trigger;
}

const SavedTrigger = outline<Trigger>('id', 'name', 'event', 'status');

export const triggerChannels = {
  /**
   * Creates a draft from `trigger` (parsed with the program schema, errors under `trigger.`);
   * the id is generated when absent. Refused when the id is taken or the status is not draft.
   * Answers the trigger as saved (version 1).
   */
  'triggers.create': { args: z.strictObject({ programId: Id, trigger: Json }), result: SavedTrigger },
  /**
   * Saves `trigger` as the next version of `triggerId`. Refused when the id changes, when a
   * locked field (event, rules, action type) of a non-draft changes, when an activated trigger
   * would become a draft, or when the program would become invalid.
   */
  'triggers.update': { args: z.strictObject({ programId: Id, triggerId: Id, trigger: Json }), result: SavedTrigger },
  /**
   * Activates a complete trigger (refused, with its problems, when it is not). `activatedAt` is
   * when it starts to fire (no retroactive rewards): absent = now, as on the live platform;
   * null = since always, so a replay of a historical event set sees it; an ISO instant = from
   * then on. An active trigger is answered as it is.
   */
  'triggers.activate': {
    args: z.strictObject({ programId: Id, triggerId: Id, activatedAt: Short.nullable().optional() }),
    result: SavedTrigger,
  },
  /** Makes an active trigger inactive (it stops firing); refused for a draft. */
  'triggers.deactivate': { args: TriggerRef, result: SavedTrigger },
  /** Copies a trigger as a new draft named "<name> (copy)" under a free id; answers the copy. */
  'triggers.duplicate': { args: TriggerRef, result: SavedTrigger },
  /** Deletes a trigger with its versions and its place in the evaluation orders; refused when there is none. */
  'triggers.delete': { args: TriggerRef, result: Deleted },
  /** Every saved version of a trigger, newest first. */
  'triggers.versions': { args: TriggerRef, result: z.array(outline<TriggerVersion>('version', 'savedAt', 'trigger')) },
  /**
   * Sets the evaluation order of the triggers listening to `event`. Refused, naming
   * `order[i]`, for an unknown trigger, one of another event, or one listed twice.
   */
  'triggers.reorder': { args: z.strictObject({ programId: Id, event: z.enum(TRIGGER_EVENTS), order: z.array(Id) }), result: outline<ProgramDoc>('id', 'program', 'issues') },

  /** Which offers each partner sees (or only `partnerKey`, refused when unknown), and why others are hidden. */
  'visibility.get': { args: z.strictObject({ programId: Id, partnerKey: Key.optional() }), result: outline<VisibilityReport>('format', 'offers', 'partners') },
  /**
   * The payments a drip action would make for an example event at `exampleAt` (with
   * `exampleAmount` in `exampleCurrency` for a percentage offer), and a one-line summary.
   * `drip` and `offer` are the editor's unsaved values; a problem names `drip.<path>` or
   * `offer.<field>`; `asOf` (default `exampleAt`) is the moment the schedule is seen from.
   * Refused when the program has no FX rate for the currency.
   */
  'drip.preview': {
    args: z.strictObject({
      programId: Id,
      drip: Json,
      offer: Json,
      exampleAt: Short,
      exampleAmount: Short.optional(),
      exampleCurrency: Short.optional(),
      asOf: Short.optional(),
    }),
    result: z.object({ occurrences: z.array(outline<DripOccurrence>('occurrence', 'occurrences', 'dueAt', 'amount', 'currency')), summary: z.string() }),
  },
} satisfies Record<string, ContractEntry>;

/**
 * The one service contract: every call the UI can make, declared once as channel → argument
 * schema (zod) → result schema. The Electron main process (IPC), the preload bridge, the local
 * HTTP host and the renderer's client are all typed from this table, so a channel missing in
 * any of them is a compile error. Expected failures are values (`{ ok: false, error }`) whose
 * message names the field or line; exceptions are bugs.
 *
 * The channels are declared by area in `service/contract/<area>.ts` (each entry with its TSDoc:
 * what it does, its arguments, what it answers or refuses) and merged here; everything else
 * imports the contract from this file only. A new channel goes in its area's file.
 */
import type { z } from 'zod';
import { zodIssues } from '../engine/formats/zod-issues';
import { ImportText, type ContractEntry, type Result } from './contract/common';
import { programChannels } from './contract/programs';
import { triggerChannels } from './contract/triggers';
import { eventSetChannels } from './contract/event-sets';
import { runChannels } from './contract/runs';
import { resultChannels } from './contract/results';
import { importChannels } from './contract/imports';

export type { ContractEntry, Result, ServiceError } from './contract/common';
export * from './contract/programs';
export * from './contract/triggers';
export * from './contract/event-sets';
export * from './contract/runs';
export * from './contract/results';
export type { CompareTraceEvent, CompareTraces, ImportCommitted, ImportDraft, ImportDraftFile, ImportPreview, ImportSource } from './contract-imports';

/** The areas, each a table of channels; no channel is declared in two (contract.test.ts). */
export const CONTRACT_AREAS = { programChannels, triggerChannels, eventSetChannels, runChannels, resultChannels, importChannels } as const;

/**
 * The contract table. `args` parses the call's argument; `result` is the schema the answer
 * meets (see `service/contract/common.ts` for how deep each checks). Program-shaped values
 * (triggers, partners, settings) are parsed by the engine's schemas in the handlers, so their
 * errors name JSON paths.
 */
export const contract = {
  ...programChannels,
  ...triggerChannels,
  ...eventSetChannels,
  ...runChannels,
  ...resultChannels,
  ...importChannels,
} satisfies Record<string, ContractEntry>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
/**
 * A channel's answer type: its result schema's output, read by indexed access rather than
 * `z.output` (a conditional type), so a generic `ResultOf<C>` stays an index TypeScript can relate.
 */
export type ResultOf<C extends Channel> = Contract[C]['result']['_zod']['output'];

/** Every channel, for the preload and the host to expose exactly these. */
export const CHANNELS = Object.keys(contract) as Channel[];

/**
 * The channels whose arguments carry a whole file's text (`text: ImportText`): only these may
 * send bodies past the ordinary call limit, and their JSON is depth-checked before it is parsed.
 * Read off the schemas, so a new import channel cannot be forgotten in either place.
 */
export const FILE_CHANNELS: ReadonlySet<Channel> = new Set(
  CHANNELS.filter((c) => {
    const shape = (contract[c].args as { shape?: Record<string, unknown> }).shape;
    return shape?.text === ImportText;
  }),
);

/** What a transport tells a handler about the call besides its arguments. */
export interface CallContext {
  /** Aborted when the caller is gone (the HTTP client disconnected before the answer). */
  signal?: AbortSignal;
}

/** The server side: one handler per channel, receiving parsed arguments. */
export type Handlers = { [C in Channel]: (args: ParsedArgsOf<C>, call?: CallContext) => Promise<ResultOf<C>> | ResultOf<C> };

/**
 * The client side: what the renderer calls, whatever the transport. `send('programs.get',
 * { programId })` takes only a contract channel and that channel's arguments, and answers that
 * channel's `Result`, so no call site casts.
 */
export interface ServiceClient {
  send<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>>;
}

export function isChannel(x: unknown): x is Channel {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(contract, x);
}

/** One call as a transport makes it (IPC, HTTP, a test's fake): its answer as it arrived, unread. */
export type Transport = <C extends Channel>(channel: C, args: ArgsOf<C>) => Promise<unknown>;

/** An answer that does not meet its channel's result schema: a bug in the handler or the contract. */
export class ContractMismatch extends Error {
  constructor(
    readonly channel: string,
    /** Where in the answer, as a JSON path (`[0].name`, `(root)`). */
    readonly path: string,
    problem: string,
  ) {
    super(`${channel} answered a value that does not meet its result schema, at ${path}: ${problem}`);
    this.name = 'ContractMismatch';
  }
}

/** Throws `ContractMismatch` naming the channel and the JSON path when `value` does not meet `channel`'s result schema. */
export function checkResult(channel: Channel, value: unknown): void {
  const r = contract[channel].result.safeParse(value);
  if (r.success) return;
  const first = zodIssues(r.error)[0];
  throw new ContractMismatch(channel, first?.path ?? '(root)', first?.message ?? 'is not the expected value');
}

function isResult(x: unknown): x is Result<unknown> {
  if (typeof x !== 'object' || x === null || !('ok' in x)) return false;
  if (x.ok === true) return true;
  return x.ok === false && 'error' in x && typeof x.error === 'object' && x.error !== null && 'message' in x.error && typeof x.error.message === 'string';
}

export interface ContractClientOptions {
  /**
   * Check every successful answer against its channel's result schema (`checkResult`); a
   * mismatch rejects the call with a `ContractMismatch`. Development builds and tests turn it
   * on; production builds leave it off, because parsing costs time on the big answers (ledger
   * pages, traces, event pages) and a wrong shape is a bug the tests are there to catch.
   */
  checkResults: boolean;
}

/**
 * The typed client over a transport: the one place a transport's raw answer becomes the
 * channel's `Result`. Something that is not a `Result` at all becomes an error value naming the
 * channel, in every build (a cheap check, and a view must never read `undefined.ok`).
 */
export function contractClient(transport: Transport, options: ContractClientOptions): ServiceClient {
  return {
    async send<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>> {
      const answer = await transport(channel, args);
      if (!isResult(answer)) return { ok: false, error: { message: `${channel}: the service answered something that is not a result ({ ok, value } or { ok: false, error })` } };
      if (answer.ok && options.checkResults) checkResult(channel, answer.value);
      // The answer is what the channel's handler returned (checked above when checks are on);
      // the dispatcher is typed by `Handlers`, so this is the one place the type is taken on trust.
      return answer as Result<ResultOf<C>>;
    },
  };
}

// The engine types the contract's answers are made of, for callers that name them.
export type { RewardRow, RewardStatus } from '../engine/formats/report';
export type { Trigger, Partner, DripSettings, Offer } from '../engine/formats/program-schema';

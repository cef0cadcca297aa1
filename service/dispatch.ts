/**
 * The one dispatcher both transports use (Electron IPC and the HTTP host): it refuses unknown
 * channels, parses the arguments with the contract's schema (the error names the field), calls
 * the handler and returns a `Result`. Unexpected exceptions become an "internal error" value
 * so a transport never crashes, and are logged because they are bugs.
 */
import { formatPath } from '../engine/formats/issues';
import { zodIssues } from '../engine/formats/zod-issues';
import { contract, isChannel, type CallContext, type Channel, type Handlers, type Result, type ResultOf } from './contract';
import { Failure } from './failure';
import { guardArgs } from './guards';
import { safeLog } from './log';
import { StoreProblem, storeErrorSentence } from './store/errors';

export { BUSY_MESSAGE } from './store/errors';

/** `signal`: aborted when the caller is gone (a transport that can tell passes it). */
export type Dispatch = (channel: string, args: unknown, signal?: AbortSignal) => Promise<Result<unknown>>;

/** Parses one call's arguments; a Failure names the first bad field. */
export function parseArgs<C extends Channel>(channel: C, args: unknown): Parameters<Handlers[C]>[0] {
  const r = contract[channel].args.safeParse(args ?? {});
  if (r.success) return r.data as Parameters<Handlers[C]>[0];
  const issues = zodIssues(r.error);
  const first = r.error.issues[0];
  const field = first ? formatPath(first.path) : '';
  const message = first ? `${field === '(root)' ? 'arguments' : field} ${issues[0]?.message ?? first.message}` : 'invalid arguments';
  throw new Failure(message, field === '(root)' ? undefined : field, issues);
}

async function call<C extends Channel>(handlers: Handlers, channel: C, args: unknown, signal: AbortSignal | undefined): Promise<ResultOf<C>> {
  // Iterative depth checks first: the schemas recurse and must never see a stack-busting value.
  guardArgs(channel, args);
  const parsed = parseArgs(channel, args);
  const handler = handlers[channel] as (a: typeof parsed, c: CallContext) => Promise<ResultOf<C>> | ResultOf<C>;
  return handler(parsed, signal ? { signal } : {});
}

/**
 * Makes the dispatcher for a handler map. `explain` turns an expected store failure (busy, disk
 * full, read-only, a missing table…) into a sentence naming the file; anything else is logged.
 */
export function makeDispatch(handlers: Handlers, log: (e: unknown) => void = safeLog, explain: (e: unknown) => string | null = (e) => storeErrorSentence(e, 'the data file')): Dispatch {
  return async (channel, args, signal) => {
    if (!isChannel(channel)) return { ok: false, error: { message: `unknown channel "${channel}"`, field: 'channel' } };
    try {
      return { ok: true, value: await call(handlers, channel, args, signal) };
    } catch (e) {
      if (e instanceof Failure) return { ok: false, error: e.toError() };
      if (e instanceof StoreProblem) return { ok: false, error: { message: e.message } };
      // Another process holding the file past the busy timeout, a full disk: expected, not bugs.
      const sentence = explain(e);
      if (sentence !== null) return { ok: false, error: { message: sentence } };
      log(e);
      return { ok: false, error: { message: `internal error in ${channel}: ${e instanceof Error ? e.message : String(e)}` } };
    }
  };
}

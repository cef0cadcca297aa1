/**
 * Event sets: list, import (JSON or CSV by extension; nothing stored when invalid, cancelled, or
 * when the caller went away), imports as jobs (start, progress, cancel), delete.
 */
import type { EventSetSummary, Handlers, ImportJob } from '../contract';
import { Failure, failureFromIssues } from '../failure';
import { importEventSetJob } from '../replay/jobs';
import type { WorkerMessage } from '../replay/protocol';
import { deleteEventSet, listEventSets, newId, storeErrorSentence } from '../store';
import { requireProgram, type ServiceContext } from './context';

/** Above this many characters a file is parsed and stored in a worker, keeping the main thread free. */
export const WORKER_IMPORT_CHARS = 2_000_000;

function answer(fileName: string, m: WorkerMessage): EventSetSummary {
  if (m.type === 'imported') return m.summary;
  if (m.type === 'invalid') throw failureFromIssues(`${fileName} is not a valid event set`, m.issues);
  if (m.type === 'importCancelled') throw new Failure(`the import of ${fileName} was cancelled; nothing was stored`);
  throw new Error(`unexpected answer from the import: ${m.type}`);
}

/** Finished import jobs kept for their last progress call; older ones are forgotten. */
const KEPT_IMPORT_JOBS = 50;

interface Follow {
  signal?: AbortSignal | undefined;
  onProgress?: (m: WorkerMessage) => void;
}

/**
 * Imports one file: small ones inline, large ones in a worker. Cancelled (signal aborted: the
 * caller cancelled, or the client went away) means nothing is stored, whatever the moment.
 */
async function importFile(ctx: ServiceContext, args: { programId: string; fileName: string; text: string }, follow: Follow): Promise<EventSetSummary> {
  requireProgram(ctx, args.programId);
  const input = { eventSetId: newId('es'), ...args, now: ctx.now() };
  if (args.text.length > WORKER_IMPORT_CHARS) return answer(args.fileName, await ctx.runs.importEventSet(input, follow));
  const io = { post: (m: WorkerMessage) => follow.onProgress?.(m), cancelled: () => follow.signal?.aborted === true };
  return answer(args.fileName, importEventSetJob(ctx.db, input, io));
}

export function eventSetHandlers(ctx: ServiceContext): Pick<Handlers, 'eventSets.list' | 'eventSets.import' | 'eventSets.delete' | 'eventSets.importStart' | 'eventSets.importProgress' | 'eventSets.importCancel'> {
  const jobs = new Map<string, { job: ImportJob; stop: AbortController }>();
  const view = (importId: string): ImportJob => {
    const j = jobs.get(importId);
    if (!j) throw new Failure(`import "${importId}" does not exist (finished imports are kept for a while only)`, 'importId');
    return { ...j.job };
  };
  const forgetOld = (): void => {
    const ended = [...jobs].filter(([, j]) => j.job.status !== 'running');
    for (const [id] of ended.slice(0, Math.max(0, ended.length - KEPT_IMPORT_JOBS))) jobs.delete(id);
  };
  return {
    'eventSets.list': ({ programId }) => {
      requireProgram(ctx, programId);
      return listEventSets(ctx.db, programId);
    },
    'eventSets.import': async (args, call) => importFile(ctx, args, { signal: call?.signal }),
    'eventSets.importStart': (args) => {
      requireProgram(ctx, args.programId);
      const id = newId('imp');
      const stop = new AbortController();
      const job: ImportJob = { id, fileName: args.fileName, status: 'running', phase: 'parsing', stored: 0, total: 0 };
      jobs.set(id, { job, stop });
      const onProgress = (m: WorkerMessage): void => {
        // Progress only moves forward (a late parsing message after storing began is ignored).
        if (m.type === 'importProgress' && (m.phase === 'storing' || job.phase === 'parsing')) Object.assign(job, { phase: m.phase, stored: m.stored, total: m.total });
      };
      void importFile(ctx, args, { signal: stop.signal, onProgress }).then(
        (eventSet) => {
          Object.assign(job, { status: 'done', eventSet });
          forgetOld();
        },
        (e: unknown) => {
          if (stop.signal.aborted) Object.assign(job, { status: 'cancelled' });
          else if (e instanceof Failure) Object.assign(job, { status: 'failed', error: e.toError() });
          else Object.assign(job, { status: 'failed', error: { message: storeErrorSentence(e, ctx.db.name) ?? `internal error in the import: ${e instanceof Error ? e.message : String(e)}` } });
          forgetOld();
        },
      );
      return { importId: id };
    },
    'eventSets.importProgress': ({ importId }) => view(importId),
    'eventSets.importCancel': ({ importId }) => {
      view(importId);
      jobs.get(importId)?.stop.abort();
      return view(importId);
    },
    'eventSets.delete': ({ eventSetId }) => {
      if (!deleteEventSet(ctx.db, eventSetId)) throw new Failure(`event set "${eventSetId}" does not exist`, 'eventSetId');
      return { deleted: true as const };
    },
  };
}

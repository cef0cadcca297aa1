/** Event sets: list, import (JSON or CSV by extension; nothing stored when invalid), delete. */
import type { EventSetSummary, Handlers } from '../contract';
import { Failure, failureFromIssues } from '../failure';
import { importEventSetJob } from '../replay/jobs';
import type { WorkerMessage } from '../replay/protocol';
import { deleteEventSet, listEventSets, newId } from '../store';
import { requireProgram, type ServiceContext } from './context';

/** Above this many characters a file is parsed and stored in a worker, keeping the main thread free. */
export const WORKER_IMPORT_CHARS = 2_000_000;

function answer(fileName: string, m: WorkerMessage): EventSetSummary {
  if (m.type === 'imported') return m.summary;
  if (m.type === 'invalid') throw failureFromIssues(`${fileName} is not a valid event set`, m.issues);
  throw new Error(`unexpected answer from the import: ${m.type}`);
}

export function eventSetHandlers(ctx: ServiceContext): Pick<Handlers, 'eventSets.list' | 'eventSets.import' | 'eventSets.delete'> {
  return {
    'eventSets.list': ({ programId }) => {
      requireProgram(ctx, programId);
      return listEventSets(ctx.db, programId);
    },
    'eventSets.import': async ({ programId, fileName, text }) => {
      requireProgram(ctx, programId);
      const input = { eventSetId: newId('es'), programId, fileName, text, now: ctx.now() };
      if (text.length <= WORKER_IMPORT_CHARS) return answer(fileName, importEventSetJob(ctx.db, input));
      return answer(fileName, await ctx.runs.importEventSet(input));
    },
    'eventSets.delete': ({ eventSetId }) => {
      if (!deleteEventSet(ctx.db, eventSetId)) throw new Failure(`event set "${eventSetId}" does not exist`, 'eventSetId');
      return { deleted: true as const };
    },
  };
}

/** Event sets: list, import (JSON or CSV by extension; nothing stored when invalid), delete. */
import { parseEventSetText, tryParse } from '../../engine/formats/read';
import type { Handlers } from '../contract';
import { Failure, failureFromIssues } from '../failure';
import { deleteEventSet, insertEventSet, listEventSets, newId } from '../store';
import { requireProgram, type ServiceContext } from './context';

export function eventSetHandlers(ctx: ServiceContext): Pick<Handlers, 'eventSets.list' | 'eventSets.import' | 'eventSets.delete'> {
  return {
    'eventSets.list': ({ programId }) => {
      requireProgram(ctx, programId);
      return listEventSets(ctx.db, programId);
    },
    'eventSets.import': ({ programId, fileName, text }) => {
      requireProgram(ctx, programId);
      const parsed = tryParse(() => parseEventSetText(text, fileName));
      if (!parsed.ok) throw failureFromIssues(`${fileName} is not a valid event set`, parsed.issues);
      const set = parsed.value.name ? parsed.value : { ...parsed.value, name: fileName.replace(/\.(json|csv)$/i, '') };
      const source = /\.csv$/i.test(fileName) ? 'csv' : 'json';
      return insertEventSet(ctx.db, newId('es'), programId, set, source, ctx.now());
    },
    'eventSets.delete': ({ eventSetId }) => {
      if (!deleteEventSet(ctx.db, eventSetId)) throw new Failure(`event set "${eventSetId}" does not exist`, 'eventSetId');
      return { deleted: true as const };
    },
  };
}

/**
 * What the runs & event sets screen does to a kept run or set: name and annotate it (through the
 * annotate dialog), delete it after a confirm; each says what it changed (`dataChanged`), so every
 * list of runs or sets asks again.
 */
import { useState } from 'react';
import type { EventSetSummary, Result, RunSummary, ServiceError } from '@service/contract';
import { dataChanged, type DataChange } from '../client/query-cache';
import type { Annotating } from './annotate-dialog';
import { useSend } from './hooks';
import { useReadable } from './readable';
import { runLabel } from './run-compare';
import { deleteRunConfirm, deleteSetConfirm } from './runs-model';

/** A delete waiting for its confirm. */
export interface Deleting {
  title: string;
  text: string;
  run: () => Promise<void>;
}

export interface RunsActions {
  annotating: Annotating | null;
  deleting: Deleting | null;
  /** The last delete's refusal, shown above the lists. */
  error: string | null;
  clearError: () => void;
  annotateRun: (r: RunSummary, n: number) => void;
  annotateSet: (s: EventSetSummary) => void;
  askDeleteRun: (r: RunSummary, n: number) => void;
  askDeleteSet: (s: EventSetSummary) => void;
  closeAnnotate: () => void;
  cancelDelete: () => void;
  confirmDelete: () => void;
}

/** A save's refusal for the dialog to show, or null once the change is said. */
function saved(res: Result<unknown>, change: DataChange): ServiceError | null {
  if (!res.ok) return res.error;
  dataChanged(change);
  return null;
}

export function useRunsActions(): RunsActions {
  const n = useReadable();
  const send = useSend();
  const [annotating, setAnnotating] = useState<Annotating | null>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const [error, setError] = useState<string | null>(null);
  const del = async (p: Promise<Result<unknown>>, change: DataChange) => {
    const res = await p;
    setError(res.ok ? null : res.error.message);
    dataChanged(change);
  };
  return {
    annotating,
    deleting,
    error,
    clearError: () => setError(null),
    annotateRun: (r, num) =>
      setAnnotating({
        title: `Name and note of ${runLabel(r, num, (iso) => n.instant(iso))}`,
        name: r.name ?? '',
        note: r.note ?? '',
        nameRequired: false,
        save: async (name, note) => saved(await send('replay.annotate', { runId: r.id, name, note }), 'runs'),
      }),
    annotateSet: (s) =>
      setAnnotating({
        title: `Name and note of the event set “${s.name}”`,
        name: s.name,
        note: s.note ?? '',
        nameRequired: true,
        save: async (name, note) => saved(await send('eventSets.annotate', { eventSetId: s.id, name, note }), 'eventSets'),
      }),
    askDeleteRun: (r, num) => setDeleting({ ...deleteRunConfirm(r, num), run: () => del(send('replay.delete', { runId: r.id }), 'runs') }),
    askDeleteSet: (s) => setDeleting({ ...deleteSetConfirm(s), run: () => del(send('eventSets.delete', { eventSetId: s.id }), 'eventSets') }),
    closeAnnotate: () => setAnnotating(null),
    cancelDelete: () => setDeleting(null),
    confirmDelete: () => {
      const d = deleting;
      setDeleting(null);
      void d?.run();
    },
  };
}

/**
 * Starts a replay, polls its progress about five times a second until it ends, and cancels it.
 * The replay runs in the service's worker, so the window stays responsive meanwhile.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { runInProgress, type RunSummary, type ServiceError } from '@service/contract';
import { useSend } from './hooks';
import { useWorkbenchStore } from './workbench-store';

const POLL_MS = 200;

export interface ReplayRunner {
  run: RunSummary | null;
  error: ServiceError | null;
  start: (eventSetId: string, asOf?: string) => Promise<void>;
  cancel: () => Promise<void>;
  /** Follows a run that is already going (the view was left and opened again). */
  watch: (run: RunSummary) => void;
}

export function useReplayRunner(programId: string, onFinished: (run: RunSummary) => void): ReplayRunner {
  const send = useSend();
  const [run, setRunState] = useState<RunSummary | null>(null);
  const observeRuns = useWorkbenchStore((s) => s.observeRuns);
  const cancelRequested = useWorkbenchStore((s) => s.cancelRequested);
  // Every summary also feeds the run state machine, which all indicators read.
  const setRun = useCallback(
    (r: RunSummary) => {
      observeRuns([r]);
      setRunState(r);
    },
    [observeRuns],
  );
  const [error, setError] = useState<ServiceError | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const runId = run && runInProgress(run.status) ? run.id : null;

  usePollProgress(runId, setRun, setError, finished);

  const start = useCallback(
    async (eventSetId: string, asOf?: string) => {
      setError(null);
      const r = await send('replay.start', asOf ? { programId, eventSetId, asOf } : { programId, eventSetId });
      if (!r.ok) {
        setError(r.error);
        return;
      }
      const p = await send('replay.progress', { runId: r.value.runId });
      if (p.ok) {
        setRun(p.value);
        if (!runInProgress(p.value.status)) finished.current(p.value);
      } else setError(p.error);
    },
    [programId, send, setRun],
  );

  const cancel = useCallback(async () => {
    if (!runId) return;
    cancelRequested(runId);
    const r = await send('replay.cancel', { runId });
    if (!r.ok) setError(r.error);
    else {
      setRun(r.value);
      if (!runInProgress(r.value.status)) finished.current(r.value);
    }
  }, [runId, send, setRun, cancelRequested]);

  const watch = useCallback((r: RunSummary) => setRun(r), [setRun]);

  return { run, error, start, cancel, watch };
}

/** Follows the going run: asks for its progress every POLL_MS until it ends, then says so. */
function usePollProgress(runId: string | null, setRun: (r: RunSummary) => void, setError: (e: ServiceError) => void, finished: { current: (run: RunSummary) => void }) {
  const send = useSend();
  useEffect(() => {
    if (!runId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const r = await send('replay.progress', { runId });
      if (!live) return;
      if (!r.ok) {
        setError(r.error);
        return;
      }
      setRun(r.value);
      if (runInProgress(r.value.status)) timer = setTimeout(() => void poll(), POLL_MS);
      else finished.current(r.value);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runId, send, setRun, setError, finished]);
}

/**
 * The import dialog's state: the picked files go to a service draft one by one
 * (`imports.addFile`), the mapping report is asked for after every change (`imports.preview`,
 * which stores nothing), and only Store (`imports.commit`) keeps anything. Closing the dialog
 * forgets the draft (`imports.discard`).
 */
import { useRef, useState } from 'react';
import type { ImportCommitted, ImportDraft, ImportDraftFile, ImportPreview, ImportSource, Result, ServiceError } from '@service/contract';
import { readPickedFile } from '../../client/read-file';
import { useSend, type Send } from '../hooks';

export interface ImportOptions {
  transactions: 'charges' | 'invoices';
  includeTest: boolean;
}

export interface ImportDraftState {
  source: ImportSource;
  files: ImportDraftFile[];
  options: ImportOptions;
  preview: ImportPreview | null;
  error: ServiceError | null;
  busy: 'reading' | 'mapping' | 'storing' | null;
}

/** Reads each picked file and adds it to the draft (a new one when `draftId` is null), in order; stops at the first refusal. */
async function sendFiles(send: Send, draftId: string | null, role: ImportDraftFile['role'], picked: readonly File[], onAdded: (d: ImportDraft) => void): Promise<Result<null>> {
  let id = draftId;
  for (const file of picked) {
    const text = await readPickedFile(file);
    const added = text.ok ? await send('imports.addFile', { ...(id ? { draftId: id } : {}), role, fileName: file.name, text: text.value }) : text;
    if (!added.ok) return added;
    id = added.value.draftId;
    onAdded(added.value);
  }
  return { ok: true, value: null };
}

const START: Omit<ImportDraftState, 'source'> = { files: [], options: { transactions: 'charges', includeTest: false }, preview: null, error: null, busy: null };

export function useImportDraft() {
  const send = useSend();
  const [state, setState] = useState<ImportDraftState>({ source: 'partnerstack', ...START });
  // The draft id outlives renders; a preview answer for an older request is dropped.
  const draft = useRef<string | null>(null);
  const asked = useRef(0);
  const patch = (p: Partial<ImportDraftState>) => setState((s) => ({ ...s, ...p }));

  const preview = async (source: ImportSource, options: ImportOptions) => {
    if (!draft.current) return;
    const ask = ++asked.current;
    patch({ busy: 'mapping', preview: null, error: null });
    const r = await send('imports.preview', { draftId: draft.current, source, ...options });
    if (ask !== asked.current) return;
    patch(r.ok ? { busy: null, preview: r.value } : { busy: null, error: r.error });
  };

  const addFiles = async (role: ImportDraftFile['role'], picked: readonly File[]) => {
    patch({ busy: 'reading', error: null, preview: null });
    const added = await sendFiles(send, draft.current, role, picked, (d) => {
      draft.current = d.draftId;
      patch({ files: d.files });
    });
    if (added.ok) await preview(state.source, state.options);
    else patch({ busy: null, error: added.error });
  };

  const forget = () => {
    if (draft.current) void send('imports.discard', { draftId: draft.current });
    draft.current = null;
    asked.current++;
  };
  const restart = () => setState((s) => ({ source: s.source, ...START }));
  const close = () => {
    forget();
    restart();
  };

  return {
    state,
    addFiles,
    /** Another source reads other files: the draft starts again. */
    setSource: (source: ImportSource) => {
      forget();
      setState({ source, ...START });
    },
    setOptions: (options: ImportOptions) => {
      patch({ options });
      void preview(state.source, options);
    },
    commit: async (programId: string, createProgram: boolean): Promise<ImportCommitted | null> => {
      if (!draft.current) return null;
      patch({ busy: 'storing', error: null });
      const r = await send('imports.commit', { draftId: draft.current, programId, createProgram });
      if (!r.ok) {
        patch({ busy: null, error: r.error });
        return null;
      }
      draft.current = null;
      restart();
      return r.value;
    },
    /** Closing without storing: the service forgets the files. */
    close,
  };
}

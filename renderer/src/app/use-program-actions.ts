/**
 * What the program menu's actions do (create, rename, duplicate, delete, import, export), apart
 * from the menu that offers them: each answer from the service either opens the program it made
 * and says so, or shows the refusal with its problems.
 */
import { useState } from 'react';
import type { ProgramSummary, Result } from '@service/contract';
import { files } from '../client';
import { useAppStore } from './app-store';
import { useClient } from './client-context';
import { useNotify } from './notify';
import { dataChanged } from '../client/query-cache';

export type ProgramDialog = null | 'create' | 'rename' | 'duplicate' | 'delete';

export function useProgramActions(programs: ProgramSummary[]) {
  const client = useClient();
  const { programId, openProgram } = useAppStore();
  const notify = useNotify((s) => s.show);
  const [dialog, setDialog] = useState<ProgramDialog>(null);
  const current = programs.find((p) => p.id === programId);

  const after = (programIdToOpen: string | null, message: string) => {
    setDialog(null);
    dataChanged('program');
    openProgram(programIdToOpen);
    notify(message);
  };
  const run = async <T>(p: Promise<Result<T>>, then: (v: T) => void) => {
    const r = await p;
    if (r.ok) then(r.value);
    else notify(r.error.message, 'error', r.error.issues);
  };
  return {
    current,
    dialog,
    setDialog,
    create: (name: string) => void run(client.send('programs.create', { name }), (doc) => after(doc.id, `Created “${name}”`)),
    rename: (name: string) => current && void run(client.send('programs.rename', { programId: current.id, name }), () => after(current.id, 'Renamed')),
    duplicate: (name: string) => current && void run(client.send('programs.duplicate', { programId: current.id, name }), (doc) => after(doc.id, `Created “${name}”`)),
    remove: () => current && void run(client.send('programs.delete', { programId: current.id }), () => after(programs.find((p) => p.id !== current.id)?.id ?? null, 'Program deleted')),
    importFile: () => void run(files.importFile({ kind: 'program' }), (got) => got?.kind === 'program' && after(got.value.id, `Imported “${got.value.program.name}”`)),
    exportFile: () => programId && void run(files.exportFile({ channel: 'programs.export', args: { programId } }), (out) => out.saved && notify(`Saved ${out.fileName}`)),
  };
}

export type ProgramActions = ReturnType<typeof useProgramActions>;

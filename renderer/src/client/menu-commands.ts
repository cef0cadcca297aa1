/**
 * What the desktop app's native menu does in the page: File › New creates and opens a program,
 * Open Program File imports one and opens it, Recent opens one, Import asks for an event set and
 * imports it into the open program, Export saves the open program's file. (In a browser there
 * is no native menu: nothing fires.)
 */
import type { ExportOutcome, ExportRequest, ImportOutcome, ImportRequest, MenuCommand } from '@service/bridge';
import type { Result, ServiceClient, ServiceError } from '@service/contract';
import type { InputIssue } from '@engine/formats/issues';

export interface MenuDeps {
  client: ServiceClient;
  importFile: (request: ImportRequest) => Promise<Result<ImportOutcome | null>>;
  exportFile: (request: ExportRequest) => Promise<Result<ExportOutcome>>;
  programId: () => string | null;
  openProgram: (programId: string) => void;
  showReplay: () => void;
  bumpRevision: () => void;
  /** `problems` (every one of a refused import, by place) keep the message on screen as a list. */
  notify: (message: string, severity?: 'success' | 'error', problems?: readonly InputIssue[]) => void;
}

/** A refused import: its message, and every problem when the service listed them. */
function refused(deps: MenuDeps, error: ServiceError): void {
  if (error.issues && error.issues.length > 0) deps.notify(error.message, 'error', error.issues);
  else deps.notify(error.message, 'error');
}

/** Carries out one menu command; failures are shown, never thrown. */
export async function runMenuCommand(command: MenuCommand, deps: MenuDeps): Promise<void> {
  switch (command.type) {
    case 'new-program': {
      const r = await deps.client.send('programs.create', { name: 'Untitled program' });
      if (!r.ok) return deps.notify(r.error.message, 'error');
      deps.bumpRevision();
      deps.openProgram(r.value.id);
      return deps.notify('Created “Untitled program”');
    }
    case 'open-program':
      deps.bumpRevision();
      return deps.openProgram(command.programId);
    case 'open-program-file': {
      const r = await deps.importFile({ kind: 'program' });
      if (!r.ok) return refused(deps, r.error);
      if (r.value?.kind !== 'program') return;
      deps.bumpRevision();
      deps.openProgram(r.value.value.id);
      return deps.notify(`Imported “${r.value.value.program.name}”`);
    }
    case 'import-events': {
      const programId = deps.programId();
      if (!programId) return deps.notify('Open a program first, then import its event set', 'error');
      const r = await deps.importFile({ kind: 'events', programId });
      if (!r.ok) return refused(deps, r.error);
      if (r.value?.kind !== 'events') return;
      deps.bumpRevision();
      deps.showReplay();
      return deps.notify(`Imported “${r.value.value.name}” (${r.value.value.eventCount} events)`);
    }
    case 'export-program': {
      const programId = deps.programId();
      if (!programId) return deps.notify('Open a program first', 'error');
      const r = await deps.exportFile({ channel: 'programs.export', args: { programId } });
      if (!r.ok) return deps.notify(r.error.message, 'error');
      if (r.value.saved) deps.notify(`Saved ${r.value.fileName}`);
      return;
    }
    default: {
      const never: never = command;
      return never;
    }
  }
}

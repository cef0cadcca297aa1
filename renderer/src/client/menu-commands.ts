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
  /** Says what a command changed, so the views showing it fetch it again (`query-cache.ts`). */
  changed: (change: 'program' | 'eventSets') => void;
  /** `problems` (every one of a refused import, by place) keep the message on screen as a list. */
  notify: (message: string, severity?: 'success' | 'error', problems?: readonly InputIssue[]) => void;
}

/** What a command leaves on screen: a message, and every problem of a refused import. */
interface Notice {
  message: string;
  severity?: 'error';
  problems?: readonly InputIssue[];
}

const failed = (message: string): Notice => ({ message, severity: 'error' });

/** A refused import: its message, and every problem when the service listed them. */
function refused(error: ServiceError): Notice {
  return error.issues && error.issues.length > 0 ? { ...failed(error.message), problems: error.issues } : failed(error.message);
}

/** Carries out one menu command; failures are shown, never thrown. */
export async function runMenuCommand(command: MenuCommand, deps: MenuDeps): Promise<void> {
  const notice = await carryOut(command, deps);
  if (!notice) return;
  if (notice.problems) deps.notify(notice.message, 'error', notice.problems);
  else if (notice.severity) deps.notify(notice.message, notice.severity);
  else deps.notify(notice.message);
}

async function carryOut(command: MenuCommand, deps: MenuDeps): Promise<Notice | undefined> {
  switch (command.type) {
    case 'new-program': {
      const r = await deps.client.send('programs.create', { name: 'Untitled program' });
      if (!r.ok) return failed(r.error.message);
      deps.changed('program');
      deps.openProgram(r.value.id);
      return { message: 'Created “Untitled program”' };
    }
    case 'open-program':
      deps.changed('program');
      deps.openProgram(command.programId);
      return undefined;
    case 'open-program-file': {
      const r = await deps.importFile({ kind: 'program' });
      if (!r.ok) return refused(r.error);
      if (r.value?.kind !== 'program') return undefined;
      deps.changed('program');
      deps.openProgram(r.value.value.id);
      return { message: `Imported “${r.value.value.program.name}”` };
    }
    case 'import-events': {
      const programId = deps.programId();
      if (!programId) return failed('Open a program first, then import its event set');
      const r = await deps.importFile({ kind: 'events', programId });
      if (!r.ok) return refused(r.error);
      if (r.value?.kind !== 'events') return undefined;
      deps.changed('eventSets');
      deps.showReplay();
      return { message: `Imported “${r.value.value.name}” (${r.value.value.eventCount} events)` };
    }
    case 'export-program': {
      const programId = deps.programId();
      if (!programId) return failed('Open a program first');
      const r = await deps.exportFile({ channel: 'programs.export', args: { programId } });
      if (!r.ok) return failed(r.error.message);
      return r.value.saved ? { message: `Saved ${r.value.fileName}` } : undefined;
    }
    default: {
      const never: never = command;
      return never;
    }
  }
}

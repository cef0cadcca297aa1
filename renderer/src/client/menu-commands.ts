/**
 * What the desktop app's native menu does in the page: File › New creates and opens a program,
 * Open/Recent open one, Import asks for an event set and imports it into the open program,
 * Export saves the open program's file. (In a browser there is no native menu: nothing fires.)
 */
import type { MenuCommand, OpenedFile } from '../../../service/bridge';
import type { ServiceClient } from '../../../service/contract';

export interface MenuDeps {
  client: ServiceClient;
  openFile: (kind: 'events') => Promise<OpenedFile | null>;
  saveFile: (fileName: string, text: string) => Promise<boolean>;
  programId: () => string | null;
  openProgram: (programId: string) => void;
  showReplay: () => void;
  bumpRevision: () => void;
  notify: (message: string, severity?: 'success' | 'error') => void;
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
    case 'import-events': {
      const programId = deps.programId();
      if (!programId) return deps.notify('Open a program first, then import its event set', 'error');
      const file = await deps.openFile('events');
      if (!file) return;
      const r = await deps.client.send('eventSets.import', { programId, fileName: file.fileName, text: file.text });
      if (!r.ok) return deps.notify(r.error.message, 'error');
      deps.bumpRevision();
      deps.showReplay();
      return deps.notify(`Imported “${r.value.name}” (${r.value.eventCount} events)`);
    }
    case 'export-program': {
      const programId = deps.programId();
      if (!programId) return deps.notify('Open a program first', 'error');
      const r = await deps.client.send('programs.export', { programId });
      if (!r.ok) return deps.notify(r.error.message, 'error');
      if (await deps.saveFile(r.value.fileName, r.value.text)) deps.notify(`Saved ${r.value.fileName}`);
      return;
    }
    default: {
      const never: never = command;
      return never;
    }
  }
}

/** Mounts the app with the one service client (preload bridge or local HTTP host). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { useAppStore } from './app/app-store';
import { useNotify } from './app/notify';
import { client, files, onMenuCommand } from './client';
import { runMenuCommand } from './client/menu-commands';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The desktop app's native menu (no-op in a browser).
onMenuCommand((command) =>
  void runMenuCommand(command, {
    client,
    importFile: files.importFile,
    exportFile: files.exportFile,
    programId: () => useAppStore.getState().programId,
    openProgram: (id) => useAppStore.getState().openProgram(id),
    showReplay: () => useAppStore.getState().go({ kind: 'replay' }),
    bumpRevision: () => useAppStore.getState().bumpRevision(),
    notify: (message, severity) => useNotify.getState().show(message, severity),
  }),
);

createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);

/**
 * The renderer's root: the service client, the theme, and the shell (navigator + view).
 * `main.tsx` mounts `<App client={client} />` with the one client of `renderer/src/client/`.
 */
import { Alert, Box, CssBaseline, Snackbar } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { useEffect, useMemo, useRef } from 'react';
import type { ServiceClient } from '@service/contract';
import { createAppTheme, useThemeMode } from '../theme/theme';
import { files, onMenuCommand } from '../client';
import { runMenuCommand } from '../client/menu-commands';
import { provideClient } from '../workbench';
import { useAppStore } from './app-store';
import { ClientProvider, useServiceQuery } from './client-context';
import { dataChanged } from '../client/query-cache';
import { ConnectionBanner } from './connection-banner';
import { LeaveDialog } from './dialogs';
import { installUnloadGuard } from './leave-guard';
import { Navigator } from './navigator';
import { useNotify } from './notify';
import { ProblemsDialog } from './problems-dialog';
import { ViewHost } from './view-host';

/** Opens the remembered program, or the first one (the sample on first run). */
function useOpenSomeProgram() {
  const programs = useServiceQuery('programs.list', {});
  const { programId, openProgram } = useAppStore();
  const checked = useRef(false);
  useEffect(() => {
    const list = programs.data;
    if (!list) return;
    // At start the remembered program may be gone; later a just-created one may not be listed yet.
    const stale = !checked.current && programId !== null && !list.some((p) => p.id === programId);
    checked.current = true;
    if (!programId || stale) openProgram(list[0]?.id ?? null);
  }, [programs.data, programId, openProgram]);
}

function Notifier() {
  const { message, severity, problems, clear } = useNotify();
  if (message !== null && problems.length > 0) return <ProblemsDialog message={message} problems={problems} onClose={clear} />;
  return (
    <Snackbar open={message !== null} autoHideDuration={severity === 'error' ? 8000 : 3000} onClose={clear} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert severity={severity} onClose={clear} variant="filled">
        {message}
      </Alert>
    </Snackbar>
  );
}

/** The desktop app's native menu (File › New, Open, Import events, Export); nothing in a browser. */
function useMenuCommands(client: ServiceClient) {
  const notify = useNotify((s) => s.show);
  useEffect(
    () =>
      onMenuCommand((command) => {
        const app = useAppStore.getState();
        void runMenuCommand(command, {
          client,
          importFile: files.importFile,
          exportFile: files.exportFile,
          programId: () => useAppStore.getState().programId,
          openProgram: app.openProgram,
          showReplay: () => app.go({ kind: 'replay' }),
          changed: dataChanged,
          notify,
        });
      }),
    [client, notify],
  );
}

function Shell({ client }: { client: ServiceClient }) {
  useOpenSomeProgram();
  useMenuCommands(client);
  useEffect(installUnloadGuard, []);
  return (
    <Box sx={{ display: 'flex', height: '100vh', overflow: 'hidden', bgcolor: 'background.default' }}>
      <Navigator />
      <ViewHost />
      <Notifier />
      <ConnectionBanner />
      <LeaveDialog />
    </Box>
  );
}

export function App({ client }: { client: ServiceClient }) {
  const mode = useThemeMode((s) => s.mode);
  const theme = useMemo(() => createAppTheme(mode), [mode]);
  useMemo(() => provideClient(client), [client]);
  return (
    <ClientProvider client={client}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <Shell client={client} />
      </ThemeProvider>
    </ClientProvider>
  );
}

/**
 * The renderer's root: the service client, the theme, and the shell (navigator + view).
 * `main.tsx` mounts `<App client={client} />` with the one client of `renderer/src/client/`.
 */
import { Alert, Box, CssBaseline, Snackbar } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { useEffect, useMemo } from 'react';
import type { ServiceClient } from '../../../service/contract';
import { createAppTheme, useThemeMode } from '../theme/theme';
import { provideClient } from '../workbench';
import { useAppStore } from './app-store';
import { ClientProvider, useQuery } from './client-context';
import { Navigator } from './navigator';
import { useNotify } from './notify';
import { ViewHost } from './view-host';

/** Opens the remembered program, or the first one (the sample on first run). */
function useOpenSomeProgram() {
  const programs = useQuery('programs.list', {});
  const { programId, openProgram } = useAppStore();
  useEffect(() => {
    const list = programs.data;
    if (!list) return;
    if (!programId || !list.some((p) => p.id === programId)) openProgram(list[0]?.id ?? null);
  }, [programs.data, programId, openProgram]);
}

function Notifier() {
  const { message, severity, clear } = useNotify();
  return (
    <Snackbar open={message !== null} autoHideDuration={severity === 'error' ? 8000 : 3000} onClose={clear} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert severity={severity} onClose={clear} variant="filled">
        {message}
      </Alert>
    </Snackbar>
  );
}

function Shell() {
  useOpenSomeProgram();
  return (
    <Box sx={{ display: 'flex', height: '100vh', overflow: 'hidden', bgcolor: 'background.default' }}>
      <Navigator />
      <ViewHost />
      <Notifier />
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
        <Shell />
      </ThemeProvider>
    </ClientProvider>
  );
}

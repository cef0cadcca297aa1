/** Offerflow's MUI theme in light and dark, and the persisted choice between them. */
import { createTheme, type Theme } from '@mui/material/styles';
import { create } from 'zustand';
import { readPreference, writePreference } from '../ui/preference';

export type ThemeMode = 'light' | 'dark';
const KEY = 'offerflow.theme';

function initialMode(): ThemeMode {
  const saved = readPreference(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  // Under Node (unit tests) there is no matchMedia.
  return 'matchMedia' in globalThis && globalThis.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const useThemeMode = create<{ mode: ThemeMode; toggle: () => void }>()((set) => ({
  mode: initialMode(),
  toggle: () =>
    set((s) => {
      const mode = s.mode === 'light' ? 'dark' : 'light';
      writePreference(KEY, mode);
      return { mode };
    }),
}));

export function createAppTheme(mode: ThemeMode): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'light' ? '#3b4cca' : '#8c9eff' },
      secondary: { main: mode === 'light' ? '#00897b' : '#4db6ac' },
      background: mode === 'light' ? { default: '#f4f5f9', paper: '#ffffff' } : { default: '#121317', paper: '#1c1d23' },
    },
    shape: { borderRadius: 8 },
    typography: { fontSize: 13, fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
    components: {
      MuiButton: { defaultProps: { size: 'small' }, styleOverrides: { root: { textTransform: 'none' } } },
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiFormControl: { defaultProps: { size: 'small' } },
      MuiListItemButton: { styleOverrides: { root: { borderRadius: 6 } } },
    },
  });
}

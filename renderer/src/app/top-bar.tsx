/** The top bar: program and view name, the view's own controls (undo/redo, save state), theme, help. */
import DarkModeIcon from '@mui/icons-material/DarkMode';
import HelpOutlinedIcon from '@mui/icons-material/HelpOutlined';
import LightModeIcon from '@mui/icons-material/LightMode';
import { AppBar, Box, Dialog, DialogContent, DialogTitle, IconButton, Table, TableBody, TableCell, TableRow, Toolbar, Tooltip, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useThemeMode } from '../theme/theme';
import { isTyping, SHORTCUTS } from './shortcuts';
import { ClockToggle } from '../ui/clock-toggle';

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Keyboard shortcuts</DialogTitle>
      <DialogContent>
        <Table size="small" aria-label="Keyboard shortcuts">
          <TableBody>
            {SHORTCUTS.map((s) => (
              <TableRow key={s.keys}>
                <TableCell sx={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>{s.keys}</TableCell>
                <TableCell>{s.what}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  );
}

export function TopBar({ title, subtitle, children }: { title: string; subtitle?: string; children?: ReactNode }) {
  const { mode, toggle } = useThemeMode();
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '?') setHelp(true);
      else if (e.key === 'D' && e.shiftKey) toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
  return (
    <AppBar position="static" color="inherit" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Toolbar variant="dense" sx={{ gap: 1, py: 0.5 }}>
        <Box sx={{ minWidth: 0, flex: 1 }}>
          {/* A long name (a trigger's) wraps to a second line rather than being cut; past two lines
              the tooltip has it whole. */}
          <Typography
            component="h1"
            variant="subtitle1"
            title={title}
            sx={{ fontWeight: 600, lineHeight: 1.2, maxHeight: '2.4em', overflow: 'hidden', overflowWrap: 'anywhere' }}
          >
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="caption" color="text.secondary" noWrap component="div" title={subtitle}>
              {subtitle}
            </Typography>
          )}
        </Box>
        {children}
        <ClockToggle />
        <Tooltip title={mode === 'light' ? 'Dark theme (Shift+D)' : 'Light theme (Shift+D)'}>
          <IconButton aria-label={mode === 'light' ? 'Switch to dark theme' : 'Switch to light theme'} onClick={toggle}>
            {mode === 'light' ? <DarkModeIcon /> : <LightModeIcon />}
          </IconButton>
        </Tooltip>
        <Tooltip title="Keyboard shortcuts (?)">
          <IconButton aria-label="Keyboard shortcuts" onClick={() => setHelp(true)}>
            <HelpOutlinedIcon />
          </IconButton>
        </Tooltip>
      </Toolbar>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </AppBar>
  );
}

import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { TopBar } from './top-bar';

/** A view under the top bar; `actions` go into the bar (undo/redo, save state…). */
export function ViewFrame({ title, subtitle, actions, children, padded = true }: { title: string; subtitle?: string; actions?: ReactNode; children: ReactNode; padded?: boolean }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, minHeight: 0 }}>
      <TopBar title={title} {...(subtitle ? { subtitle } : {})}>
        {actions}
      </TopBar>
      <Box component="main" sx={{ flex: 1, minHeight: 0, overflow: padded ? 'auto' : 'hidden', p: padded ? 3 : 0, display: 'flex', flexDirection: 'column' }}>
        {children}
      </Box>
    </Box>
  );
}

/**
 * An outlined part of a screen under its heading, a region named for screen readers and the e2e
 * specs: the one shape the results screens' parts share.
 */
import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

export interface SectionProps {
  /** The region's accessible name; also the heading unless `title` says otherwise. */
  label: string;
  title?: ReactNode;
  /** Shares a row's width with the sections beside it (and may shrink below its content). */
  grow?: boolean;
  children: ReactNode;
}

export function Section({ label, title = label, grow = false, children }: SectionProps) {
  return (
    <Paper variant="outlined" sx={grow ? { p: 2, flex: 1, minWidth: 0 } : { p: 2 }} component="section" aria-label={label}>
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

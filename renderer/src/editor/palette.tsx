/**
 * The palette: an AND block, an OR block or a rule. Click it (or press Enter on it) to add it
 * connected to the selected node (see graph-build.ts), or drag it onto the canvas.
 */
import { Paper, Tooltip, Typography } from '@mui/material';
import type { DragEvent, KeyboardEvent } from 'react';
import { useEditorFit } from './editor-fit';
import { useEditorStoreApi } from './editor-context';
import type { PaletteItem } from './graph-slice';

export const PALETTE_MIME = 'application/x-offerflow-node';

const ITEMS: { item: PaletteItem; label: string; help: string }[] = [
  { item: 'all', label: 'AND block', help: 'Passes when every rule or block inside it passes.' },
  { item: 'any', label: 'OR block', help: 'Passes when at least one rule or block inside it passes.' },
  { item: 'rule', label: 'Rule', help: 'One condition: object, field, operator and value.' },
];

/** Shown for drafts only: a locked trigger's canvas has no palette (nothing can be added). */
export function Palette() {
  const store = useEditorStoreApi();
  const fit = useEditorFit();
  const onDragStart = (e: DragEvent, item: PaletteItem) => {
    e.dataTransfer.setData(PALETTE_MIME, item);
    e.dataTransfer.effectAllowed = 'move';
  };
  const add = (item: PaletteItem) => {
    const id = store.getState().addConnected(item);
    // Bring the new node into view (it is selected, the inspector shows it).
    if (id) requestAnimationFrame(() => fit());
  };
  const onKey = (e: KeyboardEvent, item: PaletteItem) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    add(item);
  };
  return (
    <Paper component="aside" aria-label="Palette" elevation={3} sx={{ width: 140, p: 1, display: 'flex', flexDirection: 'column', gap: 0.75 }}>
      <Typography variant="overline" color="text.secondary">
        Palette
      </Typography>
      {ITEMS.map((it) => (
        <Tooltip key={it.item} disableInteractive title={`${it.help} Click to add it to the selected block (or after the selected rule), or drag it onto the canvas.`} placement="right">
          <Paper
            role="button"
            tabIndex={0}
            aria-label={`Palette: ${it.label}`}
            variant="outlined"
            draggable
            onDragStart={(e) => onDragStart(e, it.item)}
            onClick={() => add(it.item)}
            onKeyDown={(e) => onKey(e, it.item)}
            sx={{ px: 1, py: 0.5, cursor: 'pointer', userSelect: 'none', '&:hover, &:focus-visible': { borderColor: 'primary.main', outline: 'none' }, '&:focus-visible': { boxShadow: 2 } }}
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              + {it.label}
            </Typography>
          </Paper>
        </Tooltip>
      ))}
      <Typography variant="caption" color="text.secondary" sx={{ lineHeight: 1.3 }}>
        Click to add to the selected block, or drag onto the canvas.
      </Typography>
    </Paper>
  );
}

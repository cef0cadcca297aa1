/** The palette: drag an AND block, an OR block or a rule onto the canvas (HTML5 drag and drop). */
import { Paper, Tooltip, Typography } from '@mui/material';
import type { DragEvent } from 'react';
import type { PaletteItem } from './graph-slice';

export const PALETTE_MIME = 'application/x-offerflow-node';

const ITEMS: { item: PaletteItem; label: string; help: string }[] = [
  { item: 'all', label: 'AND block', help: 'Passes when every rule or block inside it passes.' },
  { item: 'any', label: 'OR block', help: 'Passes when at least one rule or block inside it passes.' },
  { item: 'rule', label: 'Rule', help: 'One condition: object, field, operator and value.' },
];

export function Palette({ disabledReason }: { disabledReason: string | null }) {
  const onDragStart = (e: DragEvent, item: PaletteItem) => {
    e.dataTransfer.setData(PALETTE_MIME, item);
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <Paper component="aside" aria-label="Palette" elevation={3} sx={{ width: 124, p: 1, display: 'flex', flexDirection: 'column', gap: 0.75 }}>
      <Typography variant="overline" color="text.secondary">
        Palette
      </Typography>
      {ITEMS.map((it) => (
        <Tooltip key={it.item} disableInteractive title={disabledReason ?? `${it.help} Drag it onto the canvas.`} placement="right">
          <Paper
            role="button"
            aria-label={`Palette: ${it.label}`}
            aria-disabled={disabledReason !== null}
            variant="outlined"
            draggable={disabledReason === null}
            onDragStart={(e) => onDragStart(e, it.item)}
            sx={{ px: 1, py: 0.5, cursor: disabledReason ? 'not-allowed' : 'grab', opacity: disabledReason ? 0.5 : 1, userSelect: 'none', '&:hover': { borderColor: 'primary.main' } }}
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {it.label}
            </Typography>
          </Paper>
        </Tooltip>
      ))}
      <Typography variant="caption" color="text.secondary" sx={{ lineHeight: 1.3 }}>
        Drag onto the canvas, then connect right handle → left handle.
      </Typography>
    </Paper>
  );
}

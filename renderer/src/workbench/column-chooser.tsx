import { useState } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import { DEFAULT_LEDGER_COLUMNS, LEDGER_COLUMNS } from './ledger-model';
import { useWorkbenchStore } from './workbench-store';

/** Which ledger columns show; at least one stays, and "Default columns" restores the few. */
export function ColumnChooser() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const chosen = useWorkbenchStore((s) => s.ledgerColumns);
  const setChosen = useWorkbenchStore((s) => s.setLedgerColumns);
  const on = new Set(chosen);
  const toggle = (key: string) => {
    const next = on.has(key) ? chosen.filter((k) => k !== key) : [...chosen, key];
    if (next.length > 0) setChosen(next);
  };
  return (
    <>
      <Button size="small" startIcon={<ViewColumnIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" aria-expanded={anchor !== null}>
        Columns
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': 'Ledger columns' } }}>
        {LEDGER_COLUMNS.map((c) => (
          <MenuItem key={c.key} role="menuitemcheckbox" aria-checked={on.has(c.key)} onClick={() => toggle(c.key)} dense>
            <Checkbox size="small" checked={on.has(c.key)} tabIndex={-1} sx={{ p: 0.25, mr: 1 }} />
            <ListItemText>{c.label}</ListItemText>
          </MenuItem>
        ))}
        <MenuItem onClick={() => setChosen(DEFAULT_LEDGER_COLUMNS)} dense>
          <ListItemText inset>Default columns</ListItemText>
        </MenuItem>
      </Menu>
    </>
  );
}

/** An editable table of two-column rows (key/name, currency/rate) with add, delete and save. */
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, Paper, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLeaveGuard } from '../leave-guard';

export type Row = [string, string];

/** What is wrong with a row's two cells, in words for the field's helper text (null: fine). */
export type RowCheck = (row: Row, index: number, rows: Row[]) => [string | null, string | null];

/** Keys must be non-empty and unique (groups, tiers, tags). */
export const checkKeyRow: RowCheck = ([key], i, rows) => {
  const k = key.trim();
  if (k === '') return ['Enter a key (letters, digits, - or _)', null];
  if (rows.findIndex((r) => r[0].trim() === k) !== i) return [`“${k}” is already used above`, null];
  return [null, null];
};

export function RowsEditor(props: { title: string; saveLabel?: string; help: string; columns: [string, string]; rows: Row[]; addLabel: string; check?: RowCheck; onSave: (rows: Row[]) => Promise<boolean> }) {
  const [rows, setRows] = useState<Row[]>(props.rows);
  const [busy, setBusy] = useState(false);
  const source = JSON.stringify(props.rows);
  useEffect(() => setRows(JSON.parse(source) as Row[]), [source]);
  const dirty = JSON.stringify(rows) !== source;
  useLeaveGuard(`rows:${props.title}`, dirty ? `${props.title} has unsaved changes.` : null);
  const errors = rows.map((r, i) => props.check?.(r, i, rows) ?? [null, null]);
  const invalid = errors.some(([a, b]) => a !== null || b !== null);
  const set = (i: number, col: 0 | 1, v: string) => setRows(rows.map((r, j) => (j === i ? (col === 0 ? [v, r[1]] : [r[0], v]) : r)));
  return (
    <Paper variant="outlined" component="section" aria-label={props.title} sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="h6" component="h2">
        {props.title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {props.help}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{props.columns[0]}</TableCell>
            <TableCell>{props.columns[1]}</TableCell>
            <TableCell width={48} />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i}>
              <TableCell>
                <TextField variant="standard" fullWidth value={r[0]} error={errors[i]?.[0] != null} helperText={errors[i]?.[0] ?? undefined} onChange={(e) => set(i, 0, e.target.value)} slotProps={{ htmlInput: { 'aria-label': `${props.title} ${props.columns[0]} ${i + 1}` } }} />
              </TableCell>
              <TableCell>
                <TextField variant="standard" fullWidth value={r[1]} error={errors[i]?.[1] != null} helperText={errors[i]?.[1] ?? undefined} onChange={(e) => set(i, 1, e.target.value)} slotProps={{ htmlInput: { 'aria-label': `${props.title} ${props.columns[1]} ${i + 1}` } }} />
              </TableCell>
              <TableCell>
                <IconButton size="small" aria-label={`Delete ${r[0] || 'row'}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button startIcon={<AddIcon />} onClick={() => setRows([...rows, ['', '']])}>
          {props.addLabel}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Button disabled={!dirty || busy} onClick={() => setRows(JSON.parse(source) as Row[])}>
          Discard
        </Button>
        <Button
          variant="contained"
          disabled={!dirty || busy || invalid}
          onClick={() => {
            setBusy(true);
            void props.onSave(rows).finally(() => setBusy(false));
          }}
        >
          {props.saveLabel ?? `Save ${props.title.toLowerCase()}`}
        </Button>
      </Box>
    </Paper>
  );
}

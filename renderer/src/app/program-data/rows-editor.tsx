/** An editable table of two-column rows (key/name, currency/rate) with add, delete and save. */
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, Paper, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLeaveGuard } from '../leave-guard';
import { rowProblems, withCell, type Row, type RowCheck } from './rows-model';

/** The rows being edited against the saved ones; leaving with unsaved changes asks first. */
function useRowsDraft(saved: Row[], title: string) {
  const [rows, setRows] = useState<Row[]>(saved);
  // Compared and reset by value: the parent builds a new array on every render.
  const source = JSON.stringify(saved);
  useEffect(() => setRows(JSON.parse(source) as Row[]), [source]);
  const dirty = JSON.stringify(rows) !== source;
  useLeaveGuard(`rows:${title}`, dirty ? `${title} has unsaved changes.` : null);
  return { rows, setRows, dirty, discard: () => setRows(JSON.parse(source) as Row[]) };
}

function RowsTable({ title, columns, rows, errors, onChange }: { title: string; columns: [string, string]; rows: Row[]; errors: [string | null, string | null][]; onChange: (rows: Row[]) => void }) {
  const cell = (r: Row, i: number, col: 0 | 1) => (
    <TableCell>
      <TextField variant="standard" fullWidth value={r[col]} error={errors[i]?.[col] != null} helperText={errors[i]?.[col] ?? undefined} onChange={(e) => onChange(withCell(rows, i, col, e.target.value))} slotProps={{ htmlInput: { 'aria-label': `${title} ${columns[col]} ${i + 1}` } }} />
    </TableCell>
  );
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{columns[0]}</TableCell>
          <TableCell>{columns[1]}</TableCell>
          <TableCell width={48} />
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r, i) => (
          <TableRow key={i}>
            {cell(r, i, 0)}
            {cell(r, i, 1)}
            <TableCell>
              <IconButton size="small" aria-label={`Delete ${r[0] || 'row'}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function RowsEditor(props: { title: string; saveLabel?: string; help: string; columns: [string, string]; rows: Row[]; addLabel: string; check?: RowCheck; onSave: (rows: Row[]) => Promise<boolean> }) {
  const { rows, setRows, dirty, discard } = useRowsDraft(props.rows, props.title);
  const [busy, setBusy] = useState(false);
  const { errors, invalid } = rowProblems(rows, props.check);
  const save = () => {
    setBusy(true);
    void props.onSave(rows).finally(() => setBusy(false));
  };
  return (
    <Paper variant="outlined" component="section" aria-label={props.title} sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="h6" component="h2">
        {props.title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {props.help}
      </Typography>
      <RowsTable title={props.title} columns={props.columns} rows={rows} errors={errors} onChange={setRows} />
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button startIcon={<AddIcon />} onClick={() => setRows([...rows, ['', '']])}>
          {props.addLabel}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Button disabled={!dirty || busy} onClick={discard}>
          Discard
        </Button>
        <Button variant="contained" disabled={!dirty || busy || invalid} onClick={save}>
          {props.saveLabel ?? `Save ${props.title.toLowerCase()}`}
        </Button>
      </Box>
    </Paper>
  );
}

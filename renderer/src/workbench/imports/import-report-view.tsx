/**
 * An import's mapping report on screen, the one `offerflow import … --report` writes: the
 * command's summary line, events to store by type, skipped items by reason (each object with
 * its source id and why), warnings, and the currencies written with their FX hints.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ImportPreview } from '@service/contract';
import { groupDigits } from '../money-format';
import { SmallTable } from '../small-table';

/** "customer_not_imported" → "customer not imported": the CLI's reason code, read as words. */
export const reasonWords = (code: string): string => code.replace(/_/g, ' ');

function Counts({ title, counts, empty }: { title: string; counts: Record<string, number>; empty: string }) {
  const rows = Object.entries(counts).map(([key, n]) => ({ key, n }));
  return (
    <Box sx={{ flex: 1, minWidth: 220 }}>
      <Typography variant="subtitle2">{title}</Typography>
      <SmallTable label={title} rows={rows} empty={empty} columns={[{ label: title.startsWith('Skipped') ? 'Reason' : 'Event type', cell: (r) => (title.startsWith('Skipped') ? reasonWords(r.key) : r.key) }, { label: 'Count', cell: (r) => groupDigits(String(r.n)) }]} />
    </Box>
  );
}

function Skipped({ preview }: { preview: ImportPreview }) {
  const rows = preview.report.skipped;
  if (rows.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle2">Skipped items ({rows.length})</Typography>
      <SmallTable
        label="Skipped items"
        rows={rows}
        empty=""
        limit={200}
        columns={[
          { label: 'Item', cell: (r) => `${r.kind} ${r.source}` },
          { label: 'Reason', cell: (r) => reasonWords(r.reason) },
          { label: 'Why', cell: (r) => r.message },
        ]}
      />
    </Box>
  );
}

function Currencies({ preview }: { preview: ImportPreview }) {
  const { currencies, fxHints } = preview.report;
  const foreign = currencies.filter((c) => c !== 'USD');
  if (foreign.length === 0) return null;
  return (
    <Typography variant="body2">
      Currencies written: {currencies.join(', ')}. Add an FX rate for each non-USD one to the program
      {fxHints && Object.keys(fxHints).length > 0 ? ` (hints from the export, USD per unit: ${Object.entries(fxHints).map(([c, r]) => `${c} ${r}`).join(', ')})` : ''}.
    </Typography>
  );
}

export function ImportReportView({ preview }: { preview: ImportPreview }) {
  const { counts, warnings } = preview.report;
  return (
    <Stack spacing={1.5} component="section" aria-label="Mapping report">
      <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} aria-label="Import summary">
        {preview.summary}
      </Typography>
      <Typography variant="body2">
        Read {groupDigits(String(counts.read))} items from {preview.files.length} file{preview.files.length === 1 ? '' : 's'}: {groupDigits(String(preview.eventCount))} events would be stored as “{preview.setName}”, {preview.report.skipped.length} items skipped, {counts.merged} merged as other versions of the same object.
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Counts title="Events to store" counts={counts.emitted} empty="No events." />
        <Counts title="Skipped, by reason" counts={counts.skipped} empty="Nothing skipped." />
      </Stack>
      <Skipped preview={preview} />
      <Currencies preview={preview} />
      {warnings.map((w) => (
        <Alert key={w} severity="warning" variant="outlined">
          {w}
        </Alert>
      ))}
    </Stack>
  );
}

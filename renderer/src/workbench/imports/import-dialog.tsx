/**
 * "Import from PartnerStack or Stripe…": pick the export's files, read the mapping report (the
 * one `offerflow import` prints), and only then store the event set (and, for PartnerStack, the
 * program skeleton as a new program). Escape or Cancel closes it with nothing stored.
 */
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import CloudDownloadIcon from '@mui/icons-material/CloudDownload';
import type { EventSetSummary, ImportDraftFile, ServiceError } from '@service/contract';
import { dataChanged } from '../../client/query-cache';
import { useNotify } from '../../app/notify';
import { issueLines } from '../import-issues';
import { ImportReportView } from './import-report-view';
import { useImportDraft } from './use-import-draft';

function FilePicker({ label, button, role, files, onFiles, disabled }: { label: string; button: string; role: ImportDraftFile['role']; files: ImportDraftFile[]; onFiles: (f: File[]) => void; disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const mine = files.filter((f) => f.role === role);
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
      <Button variant="outlined" disabled={disabled} onClick={() => input.current?.click()}>
        {button}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".json,.jsonl,.ndjson,application/json"
        aria-label={label}
        onChange={(e) => {
          const picked = [...(e.target.files ?? [])];
          e.target.value = '';
          if (picked.length > 0) onFiles(picked);
        }}
      />
      <Typography variant="body2" color="text.secondary">
        {mine.length === 0 ? 'No files yet' : mine.map((f) => f.name).join(', ')}
      </Typography>
    </Stack>
  );
}

function ErrorBox({ error }: { error: ServiceError }) {
  const lines = (error.issues?.length ?? 0) > 0 ? issueLines(error) : [];
  return (
    <Alert severity="error" role="alert" aria-label="Import error">
      <AlertTitle>{error.message}</AlertTitle>
      {lines.length > 1 && (
        <Box component="ul" sx={{ m: 0, pl: 2, maxHeight: 160, overflowY: 'auto' }}>
          {lines.map((l, i) => (
            <li key={i}>
              {l.where && <strong>{l.where}: </strong>}
              {l.message}
            </li>
          ))}
        </Box>
      )}
      Nothing was stored.
    </Alert>
  );
}

function Options({ d }: { d: ReturnType<typeof useImportDraft> }) {
  const { source, options, busy } = d.state;
  if (source !== 'stripe') return null;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
      <Typography variant="body2">Transactions from</Typography>
      <ToggleButtonGroup size="small" exclusive value={options.transactions} aria-label="Transactions from" onChange={(_, v: 'charges' | 'invoices' | null) => v && d.setOptions({ ...options, transactions: v })} disabled={busy !== null}>
        <ToggleButton value="charges">Charges</ToggleButton>
        <ToggleButton value="invoices">Invoices</ToggleButton>
      </ToggleButtonGroup>
    </Stack>
  );
}

export interface ImportExportsDialogProps {
  programId: string;
  open: boolean;
  onClose: () => void;
  onImported: (set: EventSetSummary) => void;
}

export function ImportExportsDialog({ programId, open, onClose, onImported }: ImportExportsDialogProps) {
  const d = useImportDraft();
  const notify = useNotify((s) => s.show);
  const [createProgram, setCreateProgram] = useState(false);
  const { source, files, options, preview, error, busy } = d.state;
  const close = () => {
    d.close();
    onClose();
  };
  const store = async () => {
    const done = await d.commit(programId, createProgram && source === 'partnerstack');
    if (!done) return;
    onClose();
    dataChanged(done.program ? 'program' : 'eventSets');
    onImported(done.eventSet);
    notify(`Stored “${done.eventSet.name}” (${done.eventSet.eventCount} events)${done.program ? ` and created the program “${done.program.name}”` : ''}`);
  };
  return (
    <Dialog open={open} onClose={close} maxWidth="md" fullWidth aria-labelledby="import-exports-title">
      <DialogTitle id="import-exports-title">Import from PartnerStack or Stripe</DialogTitle>
      <DialogContent dividers>
        {/* useFlexGap: gaps, not margins, so the checkboxes keep MUI's alignment with the text. */}
        <Stack spacing={2} useFlexGap>
          <ToggleButtonGroup exclusive value={source} aria-label="Source" onChange={(_, v: 'partnerstack' | 'stripe' | null) => v && d.setSource(v)} disabled={busy !== null}>
            <ToggleButton value="partnerstack">PartnerStack export</ToggleButton>
            <ToggleButton value="stripe">Stripe events</ToggleButton>
          </ToggleButtonGroup>
          <Typography variant="body2" color="text.secondary">
            {source === 'partnerstack'
              ? 'API v2 list exports (partnerships.json, customers.json, transactions.json, deals.json, leads.json, …) or webhook JSON Lines. Pick all the files at once.'
              : 'A /v1/events list page, an array of Events, or JSON Lines of webhook bodies; object lists of customers, charges, invoices or refunds for longer history.'}
          </Typography>
          <FilePicker label={source === 'partnerstack' ? 'PartnerStack export files' : 'Stripe export files'} button="Choose files…" role="source" files={files} onFiles={(f) => void d.addFiles('source', f)} disabled={busy !== null} />
          {source === 'stripe' && <FilePicker label="Partners from a PartnerStack export" button="Partners from PartnerStack…" role="partners" files={files} onFiles={(f) => void d.addFiles('partners', f)} disabled={busy !== null || files.length === 0} />}
          <Options d={d} />
          <FormControlLabel control={<Checkbox checked={options.includeTest} onChange={(e) => d.setOptions({ ...options, includeTest: e.target.checked })} disabled={busy !== null || files.length === 0} />} label="Include test-mode items" />
          {busy && <LinearProgress aria-label={busy === 'storing' ? 'Storing the events' : 'Reading the export'} />}
          {error && <ErrorBox error={error} />}
          {preview && <ImportReportView preview={preview} />}
          {preview?.skeleton && (
            <FormControlLabel
              control={<Checkbox checked={createProgram} onChange={(e) => setCreateProgram(e.target.checked)} />}
              label={`Also create the program “${preview.skeleton.name}” from the export: ${preview.skeleton.groups} groups, ${preview.skeleton.tags} tags, ${preview.skeleton.partners} partners (no triggers)`}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" startIcon={<CloudDownloadIcon />} disabled={!preview || busy !== null || preview.eventCount === 0} onClick={() => void store()}>
          {preview ? `Store ${preview.eventCount} events` : 'Store events'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The workbench's button that opens the dialog. */
export function ImportExportsButton({ programId, onImported }: { programId: string; onImported: (set: EventSetSummary) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        Import from PartnerStack or Stripe…
      </Button>
      <ImportExportsDialog programId={programId} open={open} onClose={() => setOpen(false)} onImported={onImported} />
    </>
  );
}

import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { EventSetSummary, ImportJob, Result, ServiceError } from '@service/contract';
import { importTitle, issueLines } from './import-issues';
import type { RunView } from './run-state';
import { groupDigits } from './money-format';
import { useSend } from './hooks';
import { dataChanged } from '../client/query-cache';
import { readPickedFile } from '../client/read-file';

const IMPORT_POLL_MS = 200;

/** The line under the import's progress bar: what the job is doing. */
export function importCaption(fileName: string, job: Pick<ImportJob, 'phase' | 'stored' | 'total'> | null): string {
  if (job?.phase === 'storing' && job.total > 0) return `Importing ${fileName}: storing ${job.stored} of ${job.total} parts… Run replay waits for it.`;
  return `Importing ${fileName}… Run replay waits for it.`;
}

export interface EventSetBarProps {
  programId: string;
  eventSets: readonly EventSetSummary[];
  eventSetId: string;
  onPick: (id: string) => void;
  onImported: (set: EventSetSummary) => void;
  /** The going run's state (from the run state machine), or null when none goes. */
  going: RunView | null;
  onRun: () => void;
  onCancel: () => void;
  runError: ServiceError | null;
}

/** Pick or import an event set, run it, watch it, cancel it. */
export function EventSetBar({ programId, eventSets, eventSetId, onPick, onImported, going, onRun, onCancel, runError }: EventSetBarProps) {
  const send = useSend();
  const input = useRef<HTMLInputElement>(null);
  const [importError, setImportError] = useState<{ fileName: string; error: ServiceError } | null>(null);
  // The file being imported: the set it makes replaces the chosen one, so no run starts meanwhile.
  const [importing, setImporting] = useState<string | null>(null);
  // The import job being followed: its progress line and the id its Cancel stops.
  const [job, setJob] = useState<ImportJob | null>(null);
  const isRunning = going?.inProgress === true;

  const importFile = async (file: File) => {
    setImporting(file.name);
    setJob(null);
    const read = await readPickedFile(file);
    const started = read.ok ? await send('eventSets.importStart', { programId, fileName: file.name, text: read.value }) : read;
    let end: Result<ImportJob> = started.ok ? await send('eventSets.importProgress', { importId: started.value.importId }) : started;
    while (end.ok && end.value.status === 'running') {
      setJob(end.value);
      await new Promise((r) => setTimeout(r, IMPORT_POLL_MS));
      end = await send('eventSets.importProgress', { importId: end.value.id });
    }
    setImporting(null);
    setJob(null);
    if (!end.ok) {
      setImportError({ fileName: file.name, error: end.error });
      return;
    }
    if (end.value.status === 'cancelled') {
      setImportError(null);
      return;
    }
    if (end.value.status === 'failed' || !end.value.eventSet) {
      setImportError({ fileName: file.name, error: end.value.error ?? { message: 'the import failed' } });
      return;
    }
    setImportError(null);
    // Said here, where the import ends, even when the person has left the workbench meanwhile.
    dataChanged('eventSets');
    onImported(end.value.eventSet);
  };

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <TextField select size="small" label="Event set" value={eventSets.some((s) => s.id === eventSetId) ? eventSetId : ''} onChange={(e) => onPick(e.target.value)} sx={{ minWidth: 280 }}>
          {eventSets.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.name} · {groupDigits(String(s.eventCount))} events{s.hasExpectations ? ' · with expectations' : ''}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" startIcon={<UploadFileIcon />} disabled={importing !== null} onClick={() => input.current?.click()}>
          Import event set…
        </Button>
        <input
          ref={input}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          hidden
          aria-label="Event set file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
        {isRunning ? (
          <Button variant="contained" color="warning" startIcon={<StopIcon />} onClick={onCancel} disabled={!going.canCancel}>
            {going.canCancel ? 'Cancel' : 'Cancelling…'}
          </Button>
        ) : (
          <Button variant="contained" startIcon={<PlayArrowIcon />} disabled={!eventSetId || importing !== null} onClick={onRun} title={importing ? `Wait for ${importing} to be imported` : undefined}>
            Run replay
          </Button>
        )}
      </Stack>
      {importing && (
        <Box role="group" aria-label="Import progress">
          <LinearProgress aria-label="Importing the event set" />
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="caption" role="status">
              {importCaption(importing, job)}
            </Typography>
            {job && (
              <Button size="small" onClick={() => void send('eventSets.importCancel', { importId: job.id })}>
                Cancel import
              </Button>
            )}
          </Stack>
        </Box>
      )}
      {isRunning && (
        <Box role="group" aria-label="Replay progress">
          <LinearProgress variant={going.percent === null ? 'indeterminate' : 'determinate'} value={going.percent ?? 0} aria-label="Replay progress" />
          <Typography variant="caption" role="status" aria-label="Replay caption">
            {going.caption}
          </Typography>
        </Box>
      )}
      {runError && <Alert severity="error">{runError.message}</Alert>}
      {importError && (
        <Alert severity="error" onClose={() => setImportError(null)} role="alert" aria-label="Import errors">
          <AlertTitle>{importTitle(importError.fileName, importError.error)}</AlertTitle>
          {/* Without issues the title already carries the message: no list repeating it. */}
          {(importError.error.issues?.length ?? 0) > 0 && (
            <Box component="ul" sx={{ m: 0, pl: 2, maxHeight: 180, overflowY: 'auto' }}>
              {issueLines(importError.error).map((l, i) => (
                <li key={i}>
                  {l.where && <strong>{l.where}: </strong>}
                  {l.message}
                </li>
              ))}
            </Box>
          )}
        </Alert>
      )}
    </Stack>
  );
}

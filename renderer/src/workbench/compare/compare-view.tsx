/**
 * "Compare with…": what another program, or this program as it was at the end of a day, would
 * pay on one of this program's event sets, against this program now (programs.compare: the
 * engine's comparison, the numbers `offerflow compare` prints).
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Program } from '@engine/formats/program-schema';
import { DateInput } from '../../ui/date-input';
import { useServiceQuery } from '../hooks';
import { ReadableProvider } from '../readable';
import type { ProgramViewProps } from '../types';
import { againstArg, type Against } from './compare-model';
import { CompareResults } from './compare-results';
import { useCompareChoice } from './compare-store';

const AS_OF = '__as_of__';

export function CompareView({ programId }: ProgramViewProps) {
  const doc = useServiceQuery('programs.get', { programId });
  if (!doc.data) return doc.error ? <Alert severity="error">{doc.error.message}</Alert> : <LinearProgress aria-label="Loading the program" />;
  return (
    <ReadableProvider program={doc.data.program}>
      <Compare programId={programId} program={doc.data.program} />
    </ReadableProvider>
  );
}

function Compare({ programId, program }: { programId: string; program: Program }) {
  const [choice] = useCompareChoice(programId);
  const shownArgs = choice.shown ? againstArg(choice.shown.against, program.timeZone) : null;
  const result = useServiceQuery('programs.compare', choice.shown && shownArgs ? { programId, eventSetId: choice.shown.eventSetId, against: shownArgs } : null);
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <ComparePicker programId={programId} program={program} />
      </Paper>
      {!choice.shown && <Typography color="text.secondary">Pick the program to compare with and an event set, then press Compare: both replay the same events.</Typography>}
      {result.loading && <LinearProgress aria-label="Replaying both programs" />}
      {result.error && <Alert severity="error">{result.error.message}</Alert>}
      {result.data && choice.shown && shownArgs && !result.loading && (
        <CompareResults comparison={result.data} program={program} against={choice.shown.against} request={{ programId, eventSetId: choice.shown.eventSetId, against: shownArgs }} />
      )}
    </Stack>
  );
}

function ComparePicker({ programId, program }: { programId: string; program: Program }) {
  const programs = useServiceQuery('programs.list', {});
  const sets = useServiceQuery('eventSets.list', { programId });
  const [choice, update] = useCompareChoice(programId);
  const others = (programs.data ?? []).filter((p) => p.id !== programId);
  const against: Against | null = choice.against ?? (others[0] ? { programId: others[0].id } : null);
  const eventSetId = choice.eventSetId || (sets.data?.[0]?.id ?? '');
  const bValue = against === null ? '' : 'programId' in against ? against.programId : AS_OF;
  const asOfDate = against && 'asOfDate' in against ? against.asOfDate : null;
  const ready = against !== null && eventSetId !== '' && againstArg(against, program.timeZone) !== null;
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <TextField
        select
        label="Compare with (B)"
        value={bValue}
        sx={{ minWidth: 280 }}
        helperText={`A is ${program.name} now`}
        onChange={(e) => update({ against: e.target.value === AS_OF ? { asOfDate: asOfDate ?? '' } : { programId: e.target.value } })}
      >
        {others.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.name}
          </MenuItem>
        ))}
        <MenuItem value={AS_OF}>This program as of a date…</MenuItem>
      </TextField>
      {bValue === AS_OF && (
        <DateInput label="As of the end of" required width={260} value={asOfDate || null} timeZone={program.timeZone} onChange={(d) => update({ against: { asOfDate: d ?? '' } })} onUnreadable={() => update({ against: { asOfDate: '' } })} helperText="each trigger as last saved by then" />
      )}
      <TextField select label="On the event set" value={eventSetId} sx={{ minWidth: 260 }} helperText={sets.data?.length === 0 ? 'import an event set in the replay workbench first' : ' '} onChange={(e) => update({ eventSetId: e.target.value })}>
        {(sets.data ?? []).map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {s.name} · {s.eventCount.toLocaleString('en-US')} events
          </MenuItem>
        ))}
      </TextField>
      <Button variant="contained" sx={{ mt: 1 }} disabled={!ready} onClick={() => against && update({ against, eventSetId, shown: { against, eventSetId } })}>
        Compare
      </Button>
    </Stack>
  );
}

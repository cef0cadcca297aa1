/**
 * The traces behind one trigger row of a comparison: the events where the trigger pays
 * differently (programs.compareTraces), each with the trigger's verdict and rules on side A and
 * on side B, next to each other.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TriggerDelta } from '@engine/compare';
import type { Program, Trigger } from '@engine/formats/program-schema';
import type { TriggerTrace } from '@engine/formats/report';
import type { ArgsOf, CompareTraceEvent } from '@service/contract';
import { useServiceQuery } from '../hooks';
import { eventTypeLabel } from '../event-labels';
import { displayUsd } from '../money-format';
import { useReadable } from '../readable';
import { TriggerCard } from '../trace-panel';
import { triggerRowName, type Against } from './compare-model';

export interface CompareTracesDialogProps {
  trigger: TriggerDelta;
  request: ArgsOf<'programs.compare'>;
  names: { a: string; b: string };
  program: Program;
  against: Against;
  onClose: () => void;
}

function Side({ title, paid, trace, trigger }: { title: string; paid: string; trace: TriggerTrace | null; trigger: Trigger | undefined }) {
  return (
    <Box sx={{ flex: 1, minWidth: 0 }} component="section" aria-label={title}>
      <Typography variant="subtitle2">
        {title}: <span aria-label="Paid">{displayUsd(paid)}</span>
      </Typography>
      {trace ? <TriggerCard trace={trace} trigger={trigger} /> : <Typography color="text.secondary">This side has no such trigger.</Typography>}
    </Box>
  );
}

function EventRow({ e, names, triggers }: { e: CompareTraceEvent; names: { a: string; b: string }; triggers: { a?: Trigger | undefined; b?: Trigger | undefined } }) {
  const n = useReadable();
  return (
    <Stack spacing={1} component="article" aria-label={`Event ${e.eventId}`}>
      <Typography variant="body1">
        {eventTypeLabel(e.type)} · {n.instant(e.moment)}
        {e.partnerKey ? ` · ${n.partner(e.partnerKey)}` : ''}
        <Typography component="span" variant="caption" color="text.secondary">
          {' '}
          ({e.eventId})
        </Typography>
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Side title={`A: ${names.a}`} paid={e.aUsd} trace={e.a} trigger={triggers.a} />
        <Side title={`B: ${names.b}`} paid={e.bUsd} trace={e.b} trigger={triggers.b} />
      </Stack>
    </Stack>
  );
}

export function CompareTracesDialog({ trigger, request, names, program, against, onClose }: CompareTracesDialogProps) {
  const q = useServiceQuery('programs.compareTraces', { ...request, ...(trigger.a ? { aTriggerId: trigger.a.id } : {}), ...(trigger.b ? { bTriggerId: trigger.b.id } : {}) });
  const other = useServiceQuery('programs.get', 'programId' in against ? { programId: against.programId } : null);
  const aTrigger = trigger.a ? program.triggers.find((t) => t.id === trigger.a?.id) : undefined;
  // B as of a date has no stored program of its own: its graph is the trigger as it is now.
  const bProgram = 'programId' in against ? other.data?.program : program;
  const bTrigger = trigger.b ? bProgram?.triggers.find((t) => t.id === trigger.b?.id) : undefined;
  const name = triggerRowName(trigger);
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="compare-traces-title">
      <DialogTitle id="compare-traces-title">Traces of “{name}”, A and B</DialogTitle>
      <DialogContent dividers>
        {q.loading && <LinearProgress aria-label="Tracing both programs" />}
        {q.error && <Alert severity="error">{q.error.message}</Alert>}
        {q.data && q.data.total === 0 && <Typography>“{name}” pays the same for every event on both sides.</Typography>}
        {q.data && q.data.total > 0 && (
          <Stack spacing={3}>
            <Typography color="text.secondary">
              {q.data.total === q.data.events.length ? `${q.data.total} event${q.data.total === 1 ? '' : 's'}` : `The first ${q.data.events.length} of ${q.data.total} events`} where “{name}” pays differently:
            </Typography>
            {q.data.events.map((e) => (
              <EventRow key={e.eventId} e={e} names={names} triggers={{ a: aTrigger, b: bTrigger }} />
            ))}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

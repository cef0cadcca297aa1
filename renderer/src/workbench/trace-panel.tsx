import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Trigger } from '@engine/formats/program-schema';
import type { EventTrace, RejectedRow, TriggerTrace } from '@engine/formats/report';
import { useServiceQuery } from './hooks';
import { eventHeading, traceLines, VERDICT_LABELS, whyNot } from './trace-model';
import { TraceCanvas } from '../editor/trace-canvas';
import { useReadable } from './readable';

const VERDICT_COLORS = { passed: 'success', failed: 'error', skipped: 'default' } as const;

function RuleLines({ trace }: { trace: TriggerTrace }) {
  const lines = traceLines(trace.rules);
  if (lines.length === 0) return <Typography variant="body2" color="text.secondary">No rules were evaluated.</Typography>;
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, fontSize: 13 }} aria-label={`Rules of ${trace.triggerId}`}>
      {lines.map((l, i) => (
        <Box component="li" key={i} sx={{ pl: l.depth * 2.5, py: 0.25, display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Box component="span" sx={{ color: l.result ? 'success.main' : 'error.main', fontWeight: 700 }} aria-label={l.result ? 'true' : 'false'}>
            {l.result ? '✓' : '✗'}
          </Box>
          <Box component="span" sx={{ fontWeight: l.kind === 'block' ? 600 : 400 }}>
            {l.label}
          </Box>
          {l.kind === 'rule' && (
            <Box component="span" sx={{ color: 'text.secondary' }}>
              saw <strong>{l.actual}</strong>
              {l.before !== null && <> (before this event: {l.before})</>}
              {l.filters.length > 0 && <> · counting {l.filters.join(', ')}</>}
            </Box>
          )}
        </Box>
      ))}
    </Box>
  );
}

/** One trigger's verdict on an event: why, each rule with what it saw, the graph on demand (the comparison's traces reuse it). */
export function TriggerCard({ trace, trigger }: { trace: TriggerTrace; trigger: Trigger | undefined }) {
  const [canvas, setCanvas] = useState(false);
  const n = useReadable();
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-label={`Trigger ${trace.triggerId}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <Chip size="small" color={VERDICT_COLORS[trace.verdict]} label={VERDICT_LABELS[trace.verdict]} />
        <Typography variant="subtitle2">{trigger?.name ?? trace.triggerId}</Typography>
        <Typography variant="caption" color="text.secondary">
          v{trace.triggerVersion} · {trace.reason}
        </Typography>
        {trigger && trace.verdict !== 'skipped' && (
          <Button size="small" sx={{ ml: 'auto' }} onClick={() => setCanvas((c) => !c)}>
            {canvas ? 'Hide graph' : 'Show graph'}
          </Button>
        )}
      </Stack>
      {trace.verdict !== 'passed' && (
        <Typography variant="body2" sx={{ mb: 0.5 }} aria-label="Why it did not fire">
          {whyNot(trace, n.trigger(trace.triggerId))}
        </Typography>
      )}
      {trace.outcome && (
        <Typography variant="body2" sx={{ mb: 0.5 }}>
          → {trace.outcome}
        </Typography>
      )}
      {trace.verdict !== 'skipped' && <RuleLines trace={trace} />}
      {canvas && trigger && (
        <Box sx={{ mt: 1 }}>
          {trigger.version !== undefined && trigger.version !== trace.triggerVersion && (
            <Typography variant="caption" color="warning.main">
              The run used version {trace.triggerVersion}; the graph shows the current version {trigger.version}.
            </Typography>
          )}
          <TraceCanvas trigger={trigger} trace={trace} />
        </Box>
      )}
    </Paper>
  );
}

/** Nothing fired: one line per trigger saying why, each opening its full card on demand. */
function NothingFired({ event, triggers }: { event: EventTrace; triggers: ReadonlyMap<string, Trigger> }) {
  const n = useReadable();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack spacing={0.5} component="section" aria-label="Why nothing fired">
      <Alert severity="info">Nothing fired for this event. Each trigger that listens, and why it did not fire:</Alert>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {event.triggers.map((t) => {
          const key = `${t.triggerId}-${t.triggerVersion}`;
          return (
            <Box component="li" key={key} sx={{ py: 0.25 }}>
              <Typography variant="body2" component="span">
                {whyNot(t, n.trigger(t.triggerId))}
              </Typography>{' '}
              <Button size="small" onClick={() => setOpen(open === key ? null : key)} aria-expanded={open === key} aria-label={`Rules of ${n.trigger(t.triggerId)}`}>
                {open === key ? 'Hide rules' : 'Rules'}
              </Button>
              {open === key && <TriggerCard trace={t} trigger={triggers.get(t.triggerId)} />}
            </Box>
          );
        })}
      </Box>
    </Stack>
  );
}

function EventTraceView({ event, triggers, rejected }: { event: EventTrace; triggers: ReadonlyMap<string, Trigger>; rejected: string | undefined }) {
  const readable = useReadable();
  const nothing = event.triggers.length > 0 && event.triggers.every((t) => t.verdict !== 'passed');
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1">{eventHeading(event, readable)}</Typography>
      <Typography variant="body2" color="text.secondary">
        {event.applied}
      </Typography>
      {rejected !== undefined && (
        <Alert severity="warning" aria-label="Rejected">
          This event was rejected, so no trigger ran for it: {rejected}
        </Alert>
      )}
      {rejected === undefined && event.triggers.length === 0 && <Typography>No trigger listens to {event.type} events.</Typography>}
      {rejected === undefined && nothing && <NothingFired event={event} triggers={triggers} />}
      {rejected === undefined &&
        !nothing &&
        event.triggers.map((t) => <TriggerCard key={`${t.triggerId}-${t.triggerVersion}`} trace={t} trigger={triggers.get(t.triggerId)} />)}
    </Stack>
  );
}

export interface TracePanelProps {
  runId: string;
  eventId: string;
  onEventId: (id: string) => void;
  triggers: readonly Trigger[];
  /** The run's rejected events: their trace says why they were rejected. */
  rejected?: readonly RejectedRow[];
}

/** One event's trace: every trigger in evaluation order, each rule with what it saw. */
export function TracePanel({ runId, eventId, onEventId, triggers, rejected = [] }: TracePanelProps) {
  const rejections = new Map(rejected.map((r) => [r.eventId, r.message]));
  const [text, setText] = useState(eventId);
  useEffect(() => setText(eventId), [eventId]);
  const q = useServiceQuery('replay.trace', eventId ? { runId, eventId } : null);
  const byId = new Map(triggers.map((t) => [t.id, t]));
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} component="form" onSubmit={(e) => {
        e.preventDefault();
        onEventId(text.trim());
      }}>
        <TextField size="small" label="Event id" value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="submit" variant="outlined">
          Show trace
        </Button>
      </Stack>
      {!eventId && <Typography color="text.secondary">Enter an event id, or pick an event in the Events tab (or in the ledger).</Typography>}
      {q.loading && <LinearProgress aria-label="Tracing the event" />}
      {q.error && <Alert severity="error">{q.error.message}</Alert>}
      {q.data && q.data.length === 0 && <Typography>No event {eventId} in this run.</Typography>}
      {!q.loading && q.data?.map((e) => <EventTraceView key={`${e.eventId}-${e.index}-${e.cascadeOf ?? ''}-${e.type}`} event={e} triggers={byId} rejected={e.cascadeOf ? undefined : rejections.get(e.eventId)} />)}
    </Stack>
  );
}
